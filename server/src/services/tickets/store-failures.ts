import type { IneligibleReason } from '@porchlight/shared/orders/eligibility'
import type { Order } from '@porchlight/shared/orders/model'
import { AppError } from '../../errors.ts'

export type RefusalKind = 'decision_not_allowed' | 'refund_not_allowed'

/** 422 decision_not_allowed / refund_not_allowed with `details: { reason, data? }`. */
export function refusal(
  kind: RefusalKind,
  reason: string,
  message: string,
  data?: Record<string, unknown>,
): AppError {
  return new AppError(kind, message, data === undefined ? { reason } : { reason, data })
}

// The eligibility rules' codes in the words the console knows (shared/src/api/agent.ts);
// codes not listed pass through and the console shows them as words.
const RULE_REASONS: Partial<Record<IneligibleReason['code'], string>> = {
  already_fulfilled: 'order_already_fulfilled',
  order_cancelled: 'order_already_cancelled',
  already_refunded: 'order_refunded',
  not_delivered_yet: 'order_not_delivered',
}

const RULE_MESSAGES: Partial<Record<string, string>> = {
  order_already_fulfilled: 'The order has shipped since the request, so it cannot be cancelled.',
  order_partially_fulfilled: 'Part of the order has shipped, so it cannot be cancelled.',
  order_already_cancelled: 'The order is already cancelled.',
  order_refunded: 'The order has already been refunded.',
  order_not_delivered: 'The order has not been delivered yet.',
  return_window_closed: 'The return window had closed when the shopper asked.',
}

/** The store's rules said no, on the order as it is now. */
export function ruleRefusal(order: Order, reason: IneligibleReason): AppError {
  let code = RULE_REASONS[reason.code] ?? reason.code
  if (code === 'order_already_fulfilled' && order.fulfillmentStatus === 'partially_fulfilled')
    code = 'order_partially_fulfilled'
  const data = { rule: reason.code, ...('data' in reason ? reason.data : {}) }
  const message = RULE_MESSAGES[code] ?? `The store's rules do not allow this now (${reason.code}).`
  return refusal('decision_not_allowed', code, message, data)
}

// What adapters (demo, Shopify) answer, in the console's words.
const STORE_REASONS: Record<string, string> = {
  order_fulfilled: 'order_already_fulfilled',
  order_cancelled: 'order_already_cancelled',
  amount_exceeds_refundable: 'refund_exceeds_refundable',
  refund_exceeds_remaining: 'refund_exceeds_refundable',
}

/**
 * A store action the adapter refused or could not do. Shopify's own refusals (userErrors)
 * reach the agent as 422 store_rejected with Shopify's message; an unreachable store is a 502
 * with the store's message (which says whether to check the store before trying again);
 * anything else is a refusal with the store's code.
 */
export function storeFailure(kind: RefusalKind, failure: { code: string; message: string }) {
  switch (failure.code) {
    case 'store_rejected':
      return new AppError('store_rejected', failure.message)
    case 'store_unavailable':
    case 'conflict':
      return new AppError('store_unavailable', failure.message, {
        reason: 'store_unavailable',
      })
    case 'store_auth_failed':
      return new AppError('store_auth_failed', failure.message)
    default:
      return refusal(kind, STORE_REASONS[failure.code] ?? failure.code, failure.message)
  }
}
