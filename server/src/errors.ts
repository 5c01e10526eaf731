import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * Every expected failure has a stable code; the HTTP status for each code lives in this one
 * table so routes never pick statuses by hand.
 */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  not_found: 404,
  store_not_found: 404,
  order_not_found: 404,
  invalid_cursor: 400,
  store_adapter_unavailable: 501,
  origin_not_allowed: 403,
  unauthorized: 401,
  webhook_signature_invalid: 401,
  webhook_shop_mismatch: 401,
  store_unavailable: 503,
  customer_data_withheld: 503,
  store_not_connected: 503,
  // chat
  chat_unauthenticated: 401,
  rate_limited: 429,
  conversation_not_found: 404,
  conversation_closed: 409,
  stream_ticket_invalid: 401,
  visitor_not_found: 404,
  visitor_linked_elsewhere: 409,
  shutting_down: 503,
  internal_error: 500,
  service_unavailable: 503,
  // storage faults (db/storage-faults.ts): the client waits out Retry-After and tries again
  storage_full: 503,
  storage_unavailable: 503,
  // sign-in (shared/src/api/auth.ts)
  invalid_email: 400,
  invalid_phone: 400,
  invalid_code_format: 400,
  code_incorrect: 400,
  code_expired: 400,
  phone_unsubscribed: 400,
  undeliverable: 400,
  resend_too_soon: 429,
  channel_unavailable: 503,
  challenge_not_found: 404,
  session_missing: 401,
  session_expired: 401,
  session_revoked: 401,
  // shopper requests and contact messages (shared/src/api/requests.ts)
  idempotency_key_missing: 400,
  idempotency_key_invalid: 400,
  request_not_offered: 409,
  request_already_open: 409,
  invalid_reason: 422,
  invalid_lines: 422,
  idempotency_key_reused: 422,
  // agent decisions, refunds, replies and webhooks (shared/src/api/agent.ts)
  ticket_not_found: 404,
  version_conflict: 409,
  action_in_progress: 409,
  decision_not_allowed: 422,
  refund_not_allowed: 422,
  store_rejected: 422,
  store_auth_failed: 502,
  no_shopper_contact: 422,
  agent_forbidden: 403,
  webhook_not_found: 404,
  // agent sign-in and tokens (routes/agent/agent-auth.routes.ts, agent-tokens.routes.ts)
  login_throttled: 429,
  login_busy: 503,
  token_read_only: 403,
  token_not_found: 404,
  session_required: 403,
  weak_password: 400,
  totp_required: 401,
  totp_invalid: 401,
  totp_enrolment_required: 403,
  totp_already_enabled: 409,
  totp_required_by_store: 403,
  totp_enable_first: 409,
  // satisfaction ratings (shared/src/api/insights.ts)
  already_rated: 409,
  not_rateable: 409,
  // console settings (shared/src/api/settings.ts)
  owner_required: 403,
  shopify_domain_invalid: 400,
  shopify_token_rejected: 422,
  shopify_scopes_missing: 422,
  shopify_shop_mismatch: 422,
  shopify_unreachable: 502,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof errorStatus | (string & {})

/** An expected failure carried to the one error handler; `status` defaults from the table. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: ContentfulStatusCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, status?: ContentfulStatusCode, details?: unknown) {
    super(message)
    this.code = code
    this.status = status ?? (errorStatus as Record<string, ContentfulStatusCode>)[code] ?? 400
    this.details = details
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}
