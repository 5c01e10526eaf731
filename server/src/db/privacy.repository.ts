import type { ExpressionBuilder, Kysely } from 'kysely'
import type { CustomerDataRequestRow } from './privacy.table.ts'
import type { Database } from './schema.ts'

/**
 * The queries of Shopify's privacy webhooks: who a person is in our tables (their email, phone,
 * Shopify customer id and orders), the rows that hold their personal data, and the writes that
 * purge it. `'shop'` means every person of the store (shop/redact).
 */
export interface Person {
  emails: string[]
  phones: string[]
  customerId: string | null
  orderIds: string[]
}
export type Whom = Person | 'shop'

type Db = Kysely<Database>

/** What stands in for a personal value the audit trail keeps the place of. */
export const REDACTED = '[redacted]'

const values = (p: Person) => [...p.emails, ...p.phones]
// An empty IN list is not valid SQL; no email, phone or id is ever '[none]' (PostgreSQL text refuses NUL).
const none = (list: string[]) => (list.length === 0 ? ['[none]'] : list)

function ticketOf(whom: Whom) {
  return (eb: ExpressionBuilder<Database, 'tickets'>) =>
    whom === 'shop'
      ? eb.lit(true)
      : eb.or([
          eb('identity_value', 'in', none(values(whom))),
          eb('contact_email', 'in', none(whom.emails)),
          eb('order_id', 'in', none(whom.orderIds)),
        ])
}

/** Tickets of the person still holding personal fields (a second purge finds none). */
export async function ticketsToRedact(db: Db, storeId: string, whom: Whom) {
  return db
    .selectFrom('tickets')
    .select(['id', 'version', 'contact_name', 'comment'])
    .where('store_id', '=', storeId)
    .where(ticketOf(whom))
    .where((eb) =>
      eb.or([
        eb('identity_value', 'is not', null),
        eb('contact_email', 'is not', null),
        eb.and([eb('contact_name', 'is not', null), eb('contact_name', '!=', REDACTED)]),
        eb.and([eb('comment', 'is not', null), eb('comment', '!=', REDACTED)]),
      ]),
    )
    .orderBy('id')
    .execute()
}

/** Every ticket of the person, redacted or not (for the data export). */
export async function ticketsOf(db: Db, storeId: string, person: Person) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('store_id', '=', storeId)
    .where(ticketOf(person))
    .orderBy('created_at')
    .execute()
}

