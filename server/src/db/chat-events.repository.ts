import type { ExpressionBuilder, Kysely, Transaction } from 'kysely'
import type { ChatEventRow, ChatEventsTable } from './conversations.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** Whose conversations a shopper-side reader may see: their visitor id and/or verified identity. */
export interface ChatOwnerFilter {
  visitorId: string | null
  identity: { kind: 'email' | 'phone'; value: string } | null
}

/** Rows owned by the reader; a reader with neither a visitor id nor an identity owns nothing. */
export function ownedBy<T extends 'chat_events' | 'conversations'>(
  eb: ExpressionBuilder<Database, T>,
  owner: ChatOwnerFilter,
) {
  // The casts let one helper serve both tables: they share the three owner columns.
  const e = eb as unknown as ExpressionBuilder<Database, 'conversations'>
  const ors = []
  if (owner.visitorId !== null) ors.push(e('visitor_id', '=', owner.visitorId))
  if (owner.identity !== null) {
    ors.push(
      e.and([
        e('identity_kind', '=', owner.identity.kind),
        e('identity_value', '=', owner.identity.value),
      ]),
    )
  }
  return ors.length === 0 ? e.lit(false) : e.or(ors)
}

/**
 * Takes the store's next event number. Call it first in a chat write: the counter row stays
 * locked until commit, which serializes the store's chat writes and keeps numbers in commit order.
 */
export async function nextChatSeq(db: Db, storeId: string): Promise<number> {
  await db
    .insertInto('chat_event_counters')
    .values({ store_id: storeId, last_seq: 0, pruned_through: 0 })
    .onConflict((oc) => oc.column('store_id').doNothing())
    .execute()
  const row = await db
    .updateTable('chat_event_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('store_id', '=', storeId)
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  return Number(row.last_seq)
}

export async function insertChatEvent(db: Db, row: ChatEventsTable): Promise<void> {
  await db.insertInto('chat_events').values(row).execute()
}

/** The newest event number of a store and how far its log was pruned. */
export async function eventLogPosition(
  db: Db,
  storeId: string,
): Promise<{ lastSeq: number; prunedThrough: number }> {
  const row = await db
    .selectFrom('chat_event_counters')
    .select(['last_seq', 'pruned_through'])
    .where('store_id', '=', storeId)
    .executeTakeFirst()
  return { lastSeq: Number(row?.last_seq ?? 0), prunedThrough: Number(row?.pruned_through ?? 0) }
}

/** Events after `afterSeq`, oldest first; for shopper readers only theirs and not agent-only. */
export async function readChatEvents(
  db: Db,
  storeId: string,
  afterSeq: number,
  limit: number,
  owner?: ChatOwnerFilter,
): Promise<ChatEventRow[]> {
  let query = db
    .selectFrom('chat_events')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('seq', '>', afterSeq)
  if (owner !== undefined) {
    query = query.where('audience', '=', 'all').where((eb) => ownedBy(eb, owner))
  }
  return query.orderBy('seq').limit(limit).execute()
}

/** Drops events older than `before`, remembering the highest dropped number per store. */
export async function pruneChatEvents(db: Kysely<Database>, before: number): Promise<number> {
  const stores = await db
    .selectFrom('chat_events')
    .select(['store_id', (eb) => eb.fn.max('seq').as('max_seq')])
    .where('created_at', '<', before)
    .groupBy('store_id')
    .execute()
  let pruned = 0
  for (const { store_id, max_seq } of stores) {
    const through = Number(max_seq)
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('chat_event_counters')
        .set({ pruned_through: through })
        .where('store_id', '=', store_id)
        .where('pruned_through', '<', through)
        .execute()
      const result = await trx
        .deleteFrom('chat_events')
        .where('store_id', '=', store_id)
        .where('seq', '<=', through)
        .executeTakeFirst()
      pruned += Number(result.numDeletedRows)
    })
  }
  return pruned
}

export async function insertStreamTicket(
  db: Db,
  row: Database['chat_stream_tickets'],
): Promise<void> {
  await db.insertInto('chat_stream_tickets').values(row).execute()
}

/** Marks a live, unused ticket used and returns it; a second use or a late one gets nothing. */
export async function consumeStreamTicket(db: Db, tokenHash: string, now: number) {
  return db
    .updateTable('chat_stream_tickets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['store_id', 'audience', 'principal'])
    .executeTakeFirst()
}

export async function pruneStreamTickets(db: Db, now: number): Promise<void> {
  await db.deleteFrom('chat_stream_tickets').where('expires_at', '<=', now).execute()
}
