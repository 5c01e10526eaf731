import { ApiError, type ConsoleErrorCode } from './api.ts'

export const CONFLICT_MESSAGE = 'Someone else changed this ticket; here is the latest.'

// Why the store refused a decision, in the words an agent would use. Codes come from the
// server's decision rules (422 decision_not_allowed, details.reason).
const DECISION_REASONS: Record<string, string> = {
  order_already_fulfilled:
    'The order has already shipped (fulfilled), so it can no longer be cancelled. Consider a return instead.',
  order_partially_fulfilled:
    'Part of the order has already shipped, so it can no longer be cancelled as a whole.',
  order_already_cancelled: 'The order is already cancelled.',
  order_not_found: 'The store no longer has this order.',
  order_refunded: 'The order has already been refunded.',
  order_not_delivered: 'The order has not been delivered yet, so a return cannot be created.',
  return_window_closed: 'The return window for this order has closed.',
  already_decided: 'This request has already been decided.',
  not_a_request: 'This ticket is not a request, so there is nothing to approve or decline.',
  refund_exceeds_refundable: 'The amount is more than what remains refundable on this order.',
  nothing_refundable: 'Nothing remains refundable on this order.',
  refund_not_supported: 'This store does not support refunds from the console.',
  store_unavailable: 'The store could not be reached. Try again in a moment.',
  reason_required: 'Give a reason to decline.',
  too_late_for_address_change:
    'The store started preparing or shipping the order since the shopper asked: its address can no longer change.',
  address_missing: 'This request holds no address to send to the store.',
}

const CODES: Partial<Record<ConsoleErrorCode, string>> = {
  network_error: 'The server could not be reached. Check your connection and try again.',
  invalid_credentials: 'The email or password is not right.',
  store_required: 'This email works for several stores; ask an owner which one to use.',
  agent_unauthenticated: 'Your session has ended. Sign in again.',
  csrf_failed: 'Your session could not be confirmed. Reload the page and try again.',
  ticket_not_found: 'This ticket does not exist, or belongs to another store.',
  agent_not_found: 'That agent is not part of this store.',
  owner_required: 'Only an owner of the store can change this.',
  last_owner: 'The store must keep an active owner: make someone else an owner first.',
  agent_deactivated: 'This agent is deactivated: reactivate them first.',
  password_link_invalid:
    'This link no longer works: it was used, replaced by a newer one, or is over 72 hours old. Ask an owner for a new one.',
  member_not_found: 'This agent is not part of this store.',
  webhook_not_found: 'This endpoint no longer exists.',
  delivery_not_found: 'This delivery is not in this store’s log.',
  version_conflict: CONFLICT_MESSAGE,
  validation_failed: 'Some of what was entered is not valid.',
  payload_too_large: 'That is too long to send.',
  not_found: 'This action is not available on this server yet.',
  internal_error: 'Something went wrong on the server. Try again.',
}

const humanize = (code: string) => code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

/** The reason code in a decision_not_allowed error, if the server gave one. */
export function decisionReason(err: ApiError): string | undefined {
  const d = err.details
  if (typeof d !== 'object' || d === null) return undefined
  const r = (d as { reason?: unknown; code?: unknown }).reason ?? (d as { code?: unknown }).code
  return typeof r === 'string' ? r : undefined
}

/** Plain words for a failed call, never a bare status code. */
export function errorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Something went wrong. Try again.'
  if (err.code === 'decision_not_allowed' || err.code === 'refund_not_allowed') {
    const reason = decisionReason(err)
    const words = reason === undefined ? undefined : DECISION_REASONS[reason]
    if (words !== undefined) return `Not possible: ${words}`
    if (reason !== undefined) return `Not possible: ${humanize(reason)}.`
    return `Not possible: ${err.message}`
  }
  if (err.code === 'validation_failed' && err.message) return `Not valid: ${err.message}`
  return CODES[err.code] ?? DECISION_REASONS[err.code] ?? err.message ?? humanize(err.code)
}
