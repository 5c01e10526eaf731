import type { OrderLookupFilters, OrderLookupRow } from '@porchlight/shared/api/order-lookup'
import { listQueue, type QueueFilter } from '../../db/ticket-queue.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { toDecimal } from '../../adapters/store/shopify/money.ts'
import { lookupOrders, type LookupDeps } from '../order-lookup/order-lookup.ts'
import { csvStream } from './csv.ts'

// Pages as large as the lookup allows: fewer round trips to the store, one page in memory.
const EXPORT_PAGE = 100

const ORDER_HEADER = [
  'Order',
  'Created',
  'Customer',
  'Email',
  'Phone',
  'Postal code',
  'Status',
  'Payment',
  'Fulfilment',
  'Total',
  'Currency',
  'Tickets',
] as const

function orderCells(o: OrderLookupRow) {
  return [
    o.name,
    o.createdAt,
    o.customerName,
    o.email,
    o.phone,
    o.postalCode,
    o.status,
    o.financialStatus,
    o.fulfillmentStatus,
    toDecimal(o.total),
    o.total.currency,
    o.ticketCount,
  ]
}

/** Every order the lookup shows for these filters, page after page, as CSV. */
export function orderLookupCsv(
  deps: LookupDeps,
  store: Store,
  filters: OrderLookupFilters,
): ReadableStream<Uint8Array> {
  async function* pages() {
    let cursor: string | undefined
    do {
      const page = await lookupOrders(deps, store, filters, {
        size: EXPORT_PAGE,
        ...(cursor !== undefined ? { cursor } : {}),
      })
      yield page.orders
      cursor = page.nextCursor ?? undefined
    } while (cursor !== undefined)
  }
  return csvStream(ORDER_HEADER, pages(), orderCells)
}

const TICKET_HEADER = [
  'Ticket',
  'Type',
  'Status',
  'Request',
  'Channel',
  'Order',
  'Shopper',
  'Email',
  'Identity',
  'Assignee',
  'Created',
  'Updated',
] as const

function ticketCells(t: Ticket) {
  return [
    `#${t.number}`,
    t.type,
    t.status,
    t.request_status,
    t.channel,
    t.order_name,
    t.contact_name,
    t.contact_email,
    t.identity_value,
    t.assignee_id,
    new Date(Number(t.created_at)).toISOString(),
    new Date(Number(t.updated_at)).toISOString(),
  ]
}

/** The queue as its filters show it (every page, newest first), as CSV. */
export function ticketQueueCsv(
  deps: Pick<LookupDeps, 'db'>,
  filter: QueueFilter,
): ReadableStream<Uint8Array> {
  async function* pages() {
    for (let number = 1; ; number++) {
      const { tickets } = await listQueue(deps.db, filter, { size: EXPORT_PAGE, number })
      yield tickets
      if (tickets.length < EXPORT_PAGE) return
    }
  }
  return csvStream(TICKET_HEADER, pages(), ticketCells)
}
