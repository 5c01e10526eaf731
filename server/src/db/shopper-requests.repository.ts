import type { Kysely, Transaction } from 'kysely'
import type { ShopperIdentity } from '@porchlight/shared/api/auth'
import type { Database } from './schema.ts'
import type { RequestStatus, TicketStatus, TicketType } from './tickets.table.ts'

type Db = Kysely<Database> | Transaction<Database>

/** Ticket types a shopper files and sees as requests (chats are their own thing). */
export const SHOPPER_REQUEST_TYPES = [
  'return',
  'cancel',
  'issue',
  'address_change',
  'contact',
] as const

/** What a shopper may see of one of their tickets. */
export interface ShopperRequestRow {
  id: string
  number: number
  type: TicketType
  request_status: RequestStatus | null
  order_id: string | null
  order_name: string | null
  reason: string | null
  created_at: number
  /** The ticket's own status: a resolved or closed request may be rated. */
  status: TicketStatus
}

const columns = [
  'id',
  'number',
  'type',
  'request_status',
  'order_id',
  'order_name',
  'reason',
  'created_at',
  'status',
] as const

/** A shopper's requests on a store by verified identity, newest first. */
export async function listShopperRequests(
  db: Db,
  storeId: string,
  identity: ShopperIdentity,
  limit: number,
): Promise<ShopperRequestRow[]> {
  return db
    .selectFrom('tickets')
    .select(columns)
    .where('store_id', '=', storeId)
    .where('identity_kind', '=', identity.kind)
    .where('identity_value', '=', identity.value)
    .where('type', 'in', SHOPPER_REQUEST_TYPES)
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .limit(limit)
    .execute()
}

/** The requests filed about one order of a store, newest first. */
export async function listOrderRequests(
  db: Db,
  storeId: string,
  orderId: string,
): Promise<ShopperRequestRow[]> {
  return db
    .selectFrom('tickets')
    .select(columns)
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('type', 'in', SHOPPER_REQUEST_TYPES)
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .execute()
}

/**
 * A request of this type about the order that still waits for an agent: not yet decided and
 * not closed by an agent. `exceptId` leaves out the caller's own, just inserted ticket.
 */
export async function findOpenRequest(
  db: Db,
  storeId: string,
  orderId: string,
  type: TicketType,
  exceptId?: string,
  /** Also count a request of the type approved since then (epoch ms; see writeTicket). */
  approvedSince?: number,
): Promise<{ id: string; number: number } | undefined> {
  let query = db
    .selectFrom('tickets')
    .select(['id', 'number'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('type', '=', type)
    .where((eb) => {
      const waiting = eb.and([
        eb('request_status', '=', 'requested'),
        eb('status', 'in', ['open', 'pending']),
      ])
      return approvedSince === undefined
        ? waiting
        : eb.or([
            waiting,
            eb.and([eb('request_status', '=', 'approved'), eb('updated_at', '>=', approvedSince)]),
          ])
    })
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  const row = await query.orderBy('number').executeTakeFirst()
  return row && { id: row.id, number: Number(row.number) }
}

/** The latest decision event ('approved' or 'declined') of each ticket, by ticket id. */
export async function latestDecisions(
  db: Db,
  storeId: string,
  ticketIds: string[],
): Promise<Map<string, { kind: string; data: string; created_at: number }>> {
  const out = new Map<string, { kind: string; data: string; created_at: number }>()
  if (ticketIds.length === 0) return out
  const rows = await db
    .selectFrom('ticket_events')
    .select(['ticket_id', 'kind', 'data', 'created_at'])
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .where('kind', 'in', ['approved', 'declined'])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  for (const row of rows) out.set(row.ticket_id, row)
  return out
}

/**
 * What was written between the store and the shopper on these tickets, oldest first: agents'
 * replies and the shopper's emailed messages (never internal notes or other history).
 */
export async function shopperThreadEvents(db: Db, storeId: string, ticketIds: string[]) {
  if (ticketIds.length === 0) return []
  return db
    .selectFrom('ticket_events')
    .select(['ticket_id', 'kind', 'actor_kind', 'data', 'created_at'])
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'reply'), eb('actor_kind', '=', 'agent')]),
        eb.and([eb('kind', '=', 'message'), eb('actor_kind', '=', 'shopper')]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
