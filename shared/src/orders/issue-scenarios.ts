/**
 * "Report an issue": which reasons an order offers, chosen by where it stands (financial,
 * fulfilment and delivery status). Reasons are codes; a store may replace the reasons of any
 * scenario with its own, which then carry labels per locale.
 */
import { deliveryState } from './display-status.ts'
import type { Order } from './model.ts'
import type { IssueReasonSetting, OrderRules } from './settings.ts'

export const ISSUE_SCENARIO_CODES = [
  'processing',
  'shipped',
  'delivered',
  'failed_delivery',
  'cancelled',
  'refunded',
  'fallback',
] as const

export type IssueScenarioCode = (typeof ISSUE_SCENARIO_CODES)[number]

/** Default reasons per scenario; 'other' closes every list so nobody is left without a choice. */
export const DEFAULT_ISSUE_REASONS = {
  processing: [
    'taking_too_long',
    'change_shipping_address',
    'change_items',
    'payment_problem',
    'other',
  ],
  shipped: [
    'tracking_not_updating',
    'package_delayed',
    'change_delivery_address',
    'missed_delivery',
    'other',
  ],
  delivered: [
    'damaged_item',
    'wrong_item',
    'missing_item',
    'delivered_not_received',
    'not_as_described',
    'other',
  ],
  failed_delivery: [
    'reschedule_delivery',
    'change_delivery_address',
    'returned_to_sender',
    'other',
  ],
  cancelled: ['did_not_request_cancellation', 'refund_not_received', 'other'],
  refunded: ['refund_not_received', 'refund_amount_wrong', 'other'],
  fallback: ['order_status_question', 'other'],
} as const satisfies Record<IssueScenarioCode, readonly string[]>

export type BuiltinIssueReasonCode =
  (typeof DEFAULT_ISSUE_REASONS)[keyof typeof DEFAULT_ISSUE_REASONS][number]

/** Every built-in reason code (the i18n catalogs label each of these). */
export const BUILTIN_ISSUE_REASON_CODES: readonly BuiltinIssueReasonCode[] = [
  ...new Set(Object.values(DEFAULT_ISSUE_REASONS).flat()),
]

/** A reason as offered: built-in codes have no labels (the catalogs have them). */
export interface IssueReason {
  code: string
  labels?: Record<string, string>
}

export interface IssueScenario {
  scenario: IssueScenarioCode
  reasons: IssueReason[]
}

/** True when the catalogs label this code, so a store's reason may omit its labels. */
export function isBuiltinIssueReason(code: string): boolean {
  return (BUILTIN_ISSUE_REASON_CODES as readonly string[]).includes(code)
}

/** The scenario an order falls in, from its status and its parcels. */
export function issueScenarioCode(order: Order): IssueScenarioCode {
  if (order.status === 'cancelled' || order.cancelledAt != null) return 'cancelled'
  if (order.status === 'unknown') return 'fallback'
  if (order.financialStatus === 'refunded' || order.financialStatus === 'voided') {
    return 'refunded'
  }
  switch (deliveryState(order)) {
    case 'unfulfilled':
    case 'processing':
      return 'processing'
    case 'pending_delivery':
    case 'in_transit':
    case 'out_for_delivery':
    case 'attempted_delivery':
    case 'ready_for_pickup':
      return 'shipped'
    case 'delivered':
      return 'delivered'
    case 'failed_delivery':
      return 'failed_delivery'
    case 'status_unavailable':
      return 'fallback'
  }
}

/** The scenario of an order and its reasons, the store's own when it replaced them. */
export function issueScenario(
  order: Order,
  rules: Pick<OrderRules, 'issueReasons'>,
): IssueScenario {
  const scenario = issueScenarioCode(order)
  const custom = rules.issueReasons[scenario]?.filter(usable)
  const reasons: IssueReason[] =
    custom !== undefined && custom.length > 0
      ? custom.map((r) => (r.labels === undefined ? { code: r.code } : { ...r }))
      : DEFAULT_ISSUE_REASONS[scenario].map((code) => ({ code }))
  return { scenario, reasons }
}

// A store's own code needs at least one label, or the widget would have nothing to show.
function usable(reason: IssueReasonSetting): boolean {
  return isBuiltinIssueReason(reason.code) || Object.keys(reason.labels ?? {}).length > 0
}
