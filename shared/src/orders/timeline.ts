/**
 * The tracking timeline a shopper sees: the order's own milestones (placed, paid, refunded,
 * cancelled, return opened) and, per shipment, its carrier events, each list in time order.
 * Kinds are codes; carrier messages are free text shown as is.
 */
import type { Money, Order, Shipment, ShipmentEventKind } from './model.ts'
import { datedEvents, eventRank, shipmentState, timeOf, type ShipmentState } from './order-facts.ts'

export const ORDER_EVENT_KINDS = [
  'order_placed',
  'payment_received',
  'refund_issued',
  'return_opened',
  'order_cancelled',
] as const

export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number]

/** Shipment entries: carrier event kinds, plus 'fulfilled' (parcel created), 'picked_up'
 * (a pickup order handed over) and 'update' (a carrier message of a kind we do not know). */
export type ShipmentEntryKind =
  Exclude<ShipmentEventKind, 'unknown'> | 'fulfilled' | 'picked_up' | 'update'

export interface TimelineEntry<K extends string> {
  kind: K
  /** ISO 8601 timestamp. */
  at: string
  /** Carrier's free text, shown as text (never HTML). */
  message: string | null
  location: string | null
  /** For 'refund_issued': the amount refunded. */
  amount?: Money
}

export interface ShipmentTimeline {
  shipmentId: string
  state: ShipmentState
  carrier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  estimatedDeliveryAt: string | null
  lines: Array<{ lineItemId: string; quantity: number }>
  entries: Array<TimelineEntry<ShipmentEntryKind>>
}

export interface OrderTimeline {
  order: Array<TimelineEntry<OrderEventKind>>
  shipments: ShipmentTimeline[]
}

const orderRank: Record<OrderEventKind, number> = {
  order_placed: 0,
  payment_received: 1,
  refund_issued: 2,
  return_opened: 3,
  order_cancelled: 4,
}

/** The order's milestones and each shipment's events, oldest first; undated entries dropped. */
export function orderTimeline(order: Order): OrderTimeline {
  return {
    order: orderEntries(order),
    shipments: [...order.shipments]
      .sort((a, b) => (timeOf(a.createdAt) ?? 0) - (timeOf(b.createdAt) ?? 0))
      .map((s) => shipmentTimeline(order, s)),
  }
}

function entry<K extends string>(kind: K, at: string): TimelineEntry<K> {
  return { kind, at, message: null, location: null }
}

function orderEntries(order: Order): Array<TimelineEntry<OrderEventKind>> {
  const entries: Array<TimelineEntry<OrderEventKind>> = [entry('order_placed', order.createdAt)]
  if (order.paidAt != null) entries.push(entry('payment_received', order.paidAt))
  for (const refund of order.refunds ?? []) {
    entries.push({ ...entry('refund_issued', refund.createdAt), amount: refund.amount })
  }
  for (const ret of order.returns ?? []) entries.push(entry('return_opened', ret.createdAt))
  if (order.cancelledAt != null) entries.push(entry('order_cancelled', order.cancelledAt))
  return sortByTime(entries, (e) => orderRank[e.kind])
}

function shipmentTimeline(order: Order, shipment: Shipment): ShipmentTimeline {
  const entries: Array<TimelineEntry<ShipmentEntryKind> & { rank: number }> = []
  if (timeOf(shipment.createdAt) !== undefined) {
    entries.push({ ...entry('fulfilled', shipment.createdAt), rank: 0 })
  }
  for (const event of datedEvents(shipment)) {
    let kind: ShipmentEntryKind
    if (event.kind === 'unknown') {
      // An unknown kind still tells the shopper something when the carrier wrote a message.
      if (event.message === undefined || event.message.trim() === '') continue
      kind = 'update'
    } else if (event.kind === 'delivered' && order.deliveryMethod === 'pickup') {
      kind = 'picked_up'
    } else {
      kind = event.kind
    }
    entries.push({
      kind,
      at: event.at,
      message: event.message ?? null,
      location: event.location ?? null,
      rank: eventRank(event.kind),
    })
  }
  return {
    shipmentId: shipment.id,
    state: shipmentState(shipment),
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl,
    estimatedDeliveryAt: shipment.estimatedDeliveryAt,
    lines: shipment.lines,
    entries: sortByTime(entries, (e) => e.rank).map(({ rank: _rank, ...rest }) => rest),
  }
}

// Sorts by time, then by lifecycle rank for equal times; entries whose time cannot be read are
// dropped because they cannot be placed.
function sortByTime<T extends { at: string }>(items: T[], rank: (item: T) => number): T[] {
  return items
    .map((item) => ({ item, time: timeOf(item.at) }))
    .filter((x): x is { item: T; time: number } => x.time !== undefined)
    .sort((a, b) => a.time - b.time || rank(a.item) - rank(b.item))
    .map((x) => x.item)
}
