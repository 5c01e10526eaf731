import type { AddressChangeErrorCode } from '@porchlight/shared/api/address-changes'
import type { AgentAuthErrorCode, AgentErrorCode } from '@porchlight/shared/api/agent'
import type {
  AuthErrorCode,
  GrantErrorCode,
  IdentifyErrorCode,
  ShopifyProxyErrorCode,
} from '@porchlight/shared/api/auth'
import type { ChatErrorCode } from '@porchlight/shared/api/chat'
import type {
  EdgeErrorCode,
  ShopifyWebhookErrorCode,
  StoreErrorCode,
} from '@porchlight/shared/api/errors'
import type { RatingErrorCode } from '@porchlight/shared/api/insights'
import type { MailReplyErrorCode } from '@porchlight/shared/api/mail-replies'
import type { OrderErrorCode } from '@porchlight/shared/api/orders'
import type { PrivacyErrorCode } from '@porchlight/shared/api/privacy'
import type { RequestErrorCode } from '@porchlight/shared/api/requests'
import type { ExchangeErrorCode } from '@porchlight/shared/api/exchanges'
import type { ReturnErrorCode } from '@porchlight/shared/api/returns'
import type { SavedReplyErrorCode } from '@porchlight/shared/api/saved-replies'
import type { SettingsErrorCode, ShopifyInstallErrorCode } from '@porchlight/shared/api/settings'
import type { StoreSettingsErrorCode } from '@porchlight/shared/api/store-settings'
import type { TeamErrorCode } from '@porchlight/shared/api/team'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every stable error code of the API: the union of the contract's lists in shared/src/api/. */
export type ErrorCode =
  | EdgeErrorCode
  | StoreErrorCode
  | ShopifyWebhookErrorCode
  | AuthErrorCode
  | IdentifyErrorCode
  | ShopifyProxyErrorCode
  | GrantErrorCode
  | OrderErrorCode
  | RequestErrorCode
  | ChatErrorCode
  | AgentAuthErrorCode
  | AgentErrorCode
  | SettingsErrorCode
  | RatingErrorCode
  | ShopifyInstallErrorCode
  | PrivacyErrorCode
  | ReturnErrorCode
  | ExchangeErrorCode
  | StoreSettingsErrorCode
  | TeamErrorCode
  | MailReplyErrorCode
  | SavedReplyErrorCode
  | AddressChangeErrorCode

/**
 * The HTTP status of every code, in this one table: routes and services name a code, never a
 * status. Exhaustive, so a code added to the contract without a status fails the typecheck.
 */
