/**
 * Tickets as the shopper sees them (shared/src/api/requests.ts): a reference, a type, where it
 * stands, once an agent decided, when and with what note for the shopper, and what the store
 * and the shopper wrote each other. Nothing of the agents' side (assignee, internal notes,
 * tags) leaves here.
 */
import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { RequestFiled, RequestMessage, RequestSummary } from '@porchlight/shared/api/requests'
import type { ReturnProgress } from '@porchlight/shared/api/returns'
import type { Kysely } from 'kysely'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import { scoresOf } from '../../db/ratings.repository.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import { addressChangesById } from '../../db/ticket-address-changes.repository.ts'
import { returnStepEvents, ticketReturnsById } from '../../db/ticket-returns.repository.ts'
import {
  latestDecisions,
  listOrderRequests,
  listShopperRequests,
  shopperThreadEvents,
  type ShopperRequestRow,
} from '../../db/shopper-requests.repository.ts'
import { isRateable } from '../ratings/ratings.ts'
import { returnProgress } from '../tickets/return-progress.ts'

/** "My requests" shows this many, newest first. */
export const REQUEST_LIST_LIMIT = 100

type Filed = Pick<ShopperRequestRow, 'id' | 'number' | 'type' | 'request_status' | 'created_at'>

/** The answer to a filed request (and to its retries). */
export function toRequestFiled(ticket: Filed): RequestFiled {
  return {
    ticketId: ticket.id,
    reference: ticketReference(ticket.number),
    type: ticket.type as RequestFiled['type'],
    requestStatus: ticket.request_status,
    createdAt: new Date(ticket.created_at).toISOString(),
  }
}

/** Each ticket's replies and emailed answers, as the panel lists them. */
async function threads(
  db: Kysely<Database>,
  storeId: string,
  ticketIds: string[],
): Promise<Map<string, RequestMessage[]>> {
  const out = new Map<string, RequestMessage[]>()
  for (const e of await shopperThreadEvents(db, storeId, ticketIds)) {
    const body = (JSON.parse(e.data) as { body?: unknown }).body
    if (typeof body !== 'string' || body === '') continue
    const list = out.get(e.ticket_id) ?? []
    list.push({
      author: e.actor_kind === 'agent' ? 'store' : 'shopper',
      body,
      at: new Date(e.created_at).toISOString(),
    })
    out.set(e.ticket_id, list)
  }
  return out
}

/**
 * The words the agent wrote for the shopper with either decision (DecisionRequest.reason in
 * api/agent.ts): the decision email quotes them, so the panel shows them too.
 */
function decisionNote(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { reason?: unknown }
    return typeof parsed.reason === 'string' && parsed.reason !== '' ? parsed.reason : null
  } catch {
    return null
  }
}

type StoreOf = Pick<Store, 'id' | 'settings'>

/** The progress of each approved return among the rows, by ticket id. */
async function returnProgressOf(db: Kysely<Database>, store: StoreOf, rows: ShopperRequestRow[]) {
  const ids = rows
    .filter((r) => r.type === 'return' && r.request_status === 'approved')
    .map((r) => r.id)
  const [returns, events] = await Promise.all([
    ticketReturnsById(db, store.id, ids),
    returnStepEvents(db, store.id, ids),
  ])
  const out = new Map<string, ReturnProgress>()
  for (const [id, row] of returns) {
    out.set(
      id,
      returnProgress(
        store,
        row,
        events.filter((e) => e.ticket_id === id),
      ),
    )
  }
  return out
}

async function summaries(
  db: Kysely<Database>,
  store: StoreOf,
  rows: ShopperRequestRow[],
): Promise<RequestSummary[]> {
  const storeId = store.id
  const decided = rows.filter(
    (r) => r.request_status === 'approved' || r.request_status === 'declined',
  )
  const decisions = await latestDecisions(
    db,
    storeId,
    decided.map((r) => r.id),
  )
  const scores = await scoresOf(
    db,
    storeId,
    rows.filter((r) => isRateable(r)).map((r) => r.id),
  )
  const progress = await returnProgressOf(db, store, rows)
  const addresses = await addressChangesById(
    db,
    storeId,
    rows.filter((r) => r.type === 'address_change').map((r) => r.id),
  )
  const messages = await threads(
    db,
    storeId,
    rows.map((r) => r.id),
  )
  return rows.map((row) => {
    const decision = decisions.get(row.id)
    const rating = scores.get(row.id) ?? null
    return {
      ...toRequestFiled(row),
      orderId: row.order_id,
      orderName: row.order_name,
      reason: row.reason,
      decidedAt: decision === undefined ? null : new Date(decision.created_at).toISOString(),
      decisionNote: decision === undefined ? null : decisionNote(decision.data),
      rating,
      canRate: rating === null && isRateable(row),
      // Only on an approved return: every other request answers as it always did.
      ...(progress.has(row.id) ? { returnProgress: progress.get(row.id) } : {}),
      ...(addresses.has(row.id) ? { address: addresses.get(row.id)!.requested } : {}),
      messages: messages.get(row.id) ?? [],
    }
  })
}

/** The shopper's requests on a store (by verified identity), newest first. */
export async function shopperRequests(
  db: Kysely<Database>,
  store: StoreOf,
  identity: ShopperIdentity,
): Promise<RequestSummary[]> {
  const rows = await listShopperRequests(db, store.id, identity, REQUEST_LIST_LIMIT)
  return summaries(db, store, rows)
}

/**
 * The requests about one order, newest first. The caller has checked the order is the
 * shopper's; requests filed about it under their other identity (phone or email) show too.
 */
export async function orderRequests(
  db: Kysely<Database>,
  store: StoreOf,
  orderId: string,
): Promise<RequestSummary[]> {
  return summaries(db, store, await listOrderRequests(db, store.id, orderId))
}
