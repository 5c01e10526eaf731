/**
 * The one shopper-facing status of an order. Codes only: the widget's catalogs turn them into
 * words ("In transit", "Arriving on 12 March").
 */
import type { Order } from './model.ts'
import { activeShipments, shipmentState, timeOf, type ShipmentState } from './order-facts.ts'

export const DISPLAY_STATUS_CODES = [
  'unfulfilled',
  'processing',
  'pending_delivery',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
  'ready_for_pickup',
  'delivered',
  'failed_delivery',
  'cancelled',
  'refunded',
  'partially_refunded',
  'status_unavailable',
] as const

export type DisplayStatusCode = (typeof DISPLAY_STATUS_CODES)[number]

export interface DisplayStatus {
  code: DisplayStatusCode
  /**
   * Earliest estimated delivery among shipments still on their way, while the order is on its
   * way (pending delivery, in transit, out for delivery, attempted delivery): "Arriving on".
   */
  estimatedDeliveryAt: string | null
}

/** Where the parcels are, before cancellation and refunds are taken into account. */
export type DeliveryState = Exclude<
  DisplayStatusCode,
  'cancelled' | 'refunded' | 'partially_refunded'
>

// When shipments disagree, the order shows the one that most needs the shopper's attention,
// then the one furthest from done: a failed parcel beats a delivered one, and an order with one
// parcel delivered and one in transit is still in transit.
const shipmentUrgency: ShipmentState[] = [
  'failed_delivery',
  'attempted_delivery',
  'ready_for_pickup',
  'out_for_delivery',
  'in_transit',
  'pending_delivery',
  'delivered',
]

const onTheWay: ReadonlySet<DisplayStatusCode> = new Set([
  'pending_delivery',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
])

/** Where an order's parcels are, from its shipments and fulfilment status. */
export function deliveryState(order: Order): DeliveryState {
  const status = order.fulfillmentStatus
  // The store's own word that everything arrived outranks a carrier feed that stopped early.
  if (status === 'delivered' || status === 'picked_up') return 'delivered'
  if (status === 'returned' || status === 'partially_returned') return 'delivered'
  const states = activeShipments(order).map(shipmentState)
  if (states.length > 0) {
    const worst = shipmentUrgency.find((s) => states.includes(s)) ?? 'pending_delivery'
    // Parcels delivered but items still to ship: the order is still being worked on.
    if (worst === 'delivered' && status === 'partially_fulfilled') return 'processing'
    return worst as DeliveryState
  }
  switch (status) {
    case 'unfulfilled':
    case 'cancelled':
      return 'unfulfilled'
    case 'in_progress':
    case 'on_hold':
    case 'partially_fulfilled':
      return 'processing'
    case 'fulfilled':
      // Nothing to carry (gift cards, downloads): fulfilled is delivered.
      return order.deliveryMethod === 'none' ? 'delivered' : 'pending_delivery'
    case 'ready_for_pickup':
      return 'ready_for_pickup'
    default:
      return 'status_unavailable'
  }
}

/**
 * Whether a carrier's delivery estimate still says something at `now`. One more than a day past
 * (a parcel late, a feed that stopped) would read "Arriving on January 16" in November: the
 * shopper is better served by the parcel's latest event. Without `now`, every estimate counts.
 */
export function isCurrentEstimate(iso: string | null, now?: Date): iso is string {
  if (iso === null) return false
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return false
  return now === undefined || time >= now.getTime() - DAY_MS
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The single shopper-facing status of an order, its arrival estimate as current at `now`. */
export function displayStatus(order: Order, now?: Date): DisplayStatus {
  const code = displayStatusCode(order)
  return { code, estimatedDeliveryAt: onTheWay.has(code) ? nextArrival(order, now) : null }
}

function displayStatusCode(order: Order): DisplayStatusCode {
  if (order.status === 'cancelled' || order.cancelledAt != null) return 'cancelled'
  // Not knowing whether an order is cancelled, we say nothing rather than something wrong.
  if (order.status === 'unknown') return 'status_unavailable'
  if (order.financialStatus === 'refunded') return 'refunded'
  const state = deliveryState(order)
  // Once the parcels are home, a partial refund is the latest news; before that, tracking is.
  if (state === 'delivered' && order.financialStatus === 'partially_refunded') {
    return 'partially_refunded'
  }
  return state
}

function nextArrival(order: Order, now?: Date): string | null {
  let best: { iso: string; time: number } | null = null
  for (const shipment of activeShipments(order)) {
    if (shipmentState(shipment) === 'delivered') continue
    const time = timeOf(shipment.estimatedDeliveryAt)
    if (time === undefined || !isCurrentEstimate(shipment.estimatedDeliveryAt, now)) continue
    if (best === null || time < best.time) best = { iso: shipment.estimatedDeliveryAt, time }
  }
  return best?.iso ?? null
}
