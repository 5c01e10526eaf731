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
 */
export async function inboxCounts(
  db: Kysely<Database>,
  storeId: string,
  agentId: string,
): Promise<InboxCountsRow> {
  const unread = sql<boolean>`(case when t.channel = 'chat' then exists (
      select 1 from conversations c where c.ticket_id = t.id and c.status = 'open'
        and c.last_author_kind = 'shopper' and c.last_seq > c.agent_read_seq)
    else not exists (
      select 1 from ticket_events e where e.ticket_id = t.id and e.actor_kind = 'agent') end)`
  const count = (where: ReturnType<typeof sql<boolean>>) =>
    sql<number>`sum(case when ${where} then 1 else 0 end)`
  const mine = sql<boolean>`t.assignee_id = ${agentId}`
  const unassigned = sql<boolean>`t.assignee_id is null`
  const chats = sql<boolean>`t.channel = 'chat'`
  const decisions = sql<boolean>`t.request_status = 'requested'`
  const both = (a: ReturnType<typeof sql<boolean>>) => sql<boolean>`(${a}) and ${unread}`
  const row = await db
    .selectFrom('tickets as t')
    .where('t.store_id', '=', storeId)
    .where('t.status', '=', 'open')
    .select([
      count(mine).as('mine'),
      count(both(mine)).as('mine_unread'),
      count(unassigned).as('unassigned'),
      count(both(unassigned)).as('unassigned_unread'),
      sql<number>`count(*)`.as('open'),
      count(unread).as('open_unread'),
      count(chats).as('chats'),
      count(both(chats)).as('chats_unread'),
      count(decisions).as('decisions'),
      count(both(decisions)).as('decisions_unread'),
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
