/**
 * Turns normalized orders into what the shopper's widget reads (shared/src/api/orders.ts):
 * the rules of shared/ applied at `now`, money and dates formatted for the shopper's locale.
 */
import type {
  ActionOffer,
  LastParcelEvent,
  LineItemView,
  OrderDetail,
  OrderListItem,
  OrderStatusView,
  ShipmentView,
  TimelineEntryView,
} from '@porchlight/shared/api/orders'
import type { RequestSummary } from '@porchlight/shared/api/requests'
import { addressChangeEligibility } from '@porchlight/shared/orders/address-change'
import { displayStatus, isCurrentEstimate } from '@porchlight/shared/orders/display-status'
import { orderActions, type Eligibility } from '@porchlight/shared/orders/eligibility'
import { issueScenario } from '@porchlight/shared/orders/issue-scenarios'
import type { Order } from '@porchlight/shared/orders/model'
import { lineReturnability } from '@porchlight/shared/orders/order-facts'
import { safeHttpUrl } from '@porchlight/shared/url/safe-url'
import { cancelReasons, returnReasons } from '@porchlight/shared/orders/request-reasons'
import type { OrderRules } from '@porchlight/shared/orders/settings'
import {
  formatDate,
  formatMoney,
  orderSummary,
  type FormatOptions,
} from '@porchlight/shared/orders/summary'
import {
  orderTimeline,
  type ShipmentEntryKind,
  type ShipmentTimeline,
  type TimelineEntry,
} from '@porchlight/shared/orders/timeline'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'

/**
 * True when the order was placed with the shopper's verified email (any case) or phone. The
 * one check that keeps a shopper to their own orders, whatever an adapter returns.
 */
export function orderBelongsTo(order: Order, identity: ShopperIdentity): boolean {
  if (identity.kind === 'email') {
    return order.email !== null && order.email.toLowerCase() === identity.value.toLowerCase()
  }
  return order.phone !== null && order.phone === identity.value
}

function statusView(order: Order, fmt: FormatOptions, now: Date): OrderStatusView {
  const status = displayStatus(order, now)
  return {
    code: status.code,
    estimatedDeliveryAt:
      status.estimatedDeliveryAt === null ? null : formatDate(status.estimatedDeliveryAt, fmt),
  }
}

function entryView<K extends string>(
  entry: TimelineEntry<K>,
  fmt: FormatOptions,
): TimelineEntryView<K> {
  return {
    kind: entry.kind,
    at: formatDate(entry.at, fmt, true),
    message: entry.message,
    location: entry.location,
    ...(entry.amount !== undefined ? { amount: formatMoney(entry.amount, fmt.locale) } : {}),
  }
}

type ParcelEntry = TimelineEntry<ShipmentEntryKind>

// The latest entry across parcels: what the list shows as "where is it".
function lastParcelEvent(
  shipments: ShipmentTimeline[],
): { entry: ParcelEntry; shipment: ShipmentTimeline } | null {
  let best: { entry: ParcelEntry; shipment: ShipmentTimeline; time: number } | null = null
  for (const shipment of shipments) {
    const entry = shipment.entries[shipment.entries.length - 1]
    if (entry === undefined) continue
    const time = Date.parse(entry.at)
    if (best === null || time > best.time) best = { entry, shipment, time }
  }
  return best
}

function lastEventView(entry: ParcelEntry, fmt: FormatOptions): LastParcelEvent {
  const { kind, at, message, location } = entryView(entry, fmt)
  return { kind, at, message, location }
}

/** One row of the shopper's order list. */
export function toOrderListItem(order: Order, fmt: FormatOptions, now: Date): OrderListItem {
  const { shipments } = orderTimeline(order)
  const last = lastParcelEvent(shipments.filter((s) => s.state !== 'cancelled'))
  const first = order.lineItems[0]
  return {
    id: order.id,
    name: order.name,
    createdAt: formatDate(order.createdAt, fmt),
    status: statusView(order, fmt, now),
    lastEvent: last === null ? null : lastEventView(last.entry, fmt),
    trackingUrl: safeHttpUrl(last?.shipment.trackingUrl),
    total: formatMoney(order.totals.total, fmt.locale),
    itemCount: order.lineItems.reduce((n, l) => n + l.quantity, 0),
    preview:
      first === undefined
        ? null
        : { title: first.title, imageUrl: first.imageUrl, quantity: first.quantity },
  }
}

function offer(e: Eligibility, fmt: FormatOptions): ActionOffer {
  if (!e.eligible) return { offered: false, reason: e.reason }
  return { offered: true, until: e.until === null ? null : formatDate(e.until, fmt) }
}

function shipmentView(s: ShipmentTimeline, fmt: FormatOptions, now: Date): ShipmentView {
  return {
    id: s.shipmentId,
    state: s.state,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    trackingUrl: safeHttpUrl(s.trackingUrl),
    estimatedDeliveryAt: isCurrentEstimate(s.estimatedDeliveryAt, now)
      ? formatDate(s.estimatedDeliveryAt, fmt)
      : null,
    lines: s.lines,
    entries: s.entries.map((e) => entryView(e, fmt)),
  }
}

/**
 * The whole order page: summary, timelines, items, actions with reasons, issue reasons, and
 * the requests already filed about it.
 */
export function toOrderDetail(
  order: Order,
  rules: OrderRules,
  now: Date,
  fmt: FormatOptions,
  requests: RequestSummary[],
): OrderDetail {
  const timeline = orderTimeline(order)
  const actions = orderActions(order, rules, now)
  const returnability = new Map(
    lineReturnability(order, rules.return.requireDelivery).map((l) => [l.lineItemId, l]),
  )
  const lineItems: LineItemView[] = order.lineItems.map((line) => {
    const r = returnability.get(line.id)
    return {
      id: line.id,
      title: line.title,
      variantTitle: line.variantTitle,
      quantity: line.quantity,
      unitPrice: formatMoney(line.price, fmt.locale),
      total: formatMoney(
        { amount: line.price.amount * line.quantity, currency: line.price.currency },
        fmt.locale,
      ),
      imageUrl: line.imageUrl,
      finalSale: line.finalSale,
      giftCard: line.giftCard,
      refundedQuantity: line.refundedQuantity,
      // A line is only returnable when the order itself may be returned.
      returnableQuantity: actions.return.eligible ? (r?.returnableQuantity ?? 0) : 0,
      notReturnableReason: r?.reason ?? null,
    }
  })
  return {
    id: order.id,
    name: order.name,
    createdAt: formatDate(order.createdAt, fmt),
    status: statusView(order, fmt, now),
    summary: orderSummary(order, fmt),
    events: timeline.order.map((e) => entryView(e, fmt)),
    shipments: timeline.shipments.map((s) => shipmentView(s, fmt, now)),
    lineItems,
    actions: {
      cancel: offer(actions.cancel, fmt),
      return: offer(actions.return, fmt),
      addressChange: offer(addressChangeEligibility(order), fmt),
      returnReasons: returnReasons(rules),
      cancelReasons: cancelReasons(rules),
    },
    issue: issueScenario(order, rules),
    requests,
  }
}
