/**
 * Order lookup for agents: any order of the store, with or without a ticket.
 *
 *   GET  /v1/agent/orders?number=&email=&phone=&firstName=&lastName=&postalCode=&from=&to=
 *                        &pageSize=10|20|50|100&cursor=          -> OrderLookupPage
 *   GET  /v1/agent/orders/export.csv?<the same filters>          -> text/csv (every page, streamed)
 *   GET  /v1/agent/orders/:id                                    -> AgentOrderView
 *   POST /v1/agent/orders/:id/notes     { body }                 -> 201 { note: OrderNoteJson }
 *   POST /v1/agent/orders/:id/messages  { body, subject? }       -> 201 { ticket }  (a new ticket;
 *                                        the email goes out through the outbox; 422 no_shopper_contact)
 *   GET  /v1/agent/tickets/export.csv?<the queue's filters>      -> text/csv
 *
 * Errors: 400 validation_failed | invalid_cursor, 404 order_not_found, 422 no_shopper_contact,
 * 503 store_not_answering (Shopify down).
 *
 * Filters are exact (case-insensitive): an agent types what the shopper says ("#1022", a postal
 * code, a surname). `from` and `to` are calendar dates (YYYY-MM-DD, UTC), both included. Every
 * string in these payloads is untrusted shopper text: render it as text only.
 */
import type { FinancialStatus, FulfillmentStatus, Money, OrderStatus } from '../orders/model.ts'

export const ORDER_LOOKUP_PAGE_SIZES = [10, 20, 50, 100] as const
export type OrderLookupPageSize = (typeof ORDER_LOOKUP_PAGE_SIZES)[number]

/** The filters, by query parameter name; each narrows the result (AND). */
export const ORDER_LOOKUP_FILTERS = [
  'number',
  'email',
  'phone',
  'firstName',
  'lastName',
  'postalCode',
  'from',
  'to',
] as const
export type OrderLookupFilterName = (typeof ORDER_LOOKUP_FILTERS)[number]

/** Filters after validation: normalized values, dates as epoch ms (`to` exclusive). */
export interface OrderLookupFilters {
  /** With its `#`, as shoppers see it ("#1022"). */
  number?: string
  /** Lower case. */
  email?: string
  /** E.164. */
  phone?: string
  /** Lower case. */
  firstName?: string
  lastName?: string
  /** Upper case, without spaces. */
  postalCode?: string
  createdFrom?: number
  createdBefore?: number
}

/** One row of the result list: what the table and the CSV show. */
export interface OrderLookupHit {
  id: string
  name: string
  /** ISO 8601. */
  createdAt: string
  email: string | null
  phone: string | null
  customerName: string | null
  postalCode: string | null
  status: OrderStatus
  financialStatus: FinancialStatus
  fulfillmentStatus: FulfillmentStatus
  total: Money
}

export interface OrderLookupRow extends OrderLookupHit {
  /** Tickets of this store about the order. */
  ticketCount: number
}

export interface OrderLookupPage {
  orders: OrderLookupRow[]
  /** Opaque; pass as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null
  pageSize: OrderLookupPageSize
}

export interface OrderNoteJson {
  id: string
  orderId: string
  author: { id: string; name: string }
  body: string
  /** ISO 8601. */
  createdAt: string
}

/** Normalizes an order number as typed: "1022", "#1022" and " #1022 " are the same order. */
export function normalizeOrderNumber(input: string): string {
  const trimmed = input.trim()
  return trimmed.startsWith('#') ? trimmed : `#${trimmed}`
}

/** Postal codes compare without spaces or case ("sw1a 1aa" is "SW1A1AA"). */
export function normalizePostalCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/**
 * First and last name of a full name as stores keep it on an address ("Ada King Lovelace"):
 * the last word is the last name, the rest the first name. Lower case, for exact lookups.
 */
export function splitName(full: string | null | undefined): { first: string; last: string } | null {
  const words = (full ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return null
  if (words.length === 1) return { first: words[0] as string, last: words[0] as string }
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1] as string }
}
