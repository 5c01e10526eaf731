/**
 * Tickets as the shopper sees them (shared/src/api/requests.ts): a reference, a type, where it
 * stands, once an agent decided, when and with what note for the shopper, and what the store
 * and the shopper wrote each other. Nothing of the agents' side (assignee, internal notes,
 * tags) leaves here.
 */
import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { RequestFiled, RequestMessage, RequestSummary } from '@porchlight/shared/api/requests'
import type { Kysely } from 'kysely'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import { scoresOf } from '../../db/ratings.repository.ts'
import type { Database } from '../../db/schema.ts'
import {
  latestDecisions,
  listOrderRequests,
  listShopperRequests,
  shopperThreadEvents,
  type ShopperRequestRow,
} from '../../db/shopper-requests.repository.ts'
import { isRateable } from '../ratings/ratings.ts'

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

async function summaries(
  db: Kysely<Database>,
  storeId: string,
  rows: ShopperRequestRow[],
): Promise<RequestSummary[]> {
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
      messages: messages.get(row.id) ?? [],
    }
  })
}

/** The shopper's requests on a store (by verified identity), newest first. */
export async function shopperRequests(
  db: Kysely<Database>,
  storeId: string,
  identity: ShopperIdentity,
): Promise<RequestSummary[]> {
  const rows = await listShopperRequests(db, storeId, identity, REQUEST_LIST_LIMIT)
  return summaries(db, storeId, rows)
}

/**
 * The requests about one order, newest first. The caller has checked the order is the
 * shopper's; requests filed about it under their other identity (phone or email) show too.
 */
export async function orderRequests(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
): Promise<RequestSummary[]> {
  return summaries(db, storeId, await listOrderRequests(db, storeId, orderId))
}
