/**
 * The reasons a shopper picks from when filing a request: returns and cancellations have one
 * list each (a store may replace either in its order rules), issue reports take the reasons of
 * the order's scenario (issue-scenarios.ts). Reasons are codes; the catalogs label the built-in
 * ones (`reason.<code>`), a store's own carry labels per locale.
 */
import { issueScenario, isBuiltinIssueReason, type IssueReason } from './issue-scenarios.ts'
import type { RequestType } from '../api/requests.ts'
import type { Order } from './model.ts'
import type { IssueReasonSetting, OrderRules } from './settings.ts'

import { DEFAULT_CANCEL_REASONS, DEFAULT_RETURN_REASONS } from './reason-codes.ts'

export { DEFAULT_CANCEL_REASONS, DEFAULT_RETURN_REASONS }

export type ReturnReasonCode = (typeof DEFAULT_RETURN_REASONS)[number]
export type CancelReasonCode = (typeof DEFAULT_CANCEL_REASONS)[number]

/** Every built-in return and cancel reason code (the catalogs label each of these). */
export const BUILTIN_REQUEST_REASON_CODES: readonly (ReturnReasonCode | CancelReasonCode)[] = [
  ...new Set([...DEFAULT_RETURN_REASONS, ...DEFAULT_CANCEL_REASONS]),
]

/** The reason every address change request carries. */
export const ADDRESS_CHANGE_REASON = 'address_change'

/** The kinds of request a shopper files about an order. */
export type RequestKind = RequestType

/** True when the catalogs label this code, so a store's return or cancel reason may omit labels. */
export function isBuiltinRequestReason(code: string): boolean {
  return (
    (BUILTIN_REQUEST_REASON_CODES as readonly string[]).includes(code) || isBuiltinIssueReason(code)
  )
}

// A store's own code needs at least one label, or the widget would have nothing to show.
function usable(reason: IssueReasonSetting): boolean {
  return isBuiltinRequestReason(reason.code) || Object.keys(reason.labels ?? {}).length > 0
}

function listOrDefault(
  custom: IssueReasonSetting[] | undefined,
  defaults: readonly string[],
): IssueReason[] {
  const kept = custom?.filter(usable)
  if (kept === undefined || kept.length === 0) return defaults.map((code) => ({ code }))
  return kept.map((r) => (r.labels === undefined ? { code: r.code } : { ...r }))
}

/** The return reasons a store offers: its own list when it set one, else the defaults. */
export function returnReasons(rules: Pick<OrderRules, 'returnReasons'>): IssueReason[] {
  return listOrDefault(rules.returnReasons, DEFAULT_RETURN_REASONS)
}

/** The cancel reasons a store offers: its own list when it set one, else the defaults. */
export function cancelReasons(rules: Pick<OrderRules, 'cancelReasons'>): IssueReason[] {
  return listOrDefault(rules.cancelReasons, DEFAULT_CANCEL_REASONS)
}

/** The reasons an order offers for one kind of request (issues: from the order's scenario). */
export function offeredReasons(order: Order, rules: OrderRules, kind: RequestKind): IssueReason[] {
  if (kind === 'return') return returnReasons(rules)
  if (kind === 'cancel') return cancelReasons(rules)
  // An address change says what it wants in its address: its one reason names the kind.
  if (kind === 'address_change') return [{ code: ADDRESS_CHANGE_REASON }]
  return issueScenario(order, rules).reasons
}

/** True when `code` is one of the reasons the order offers for this kind of request. */
export function isReasonOffered(
  order: Order,
  rules: OrderRules,
  kind: RequestKind,
  code: string,
): boolean {
  return offeredReasons(order, rules, kind).some((r) => r.code === code)
}
