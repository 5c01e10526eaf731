import type { OrderDetail } from '@porchlight/shared/api/orders'
import { displayStatus, type DisplayStatusCode } from '@porchlight/shared/orders/display-status'
import type { Order } from '@porchlight/shared/orders/model'
import { normalizeOrderRules } from '@porchlight/shared/orders/settings'
import { orderTimeline } from '@porchlight/shared/orders/timeline'
import type { AppDeps } from '../../deps.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { toOrderDetail } from '../orders/order-views.ts'

/**
 * The order beside a ticket in the console (`TicketView.order`):
 *  - `order`: the normalized order (money in minor units, so the refund form knows the ceiling);
 *  - `displayStatus` and `timeline`: what the order panel lists, oldest first;
 *  - `detail`: exactly what the shopper's own order page shows (GET /v1/orders/:id), including
 *    which requests the store's rules offer now.
 */
export interface TicketOrderView {
  order: Order
  displayStatus: DisplayStatusCode
  timeline: Array<{ kind: string; at: string; message: string | null; shipmentId?: string }>
  detail: OrderDetail
}

// The order panel's words for the shared timeline's kinds.
const PANEL_KIND: Record<string, string> = {
  order_placed: 'placed',
  payment_received: 'paid',
  refund_issued: 'refunded',
  order_cancelled: 'cancelled',
  fulfilled: 'shipped',
}

/** Builds the view of an order for agents (dates as ISO, texts in the console's English). */
export function ticketOrderView(order: Order, store: Store, now: Date): TicketOrderView {
  const { rules } = normalizeOrderRules(store.settings['orderRules'])
  const timeline = orderTimeline(order)
  const entries: TicketOrderView['timeline'] = [
    ...timeline.order.map((e) => ({ kind: PANEL_KIND[e.kind] ?? e.kind, at: e.at, message: null })),
    ...timeline.shipments.flatMap((s) =>
      s.entries.map((e) => ({
        kind: PANEL_KIND[e.kind] ?? e.kind,
        at: e.at,
        message: [e.message, e.location].filter(Boolean).join(' — ') || null,
        shipmentId: s.shipmentId,
      })),
    ),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return {
    order,
    displayStatus: displayStatus(order).code,
    timeline: entries,
    // The agent sees the order; the shopper's request list is the ticket queue itself.
    detail: toOrderDetail(order, rules, now, { locale: 'en', timeZone: 'UTC' }, []),
  }
}

/**
 * The ticket's order from the store, or null when the ticket has none, the store does not know
 * it, or the store cannot be reached right now (the ticket still opens; the panel says so).
 */
/** What reading a ticket's order needs: the store's adapter, the clock and the log. */
export type TicketOrderDeps = Pick<AppDeps, 'storeAdapters' | 'clock' | 'logger'>

export async function loadTicketOrder(
  deps: TicketOrderDeps,
  store: Store,
  ticket: Ticket,
): Promise<TicketOrderView | null> {
  if (ticket.order_id === null) return null
  try {
    const order = await deps.storeAdapters(store).getOrder(ticket.order_id)
    return order === undefined ? null : ticketOrderView(order, store, deps.clock.now())
  } catch (err) {
    deps.logger.warn('order beside a ticket could not be read', {
      storeId: store.id,
      ticketId: ticket.id,
      error: err instanceof Error ? err.message : String(err),
    })
    return null
  }
}