export const errorStatus = {
  // the edge (shared/src/api/errors.ts)
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  shutting_down: 503,
  // storage faults (db/storage-faults.ts): the client waits out Retry-After and tries again
  storage_full: 503,
  storage_unavailable: 503,
  widget_not_built: 503,
  // the store behind the call
  store_not_found: 404,
  store_adapter_unavailable: 501,
  store_not_connected: 503,
  store_not_answering: 503,
  customer_data_withheld: 503,
  webhook_signature_invalid: 401,
  webhook_shop_mismatch: 401,
  // sign-in (shared/src/api/auth.ts)
  invalid_email: 400,
  invalid_phone: 400,
  invalid_code_format: 400,
  code_incorrect: 400,
  code_expired: 400,
  phone_unsubscribed: 400,
  undeliverable: 400,
  // signed identity (shared/src/api/auth.ts)
  identity_invalid: 401,
  identity_secret_not_found: 404,
  // Shopify app proxy identity and its one-time grants (shared/src/api/auth.ts)
  proxy_signature_invalid: 401,
  proxy_request_stale: 401,
  proxy_shop_mismatch: 401,
  proxy_not_configured: 404,
  customer_signed_out: 401,
  customer_unknown: 401,
  grant_invalid: 401,
  session_missing: 401,
  session_expired: 401,
  session_revoked: 401,
  challenge_not_found: 404,
  resend_too_soon: 429,
  channel_unavailable: 503,
  // email replies (shared/src/api/mail-replies.ts)
  inbound_mail_disabled: 404,
  inbound_secret_invalid: 401,
  inbound_mail_malformed: 400,
  held_reply_not_found: 404,
  attachment_not_found: 404,
  // address change requests (shared/src/api/address-changes.ts)
  address_change_not_found: 404,
  // orders (shared/src/api/orders.ts)
  invalid_cursor: 400,
  order_not_found: 404,
  // shopper requests and contact messages (shared/src/api/requests.ts)
  idempotency_key_missing: 400,
  idempotency_key_invalid: 400,
  request_not_offered: 409,
  request_already_open: 409,
  invalid_reason: 422,
  invalid_lines: 422,
  address_invalid: 422,
  idempotency_key_reused: 422,
  // chat (shared/src/api/chat.ts)
  chat_unauthenticated: 401,
  stream_ticket_invalid: 401,
  conversation_not_found: 404,
  visitor_not_found: 404,
  conversation_closed: 409,
  visitor_linked_elsewhere: 409,
  // agent sign-in, tokens and two-factor (shared/src/api/agent.ts)
  store_required: 400,
  totp_code_incorrect: 400,
  invalid_credentials: 401,
  agent_unauthenticated: 401,
  totp_required: 401,
  totp_invalid: 401,
  csrf_failed: 403,
  token_read_only: 403,
  session_required: 403,
  totp_enrolment_required: 403,
  totp_required_by_store: 403,
  token_not_found: 404,
  totp_already_enabled: 409,
  login_throttled: 429,
  login_busy: 503,
  // the queue, ticket actions and webhook endpoints (shared/src/api/agent.ts)
  agent_not_found: 400,
  ticket_not_found: 404,
  webhook_not_found: 404,
  version_conflict: 409,
  action_in_progress: 409,
  decision_not_allowed: 422,
  refund_not_allowed: 422,
  store_rejected: 422,
  no_shopper_contact: 422,
  store_unavailable: 502,
  store_auth_failed: 502,
  // satisfaction ratings (shared/src/api/insights.ts)
  already_rated: 409,
  not_rateable: 409,
  // console settings (shared/src/api/settings.ts)
  shopify_domain_invalid: 400,
  owner_required: 403,
  totp_enable_first: 409,
  shopify_token_rejected: 422,
  shopify_scopes_missing: 422,
  shopify_shop_mismatch: 422,
  shopify_unreachable: 502,
  shopify_credentials_rejected: 422,
  // settings sections (shared/src/api/store-settings.ts)
  settings_stale: 409,
  logo_invalid: 400,
  logo_too_large: 413,
  logo_not_found: 400,
  // OAuth install (routes/shopify/shopify-install.routes.ts)
  shopify_install_unavailable: 404,
  shopify_callback_invalid: 400,
  shopify_callback_hmac_invalid: 400,
  shopify_callback_state_invalid: 400,
  shopify_callback_shop_invalid: 400,
  // Shopify's privacy requests (shared/src/api/privacy.ts)
  data_request_not_found: 404,
  // returns after approval and appeasements (shared/src/api/returns.ts)
  label_invalid: 400,
  return_not_found: 404,
  receipt_exceeds_return: 422,
  appeasement_exceeds_line: 422,
  line_not_on_order: 422,
  // exchanges (shared/src/api/exchanges.ts)
  exchange_variant_not_allowed: 422,
  exchange_out_of_stock: 409,
  // the Agents and Webhooks settings (shared/src/api/team.ts)
  weak_password: 400,
  password_link_invalid: 400,
  member_not_found: 404,
  delivery_not_found: 404,
  agent_exists: 409,
  last_owner: 409,
  agent_deactivated: 409,
  // saved replies (shared/src/api/saved-replies.ts)
  saved_reply_not_found: 404,
  saved_reply_shortcut_taken: 409,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>

/** What an error answer may carry beside its code: a record (reasons, a ticket) or a list. */
export type ErrorDetails = Readonly<Record<string, unknown>> | readonly unknown[]

/** An expected failure carried to the one error handler; its status comes from the table. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails | undefined

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message)
    this.code = code
    this.details = details
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code]
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetails }
}

export function errorBody(code: ErrorCode, message: string, details?: ErrorDetails): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}