export async function eventsOfTickets(db: Db, storeId: string, ticketIds: string[]) {
  if (ticketIds.length === 0) return []
  return db
    .selectFrom('ticket_events')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function setTicketEventData(db: Db, id: string, data: string): Promise<void> {
  await db.updateTable('ticket_events').set({ data }).where('id', '=', id).execute()
}

export async function conversationsOfTickets(db: Db, storeId: string, ticketIds: string[]) {
  if (ticketIds.length === 0) return []
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .execute()
}

export async function messagesOfConversations(db: Db, storeId: string, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('conversation_id', 'in', ids)
    .orderBy('seq')
    .execute()
}

/**
 * Blanks what the person wrote or was called in the chats of these tickets: message texts
 * (system notices excepted, they are ours), shopper author names, the conversation's contact.
 */
export async function redactConversations(db: Db, storeId: string, ticketIds: string[]) {
  if (ticketIds.length === 0) return
  const ids = (await conversationsOfTickets(db, storeId, ticketIds)).map((c) => c.id)
  if (ids.length === 0) return
  await db
    .updateTable('conversations')
    .set({ contact_name: REDACTED, contact_email: null, identity_kind: null, identity_value: null })
    .where('store_id', '=', storeId)
    .where('id', 'in', ids)
    .execute()
  await db
    .updateTable('chat_messages')
    .set({ text: REDACTED, data: '{}' })
    .where('store_id', '=', storeId)
    .where('conversation_id', 'in', ids)
    .where('author_kind', '!=', 'system')
    .execute()
  await db
    .updateTable('chat_messages')
    .set({ author_name: REDACTED, sender_ref: null })
    .where('store_id', '=', storeId)
    .where('conversation_id', 'in', ids)
    .where('author_kind', '=', 'shopper')
    .execute()
}

/** Sessions, sign-in codes, chat visitors and activity of the person: deleted outright. */
export async function deletePersonRows(db: Db, storeId: string, whom: Whom): Promise<number> {
  const ids = whom === 'shop' ? null : none(values(whom))
  let removed = 0
  const count = (r: { numDeletedRows: bigint }[]) =>
    r.reduce((n, x) => n + Number(x.numDeletedRows), 0)
  let sessions = db.deleteFrom('shopper_sessions').where('store_id', '=', storeId)
  if (ids !== null) sessions = sessions.where('identity_value', 'in', ids)
  removed += count(await sessions.execute())
  let events = db.deleteFrom('shopper_events').where('store_id', '=', storeId)
  if (ids !== null) events = events.where('identity_value', 'in', ids)
  removed += count(await events.execute())
  let codes = db.deleteFrom('auth_challenges').where('store_id', '=', storeId)
  if (ids !== null) codes = codes.where('identifier', 'in', ids)
  removed += count(await codes.execute())
  // A visitor row is what a chat names as its author; its personal fields go, the row stays.
  let visitors = db
    .updateTable('chat_visitors')
    .set({ name: REDACTED, email: REDACTED, identity_kind: null, identity_value: null })
    .where('store_id', '=', storeId)
    .where('name', '!=', REDACTED)
  if (whom !== 'shop') {
    visitors = visitors.where((eb) =>
      eb.or([eb('identity_value', 'in', none(values(whom))), eb('email', 'in', none(whom.emails))]),
    )
  }
  removed += Number((await visitors.executeTakeFirst()).numUpdatedRows)
  return removed
}

/**
 * Messages the outbox holds for the person (codes, acknowledgements, replies: their address and
 * what was said to them), sent or waiting; for `'shop'` every message of the store, webhooks
 * to the store's endpoints included. A message a worker is sending this instant is left to
 * finish: the next purge (a redelivery, or shop/redact) takes it.
 */
export async function deleteOutboxMessagesTo(db: Db, storeId: string, whom: Whom): Promise<number> {
  let q = db
    .deleteFrom('outbox_messages')
    .where('store_id', '=', storeId)
    .where('status', '!=', 'sending')
  if (whom !== 'shop') {
    q = q.where('channel', 'in', ['email', 'sms']).where('recipient', 'in', none(values(whom)))
  }
  return Number((await q.executeTakeFirst()).numDeletedRows)
}

/** A shopper's rating words on these tickets (the score stays: it holds nothing personal). */
export async function redactRatingComments(db: Db, storeId: string, ticketIds: string[]) {
  if (ticketIds.length === 0) return
  await db
    .updateTable('ticket_ratings')
    .set({ comment: REDACTED })
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .where('comment', 'is not', null)
    .execute()
}

/** The person's orders in the Shopify order cache (the next read goes to Shopify). */
export async function deleteCachedOrdersOf(db: Db, storeId: string, whom: Whom): Promise<number> {
  let q = db.deleteFrom('shopify_orders').where('store_id', '=', storeId)
  if (whom !== 'shop') {
    q = q.where((eb) =>
      eb.or([
        eb('email', 'in', none(whom.emails)),
        eb('customer_email', 'in', none(whom.emails)),
        eb('phone', 'in', none(whom.phones)),
        eb('customer_id', 'in', none(whom.customerId === null ? [] : [whom.customerId])),
        eb('order_id', 'in', none(whom.orderIds)),
      ]),
    )
  }
  return Number((await q.executeTakeFirst()).numDeletedRows)
}

/** Exports made for the person (or the shop): they hold the very data being purged. */
export async function deleteDataRequestsOf(db: Db, storeId: string, whom: Whom): Promise<void> {
  let q = db.deleteFrom('customer_data_requests').where('store_id', '=', storeId)
  if (whom !== 'shop') {
    q = q.where('customer_ref', 'in', none(whom.customerId === null ? [] : [whom.customerId]))
  }
  await q.execute()
}

/** Saves an export once per Shopify request id; false when that request was answered before. */
export async function insertDataRequest(db: Db, row: CustomerDataRequestRow): Promise<boolean> {
  const result = await db
    .insertInto('customer_data_requests')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'shopify_request_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return result !== undefined
}

export async function listDataRequests(db: Db, storeId: string) {
  return db
    .selectFrom('customer_data_requests')
    .select(['id', 'shopify_request_id', 'customer_label', 'created_at'])
    .where('store_id', '=', storeId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
}

export async function findDataRequest(db: Db, storeId: string, id: string) {
  return db
    .selectFrom('customer_data_requests')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Session metadata of the person (never the token hash). */
export async function sessionsOf(db: Db, storeId: string, person: Person) {
  return db
    .selectFrom('shopper_sessions')
    .select(['identity_kind', 'created_at', 'expires_at', 'revoked_at'])
    .where('store_id', '=', storeId)
    .where('identity_value', 'in', none(values(person)))
    .orderBy('created_at')
    .execute()
}

/** The ratings the person gave on these tickets. */
export async function ratingsOfTickets(db: Db, storeId: string, ticketIds: string[]) {
  return db
    .selectFrom('ticket_ratings')
    .select(['ticket_id', 'score', 'comment', 'source', 'created_at'])
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', none(ticketIds))
    .execute()
}

/** The emails and text messages Porchlight sent, or has still to send, to the person. */
export async function outboxMessagesTo(db: Db, storeId: string, person: Person) {
  return db
    .selectFrom('outbox_messages')
    .select(['channel', 'recipient', 'template', 'status', 'created_at', 'finished_at'])
    .where('store_id', '=', storeId)
    .where('channel', 'in', ['email', 'sms'])
    .where('recipient', 'in', none(values(person)))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** The ids of the person's orders Porchlight holds a cached copy of. */
export async function cachedOrderIdsOf(db: Db, storeId: string, person: Person) {
  const rows = await db
    .selectFrom('shopify_orders')
    .select(['order_id', 'fetched_at'])
    .where('store_id', '=', storeId)
    .where((eb) =>
      eb.or([
        eb('email', 'in', none(person.emails)),
        eb('customer_email', 'in', none(person.emails)),
        eb('phone', 'in', none(person.phones)),
        eb('customer_id', 'in', none(person.customerId === null ? [] : [person.customerId])),
      ]),
    )
    .orderBy('order_id')
    .execute()
  return rows
}
