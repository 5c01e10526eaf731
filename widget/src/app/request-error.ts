import type { RequestType } from '@porchlight/shared/api/requests'
import type { MessageKey } from '@porchlight/shared/i18n/index'
import type { IneligibleReason } from '@porchlight/shared/orders/eligibility'
import type { ApiError } from './api-client.ts'
import type { LocaleState } from './locale.ts'
import { problemFor, problemText } from './problem.ts'
import { ineligibleText } from './order-words.ts'
import { say } from './words.ts'

/**
 * Every error code of the request routes (shared/src/api/requests.ts), each with words. Listed
 * here until the contract exports them as a type the CoverageCheck can name.
 */
export const REQUEST_ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'invalid_email',
  'idempotency_key_missing',
  'idempotency_key_invalid',
  'session_missing',
  'session_expired',
  'session_revoked',
  'order_not_found',
  'store_not_found',
  'request_not_offered',
  'request_already_open',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_reason',
  'invalid_lines',
  'exchange_out_of_stock',
  'exchange_variant_not_allowed',
  'address_invalid',
  'idempotency_key_reused',
  'rate_limited',
] as const

// Compile-time: a code added above without a message fails `pnpm typecheck`.
type Missing = Exclude<`error.${(typeof REQUEST_ERROR_CODES)[number]}`, MessageKey>
const allWorded: [Missing] extends [never] ? true : Missing = true
void allWorded

/**
 * What went wrong with a request, in the shopper's words, computed at render so a language
 * change re-renders it. A refusal says why, as the order page would ("Returns: Return window
 * closed on 3 October."); an open request names its reference.
 */
export function requestErrorText(error: ApiError, type: RequestType, i18n: LocaleState): string {
  const details = error.details ?? {}
  if (error.code === 'request_already_open') {
    return say(i18n, 'error.request_already_open', {
      reference: String(details['reference'] ?? ''),
    })
  }
  const reason = details['reason'] as IneligibleReason | undefined
  if (
    error.code === 'request_not_offered' &&
    typeof reason?.code === 'string' &&
    type !== 'issue'
  ) {
    return say(i18n, `order.unavailable_${type}`, { reason: ineligibleText(reason, i18n) })
  }
  return problemText(problemFor(error), i18n)
}
