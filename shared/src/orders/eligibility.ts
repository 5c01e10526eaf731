/**
 * Whether Cancel and Return are offered for an order, and when not, why (a code and its data,
 * so the widget can explain: "Returns closed on 12 March"). A store's rules can narrow what is
 * offered; a few facts hold whatever the rules say (a fulfilled order cannot be cancelled, a
 * refunded one cannot be returned, unknown statuses offer nothing).
 */
import type { FinancialStatus, FulfillmentStatus, Order, OrderStatus } from './model.ts'
import {
  activeShipments,
  lastDeliveredAt,
  lastFulfilledAt,
  lineReturnability,
  timeOf,
} from './order-facts.ts'
import { windowMs, type ActionRules, type OrderRules, type WindowAnchor } from './settings.ts'

export type OrderAction = 'cancel' | 'return'

export type IneligibleReason =
  | { code: 'action_disabled' }
  | { code: 'status_unknown' }
  | { code: 'order_cancelled' }
  | { code: 'order_archived' }
  | { code: 'order_status_not_allowed'; data: { status: OrderStatus } }
  | { code: 'already_fulfilled' }
  | { code: 'fulfillment_in_progress' }
  | { code: 'not_fulfilled_yet' }
  | { code: 'not_delivered_yet' }
  | { code: 'fulfillment_status_not_allowed'; data: { status: FulfillmentStatus } }
  | { code: 'already_refunded' }
  | { code: 'already_returned' }
  | { code: 'financial_status_not_allowed'; data: { status: FinancialStatus } }
  | { code: 'excluded_tag'; data: { tag: string } }
  | { code: 'no_returnable_items'; data: { finalSale: number; giftCard: number } }
  | { code: 'cancel_window_closed'; data: { closedAt: string } }
  | { code: 'return_window_closed'; data: { closedAt: string } }
  | { code: 'not_shipped_to_address' }

export type IneligibleCode = IneligibleReason['code']

export const INELIGIBLE_CODES: readonly IneligibleCode[] = [
  'action_disabled',
  'status_unknown',
  'order_cancelled',
  'order_archived',
  'order_status_not_allowed',
  'already_fulfilled',
  'fulfillment_in_progress',
  'not_fulfilled_yet',
  'not_delivered_yet',
  'fulfillment_status_not_allowed',
  'already_refunded',
  'already_returned',
  'financial_status_not_allowed',
  'excluded_tag',
  'no_returnable_items',
  'cancel_window_closed',
  'return_window_closed',
  'not_shipped_to_address',
]

export type Eligibility =
  /** `until`: ISO time the window closes, null when the action has no time limit. */
  { eligible: true; until: string | null } | { eligible: false; reason: IneligibleReason }

const no = (reason: IneligibleReason): Eligibility => ({ eligible: false, reason })

/** Statuses after which nothing can be cancelled, whatever a store's rules say. */
export const SHIPPED_STATUSES: ReadonlySet<FulfillmentStatus> = new Set([
  'fulfilled',
  'partially_fulfilled',
  'delivered',
  'picked_up',
  'returned',
  'partially_returned',
])
// Statuses before anything can be returned.
const unshippedStatuses: ReadonlySet<FulfillmentStatus> = new Set([
  'unfulfilled',
  'in_progress',
  'on_hold',
  'ready_for_pickup',
  'cancelled',
])

/** Whether the shopper may ask to cancel this order at `now`, and why not. */
export function cancelEligibility(order: Order, rules: OrderRules, now: Date): Eligibility {
  const config = rules.cancel
  const common = commonChecks(order, config)
  if (common !== null) return no(common)
  if (SHIPPED_STATUSES.has(order.fulfillmentStatus) || activeShipments(order).length > 0) {
    return no({ code: 'already_fulfilled' })
  }
  const statusCheck = configuredStatuses(order, config, 'cancel')
  if (statusCheck !== null) return no(statusCheck)
  const tag = excludedTag(order, config)
  if (tag !== null) return no({ code: 'excluded_tag', data: { tag } })
  return windowCheck(order, config, now, 'cancel_window_closed')
}

