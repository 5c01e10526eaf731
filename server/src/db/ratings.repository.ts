import type { Kysely, Transaction } from 'kysely'
import type { TicketRatingRow, TicketRatingsTable } from './insights.table.ts'
import type { Period } from './insights.repository.ts'
import type { Database } from './schema.ts'
import { toTicket } from './tickets.repository.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Stores a ticket's rating unless it has one. The ticket id is the primary key and the insert
 * does nothing on conflict, so of two racing ratings exactly one is stored, on both databases.
 * Returns false when the ticket was rated already.
 */
export async function insertRatingOnce(db: Db, rating: TicketRatingsTable): Promise<boolean> {
  const result = await db
    .insertInto('ticket_ratings')
    .values(rating)
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function findRating(
  db: Db,
  storeId: string,
  ticketId: string,
): Promise<TicketRatingRow | undefined> {
  return db
    .selectFrom('ticket_ratings')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst()
}

/** How many ratings of each score were given in the period. */
export async function countRatingsByScore(db: Db, p: Period) {
  const rows = await db
    .selectFrom('ticket_ratings')
    .select(['score', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', p.storeId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .groupBy('score')
    .execute()
  return rows.map((r) => ({ score: Number(r.score), count: Number(r.n) }))
}

/** The ticket a rating link names, in whichever store it is (the link's signature vouches). */
export async function findTicketForRating(db: Db, ticketId: string) {
  const row = await db
    .selectFrom('tickets')
    .selectAll()
    .where('id', '=', ticketId)
    .executeTakeFirst()
  return row && toTicket(row)
}

/** A conversation's ticket and owner, for rating the chat from the panel. */
export async function findConversationForRating(db: Db, storeId: string, conversationId: string) {
  return db
    .selectFrom('conversations')
    .select(['ticket_id', 'visitor_id', 'identity_kind', 'identity_value', 'status'])
    .where('store_id', '=', storeId)
    .where('id', '=', conversationId)
    .executeTakeFirst()
}

/** The scores given to some of a store's tickets, by ticket id. */
export async function scoresOf(db: Db, storeId: string, ticketIds: readonly string[]) {
  if (ticketIds.length === 0) return new Map<string, number>()
  const rows = await db
    .selectFrom('ticket_ratings')
    .select(['ticket_id', 'score'])
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .execute()
  return new Map(rows.map((r) => [r.ticket_id, Number(r.score)]))
}
