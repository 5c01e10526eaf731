/**
 * Automation rules: whether a shopper's request is approved without an agent, by which rule,
 * and why (or why not). Pure: the request, the order as the store has it, the store's rules
 * and the moment the shopper asked come in as arguments. Each request kind has at most one
 * rule; a kind without one (an issue report, and any kind added later until it gets its rule)
 * always waits for an agent.
 */
import type { AutomationSection } from '../settings/automation-section.ts'
import {
  cancelEligibility,
  returnEligibility,
  type Eligibility,
  type IneligibleCode,
} from '../orders/eligibility.ts'
import type { Money, Order } from '../orders/model.ts'
import { activeShipments } from '../orders/order-facts.ts'
import type { OrderRules } from '../orders/settings.ts'

/** Every automation rule, as the ticket's history names the one that decided. */
export const AUTOMATION_RULES = ['approve_cancel', 'approve_return'] as const
export type AutomationRule = (typeof AUTOMATION_RULES)[number]

/** What the console, the history and the store's staff note call each rule. */
export const AUTOMATION_RULE_NAMES: Readonly<Record<AutomationRule, string>> = {
  approve_cancel: 'Approve cancellations',
  approve_return: 'Approve small returns',
}

/** The request as the rules see it. */
export interface AutomationRequest {
  /** The request's kind ('cancel', 'return', ...). */
  type: string
  /** Items asked back (returns). */
  lines: ReadonlyArray<{ lineItemId: string; quantity: number }>
}

/** Why a rule let a request wait for an agent. */
export type AutomationHold =
  | { code: 'no_rule' }
  | { code: 'rule_off' }
  | { code: 'not_offered'; reason: IneligibleCode }
  | { code: 'fulfillment_started' }
  | { code: 'order_too_old'; ageHours: number; withinHours: number }
  | { code: 'no_items' }
  | { code: 'no_ceiling_for_currency'; currency: string }
  | { code: 'over_ceiling'; value: Money; lessThan: Money }

export type AutomaticDecision =
  /** Approve; `why` is what the history records next to the rule. */
  | { approve: true; rule: AutomationRule; why: Record<string, unknown> }
  /** Leave it to an agent; `rule` is null when no rule covers the request. */
  | { approve: false; rule: AutomationRule | null; hold: AutomationHold }

export interface AutomationInput {
  request: AutomationRequest
  order: Order
  automation: AutomationSection
  /** The store's policies (return window, final sale, ...), as eligibility reads them. */
  rules: OrderRules
  /** When the shopper asked: windows and ages are judged then. */
  askedAt: Date
}

/**
 * One rule: whether the owner turned it on, the store's policy it stays within (whether the
 * shopper may ask binds the rule as it binds the panel, except `enabled`: the request was
 * filed), and what the rule itself checks.
 */
interface RuleSpec {
  rule: AutomationRule
  enabled: (automation: AutomationSection) => boolean
  offered: (order: Order, rules: OrderRules, askedAt: Date) => Eligibility
  check: (input: AutomationInput) => { hold: AutomationHold } | { why: Record<string, unknown> }
}

const HOUR_MS = 3_600_000

const approveCancel: RuleSpec = {
  rule: 'approve_cancel',
  enabled: (a) => a.approveCancel.enabled,
  offered: (order, rules, askedAt) =>
    cancelEligibility(order, { ...rules, cancel: { ...rules.cancel, enabled: true } }, askedAt),
  check: ({ order, automation, askedAt }) => {
    const { withinHours } = automation.approveCancel
    // "Nothing fulfilled" strictly: an order the warehouse has started on waits for an agent.
    if (order.fulfillmentStatus !== 'unfulfilled' || activeShipments(order).length > 0) {
      return { hold: { code: 'fulfillment_started' } }
    }
    const ageHours = (askedAt.getTime() - Date.parse(order.createdAt)) / HOUR_MS
    if (!(ageHours < withinHours)) {
      return { hold: { code: 'order_too_old', ageHours: Math.floor(ageHours), withinHours } }
    }
    return { why: { withinHours } }
  },
}

/** The value of the items asked back: unit price × quantity, in the order's currency. */
export function returnValue(order: Order, lines: AutomationRequest['lines']): Money {
  const amount = lines.reduce((sum, l) => {
    const item = order.lineItems.find((li) => li.id === l.lineItemId)
    return sum + (item === undefined ? 0 : item.price.amount * l.quantity)
  }, 0)
  return { amount, currency: order.currency }
}

const approveReturn: RuleSpec = {
  rule: 'approve_return',
  enabled: (a) => a.approveReturn.enabled,
  offered: (order, rules, askedAt) =>
    returnEligibility(order, { ...rules, return: { ...rules.return, enabled: true } }, askedAt),
  check: ({ request, order, automation }) => {
    if (request.lines.length === 0) return { hold: { code: 'no_items' } }
    const currency = order.currency.toUpperCase()
    const lessThan = automation.approveReturn.lessThan.find((c) => c.currency === currency)
    if (lessThan === undefined) return { hold: { code: 'no_ceiling_for_currency', currency } }
    const value = returnValue(order, request.lines)
    if (!(value.amount < lessThan.amount)) {
      return { hold: { code: 'over_ceiling', value, lessThan } }
    }
    return { why: { value, lessThan } }
  },
}

// One rule per request kind. A new kind (an address change) gets its rule here.
const RULES: Readonly<Record<string, RuleSpec>> = {
  cancel: approveCancel,
  return: approveReturn,
}

/** What the store's automation decides for a request just filed: approve (which rule) or wait. */
export function automaticDecision(input: AutomationInput): AutomaticDecision {
  const evaluate = Object.hasOwn(RULES, input.request.type) ? RULES[input.request.type] : undefined
  if (evaluate === undefined) return { approve: false, rule: null, hold: { code: 'no_rule' } }
  const { rule } = evaluate
  if (!evaluate.enabled(input.automation)) {
    return { approve: false, rule, hold: { code: 'rule_off' } }
  }
  const offered = evaluate.offered(input.order, input.rules, input.askedAt)
  if (!offered.eligible) {
    return { approve: false, rule, hold: { code: 'not_offered', reason: offered.reason.code } }
  }
  const checked = evaluate.check(input)
  return 'hold' in checked
    ? { approve: false, rule, hold: checked.hold }
    : { approve: true, rule, why: checked.why }
}