/** Whether the shopper may ask to return items of this order at `now`, and why not. */
export function returnEligibility(order: Order, rules: OrderRules, now: Date): Eligibility {
  const config = rules.return
  // Not sent yet: the hint names what the store's rule waits for, the same on every order
  // ("once it has arrived" where returns need delivery, "once it has shipped" otherwise).
  const notYet: IneligibleReason = {
    code: config.requireDelivery ? 'not_delivered_yet' : 'not_fulfilled_yet',
  }
  const common = commonChecks(order, config)
  if (common !== null) return no(common)
  if (order.financialStatus === 'refunded' || order.financialStatus === 'voided') {
    return no({ code: 'already_refunded' })
  }
  if (order.fulfillmentStatus === 'returned') return no({ code: 'already_returned' })
  if (unshippedStatuses.has(order.fulfillmentStatus) && activeShipments(order).length === 0) {
    return no(notYet)
  }
  const statusCheck = configuredStatuses(order, config, 'return')
  if (statusCheck !== null)
    return no(statusCheck.code === 'not_fulfilled_yet' ? notYet : statusCheck)
  const tag = excludedTag(order, config)
  if (tag !== null) return no({ code: 'excluded_tag', data: { tag } })
  const lines = lineReturnability(order, config.requireDelivery)
  if (!lines.some((l) => l.returnableQuantity > 0)) {
    if (lines.some((l) => l.reason === 'already_returned')) return no({ code: 'already_returned' })
    if (lines.some((l) => l.reason === 'not_delivered')) return no({ code: 'not_delivered_yet' })
    if (lines.every((l) => l.reason === 'not_fulfilled')) return no(notYet)
    const count = (r: string) => lines.filter((l) => l.reason === r).length
    if (count('final_sale') + count('gift_card') > 0) {
      return no({
        code: 'no_returnable_items',
        data: { finalSale: count('final_sale'), giftCard: count('gift_card') },
      })
    }
    return no({ code: 'already_refunded' })
  }
  return windowCheck(order, config, now, 'return_window_closed')
}

/** Both actions for an order at `now`. */
export function orderActions(
  order: Order,
  rules: OrderRules,
  now: Date,
): Record<OrderAction, Eligibility> {
  return {
    cancel: cancelEligibility(order, rules, now),
    return: returnEligibility(order, rules, now),
  }
}

function commonChecks(order: Order, config: ActionRules): IneligibleReason | null {
  if (!config.enabled) return { code: 'action_disabled' }
  if (
    order.status === 'unknown' ||
    order.financialStatus === 'unknown' ||
    order.fulfillmentStatus === 'unknown'
  ) {
    return { code: 'status_unknown' }
  }
  if (order.status === 'cancelled' || order.cancelledAt != null) return { code: 'order_cancelled' }
  return null
}

function configuredStatuses(
  order: Order,
  config: ActionRules,
  action: OrderAction,
): IneligibleReason | null {
  if (!config.orderStatuses.includes(order.status)) {
    return order.status === 'archived'
      ? { code: 'order_archived' }
      : { code: 'order_status_not_allowed', data: { status: order.status } }
  }
  if (!config.fulfillmentStatuses.includes(order.fulfillmentStatus)) {
    const status = order.fulfillmentStatus
    // Name the common cases so the widget can say more than "not in this status".
    if (action === 'cancel' && status === 'in_progress') return { code: 'fulfillment_in_progress' }
    if (action === 'cancel' && status === 'ready_for_pickup') return { code: 'already_fulfilled' }
    if (action === 'return' && unshippedStatuses.has(status)) return { code: 'not_fulfilled_yet' }
    if (action === 'return' && status === 'partially_returned') {
      return { code: 'already_returned' }
    }
    return { code: 'fulfillment_status_not_allowed', data: { status } }
  }
  if (!config.financialStatuses.includes(order.financialStatus)) {
    if (order.financialStatus === 'refunded') return { code: 'already_refunded' }
    return { code: 'financial_status_not_allowed', data: { status: order.financialStatus } }
  }
  return null
}

function excludedTag(order: Order, config: ActionRules): string | null {
  if (config.excludedTags.length === 0) return null
  const excluded = new Set(config.excludedTags.map((t) => t.toLowerCase()))
  return order.tags.find((t) => excluded.has(t.trim().toLowerCase())) ?? null
}

/** The moment a window starts; 'delivery' falls back to fulfilment, then to the order. */
export function windowStart(order: Order, from: WindowAnchor): number | undefined {
  const placed = timeOf(order.createdAt)
  if (from === 'order') return placed
  const fulfilled = lastFulfilledAt(order) ?? placed
  if (from === 'fulfillment') return fulfilled
  return lastDeliveredAt(order) ?? fulfilled
}

function windowCheck(
  order: Order,
  config: ActionRules,
  now: Date,
  closedCode: 'cancel_window_closed' | 'return_window_closed',
): Eligibility {
  if (config.window === null) return { eligible: true, until: null }
  const start = windowStart(order, config.window.from)
  // An order whose dates cannot be read cannot be placed in a window: offer nothing.
  if (start === undefined) return no({ code: 'status_unknown' })
  const closes = start + windowMs(config.window)
  const closedAt = new Date(closes).toISOString()
  if (now.getTime() >= closes) return no({ code: closedCode, data: { closedAt } })
  return { eligible: true, until: closedAt }
}
