import type {
  OrderLookupFilters,
  OrderLookupPage,
  OrderLookupPageSize,
  OrderNoteJson,
} from '@porchlight/shared/api/order-lookup'
import type { Order } from '@porchlight/shared/orders/model'
import type { AppDeps } from '../../deps.ts'
import { insertOrderNote, listOrderNotes, type OrderNote } from '../../db/order-notes.repository.ts'
import { countTicketsByOrder, listTicketsOfOrder } from '../../db/order-tickets.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { ticketOrderView } from '../tickets/ticket-order.ts'
import { ticketJson } from '../tickets/ticket-view.ts'

export type LookupDeps = Pick<AppDeps, 'db' | 'storeAdapters' | 'clock'>

/** One page of the store's orders matching the filters, each with its ticket count. */
export async function lookupOrders(
  deps: LookupDeps,
  store: Store,
  filters: OrderLookupFilters,
  page: { size: OrderLookupPageSize; cursor?: string },
): Promise<OrderLookupPage> {
  const found = await deps.storeAdapters(store).searchOrders(filters, {
    limit: page.size,
    ...(page.cursor !== undefined ? { cursor: page.cursor } : {}),
  })
  const counts = await countTicketsByOrder(
    deps.db,
    store.id,
    found.orders.map((o) => o.id),
  )
  return {
    orders: found.orders.map((o) => ({ ...o, ticketCount: counts.get(o.id) ?? 0 })),
    nextCursor: found.nextCursor,
    pageSize: page.size,
  }
}

/** The store's order, or 404 order_not_found (also for an id of another store's order). */
export async function requireStoreOrder(
  deps: Pick<AppDeps, 'storeAdapters'>,
  store: Store,
  orderId: string,
): Promise<Order> {
  const order = await deps.storeAdapters(store).getOrder(orderId)
  if (order === undefined) throw new AppError('order_not_found', 'No such order in this store.')
  return order
}

export function orderNoteJson(note: OrderNote): OrderNoteJson {
  return { ...note, createdAt: new Date(note.createdAt).toISOString() }
}

/** The order page: the order with its timeline and summary, its tickets and agents' notes. */
export async function agentOrderView(deps: LookupDeps, store: Store, orderId: string) {
  const order = await requireStoreOrder(deps, store, orderId)
  const [tickets, notes] = await Promise.all([
    listTicketsOfOrder(deps.db, store.id, order.id),
    listOrderNotes(deps.db, store.id, order.id),
  ])
  return {
    ...ticketOrderView(order, store, deps.clock.now()),
    tickets: tickets.map(ticketJson),
    notes: notes.map(orderNoteJson),
  }
}

/** An agent's note on an order that this store has (checked with the store first). */
export async function addOrderNote(
  deps: LookupDeps,
  store: Store,
  input: { orderId: string; agent: { id: string; name: string }; body: string },
): Promise<OrderNoteJson> {
  const order = await requireStoreOrder(deps, store, input.orderId)
  const now = deps.clock.now()
  const id = await insertOrderNote(deps.db, {
    storeId: store.id,
    orderId: order.id,
    authorId: input.agent.id,
    body: input.body,
    at: now,
  })
  return orderNoteJson({
    id,
    orderId: order.id,
    author: input.agent,
    body: input.body,
    createdAt: now.getTime(),
  })
}
