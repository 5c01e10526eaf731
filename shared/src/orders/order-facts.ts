/**
 * Facts derived from an order that several rules share (display status, timeline, eligibility,
 * issue scenarios), so they all read a shipment or a line item the same way.
 */
import type { LineItem, Order, Shipment, ShipmentEvent, ShipmentEventKind } from './model.ts'

/** Where one shipment is, from its latest event. */
export type ShipmentState =
  | 'pending_delivery'
  | 'in_transit'
  | 'out_for_delivery'
  | 'attempted_delivery'
  | 'ready_for_pickup'
  | 'delivered'
  | 'failed_delivery'
  | 'cancelled'

// Lifecycle order of events; breaks ties between events stamped with the same time, so a
// 'delivered' scan and an 'out_for_delivery' scan in the same second read in that order.
const lifecycleRank: Record<ShipmentEventKind, number> = {
  label_created: 1,
  carrier_picked_up: 2,
  shipped: 3,
  in_transit: 4,
  delayed: 5,
  out_for_delivery: 6,
  attempted_delivery: 7,
  ready_for_pickup: 8,
  delivered: 9,
  failed: 10,
  cancelled: 11,
  unknown: 0,
}

const stateOfEvent: Record<Exclude<ShipmentEventKind, 'unknown'>, ShipmentState> = {
  label_created: 'pending_delivery',
  carrier_picked_up: 'in_transit',
  shipped: 'in_transit',
  in_transit: 'in_transit',
  delayed: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'attempted_delivery',
  ready_for_pickup: 'ready_for_pickup',
  delivered: 'delivered',
  failed: 'failed_delivery',
  cancelled: 'cancelled',
}

/** Epoch ms of an ISO string, or undefined when it is missing or unreadable. */
export function timeOf(iso: string | null | undefined): number | undefined {
  if (iso === null || iso === undefined) return undefined
  const t = Date.parse(iso)
  return Number.isNaN(t) ? undefined : t
}

/** Rank of a shipment event kind in the parcel's lifecycle (ties between equal times). */
export function eventRank(kind: ShipmentEventKind): number {
  return lifecycleRank[kind] ?? 0
}

/** Known, dated events of a shipment, oldest first. */
export function datedEvents(shipment: Shipment): Array<ShipmentEvent & { time: number }> {
  const dated: Array<ShipmentEvent & { time: number }> = []
  for (const event of shipment.events) {
    const time = timeOf(event.at)
    if (time !== undefined) dated.push({ ...event, time })
  }
  return dated.sort((a, b) => a.time - b.time || eventRank(a.kind) - eventRank(b.kind))
}

/** The latest known event of a shipment (unknown kinds carry no state). */
export function latestKnownEvent(shipment: Shipment): (ShipmentEvent & { time: number }) | null {
  const known = datedEvents(shipment).filter((e) => e.kind !== 'unknown')
  return known[known.length - 1] ?? null
}

/** Where a shipment is: the state of its latest known event, 'pending_delivery' with none. */
export function shipmentState(shipment: Shipment): ShipmentState {
  const latest = latestKnownEvent(shipment)
  if (latest === null || latest.kind === 'unknown') return 'pending_delivery'
  return stateOfEvent[latest.kind]
}

/** Shipments that were not cancelled. */
export function activeShipments(order: Order): Shipment[] {
  return order.shipments.filter((s) => shipmentState(s) !== 'cancelled')
}

/** Epoch ms of the latest 'delivered' event across active shipments, if any. */
export function lastDeliveredAt(order: Order): number | undefined {
  let last: number | undefined
  for (const shipment of activeShipments(order)) {
    for (const e of datedEvents(shipment)) {
      if (e.kind === 'delivered' && (last === undefined || e.time > last)) last = e.time
    }
  }
  return last
}

/** Epoch ms the last active shipment was created (the order's fulfilment time), if any. */
export function lastFulfilledAt(order: Order): number | undefined {
  let last: number | undefined
  for (const shipment of activeShipments(order)) {
    const t = timeOf(shipment.createdAt)
    if (t !== undefined && (last === undefined || t > last)) last = t
  }
  return last
}

