import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface InboxCountsRow {
  mine: number
  mine_unread: number
  unassigned: number
  unassigned_unread: number
  open: number
  open_unread: number
  chats: number
  chats_unread: number
  decisions: number
  decisions_unread: number
}

/**
 * Every inbox view's open tickets and unread ones, in one pass over the store's open tickets
 * (the views are shared/src/api/inbox.ts's viewFilter, spelled here as SQL). Unread: a chat
 * whose shopper wrote after the agents' read mark, or a ticket no agent has acted on yet.
 * Whether a ticket is unread is worked out once per ticket, in the inner query, rather than
 * once in each of the five unread sums.
 */
export async function inboxCounts(
  db: Kysely<Database>,
  storeId: string,
  agentId: string,
): Promise<InboxCountsRow> {
  const open = db
    .selectFrom('tickets as t')
    .where('t.store_id', '=', storeId)
    .where('t.status', '=', 'open')
    .select([
      't.assignee_id',
      't.channel',
      't.request_status',
      // The chat's conversation is found by its ticket alone, its state tested in the select:
      // given the state as conditions, SQLite walked an index on (status, last author) through
      // every waiting chat of the store for each ticket (2,000 open tickets: 120 ms).
      sql<number>`case when t.channel = 'chat' then coalesce((
          select max(case when c.status = 'open' and c.last_author_kind = 'shopper'
            and c.last_seq > c.agent_read_seq then 1 else 0 end)
          from conversations c where c.ticket_id = t.id), 0)
        else (case when exists (
          select 1 from ticket_events e where e.ticket_id = t.id and e.actor_kind = 'agent')
          then 0 else 1 end) end`.as('unread'),
    ])
    .as('o')
  const count = (where: ReturnType<typeof sql<boolean>>) =>
    sql<number>`sum(case when ${where} then 1 else 0 end)`
  const unread = (where: ReturnType<typeof sql<boolean>>) =>
    sql<number>`sum(case when ${where} then o.unread else 0 end)`
  const mine = sql<boolean>`o.assignee_id = ${agentId}`
  const unassigned = sql<boolean>`o.assignee_id is null`
  const chats = sql<boolean>`o.channel = 'chat'`
  const decisions = sql<boolean>`o.request_status = 'requested'`
  const row = await db
    .selectFrom(open)
    .select([
      count(mine).as('mine'),
      unread(mine).as('mine_unread'),
      count(unassigned).as('unassigned'),
      unread(unassigned).as('unassigned_unread'),
      sql<number>`count(*)`.as('open'),
      sql<number>`sum(o.unread)`.as('open_unread'),
      count(chats).as('chats'),
      unread(chats).as('chats_unread'),
      count(decisions).as('decisions'),
      unread(decisions).as('decisions_unread'),
    ])
    .executeTakeFirstOrThrow()
  const out = {} as InboxCountsRow
  for (const [k, v] of Object.entries(row)) out[k as keyof InboxCountsRow] = Number(v ?? 0)
  return out
}

/** Open chats whose last word is the shopper's, longest wait first. */
export async function waitingChats(db: Kysely<Database>, storeId: string, limit: number) {
  return db
    .selectFrom('conversations')
    .select(['ticket_id', 'id', 'last_message_at'])
    .where('store_id', '=', storeId)
    .where('status', '=', 'open')
    .where('last_author_kind', '=', 'shopper')
    .where('last_message_at', 'is not', null)
    .orderBy('last_message_at')
    .limit(limit)
    .execute()
}