/** Quantity of each line item in active shipments. */
export function shippedQuantities(order: Order): Map<string, number> {
  const shipped = new Map<string, number>()
  for (const shipment of activeShipments(order)) {
    for (const line of shipment.lines) {
      shipped.set(line.lineItemId, (shipped.get(line.lineItemId) ?? 0) + line.quantity)
    }
  }
  return shipped
}

/** Quantity of each line item already in a return that is not declined or cancelled. */
export function quantitiesInReturns(order: Order): Map<string, number> {
  const inReturns = new Map<string, number>()
  for (const ret of order.returns ?? []) {
    if (ret.status === 'declined' || ret.status === 'cancelled') continue
    for (const line of ret.lines) {
      inReturns.set(line.lineItemId, (inReturns.get(line.lineItemId) ?? 0) + line.quantity)
    }
  }
  return inReturns
}

/** Why a line cannot be returned, or null when some of it can. */
export type LineNotReturnable =
  | 'final_sale'
  | 'gift_card'
  | 'not_fulfilled'
  | 'not_delivered'
  | 'already_refunded'
  | 'already_returned'

export interface LineReturnability {
  lineItemId: string
  /** How many units a return may still ask for. */
  returnableQuantity: number
  reason: LineNotReturnable | null
}

const deliveredStatuses = new Set(['delivered', 'picked_up', 'returned', 'partially_returned'])

/**
 * True when the shopper has the parcel in hand as far as we can tell: the carrier said
 * delivered, the store says the order was delivered, or the parcel carries no tracking at all
 * (then fulfilment is the last thing we will ever know).
 */
export function shipmentReceived(order: Order, shipment: Shipment): boolean {
  if (deliveredStatuses.has(order.fulfillmentStatus)) return true
  if (latestKnownEvent(shipment) === null) return true
  return shipmentState(shipment) === 'delivered'
}

/**
 * How much of each line a return may still ask for: units that were fulfilled (all of them
 * when the order says it is fulfilled but lists no shipment) and, with `requireDelivery`, whose
 * parcel arrived; not refunded; minus units already in a return. Final-sale and gift-card lines
 * are never returnable.
 */
export function lineReturnability(order: Order, requireDelivery: boolean): LineReturnability[] {
  const shipped = shippedQuantities(order)
  const received = requireDelivery
    ? shippedQuantities({
        ...order,
        shipments: order.shipments.filter((s) => shipmentReceived(order, s)),
      })
    : shipped
  const inReturns = quantitiesInReturns(order)
  const fulfilledWithoutShipments =
    order.shipments.length === 0 &&
    ['fulfilled', 'delivered', 'picked_up', 'partially_returned'].includes(order.fulfillmentStatus)
  return order.lineItems.map((line: LineItem): LineReturnability => {
    const none = (reason: LineNotReturnable) => ({
      lineItemId: line.id,
      returnableQuantity: 0,
      reason,
    })
    if (line.finalSale) return none('final_sale')
    if (line.giftCard) return none('gift_card')
    const cap = (m: Map<string, number>) =>
      fulfilledWithoutShipments ? line.quantity : Math.min(line.quantity, m.get(line.id) ?? 0)
    if (cap(shipped) <= 0) return none('not_fulfilled')
    const fulfilled = cap(received)
    if (fulfilled <= 0) return none('not_delivered')
    const refunded = Math.max(0, line.refundedQuantity)
    const returning = inReturns.get(line.id) ?? 0
    // A refunded unit may be one that never shipped (out of stock), so refunds only limit the
    // fulfilled units when they exceed what was left unshipped.
    const left = Math.max(0, Math.min(fulfilled, line.quantity - refunded) - returning)
    if (left > 0) return { lineItemId: line.id, returnableQuantity: left, reason: null }
    return none(returning > 0 ? 'already_returned' : 'already_refunded')
  })
}
