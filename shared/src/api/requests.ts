/**
 * The shopper's request contract: returns, cancellations, address changes and issue reports
 * become tickets that an agent reviews (nothing is refunded, cancelled or redirected by the
 * shopper alone).
 *
 *   POST /v1/orders/:id/requests     FileRequest, header `Idempotency-Key` -> 201 RequestFiled
 *        (a retry with the same key and body -> 200 with the same RequestFiled;
 *         the same key with a different body -> 422 idempotency_key_reused)
 *   GET  /v1/requests                -> 200 RequestListResponse  (this shopper's on this store,
 *                                       newest first, the latest 100)
 *   POST /v1/contact                 ContactMessage, header `Idempotency-Key` -> 201 RequestFiled
 *        (store named by `X-Porchlight-Key`; signed in or not; with a session the order may be
 *         picked from the shopper's orders)
 *
 * Order detail (GET /v1/orders/:id) also lists the order's requests (`requests`), so the panel
 * can show "Cancellation requested · #1042 · Approved".
 *
 * Errors ({ error: { code } }):
 *   400 validation_failed       the body is not of this shape (comment over 1,000 characters...)
 *   400 idempotency_key_missing | idempotency_key_invalid (1 to 100 of [A-Za-z0-9_-])
 *   404 order_not_found         not this shopper's order on this store
 *   409 request_not_offered     the action is not offered for this order now
 *                               (error.details.reason is the IneligibleReason: code + data)
 *   409 request_already_open    an open request of this type exists for the order
 *                               (error.details.reference)
 *   422 invalid_reason          the reason is not one this order offers for this type
 *   422 invalid_lines           lines not in the order or above the returnable quantity
 *   422 exchange_variant_not_allowed  an exchange for a variant of another product
 *   409 exchange_out_of_stock   the variant asked for in exchange is not in stock now
 *   422 address_invalid         an address change's address misses a field its country needs,
 *                               or has one of the wrong shape (error.details.problems:
 *                               [{ field, code: required | invalid | too_long }])
 *   422 idempotency_key_reused
 *
 * Also (both POSTs): 401 session_missing | session_expired | session_revoked (a bearer token
 * that is not a live session of this store), 413 payload_too_large (the app's body limit),
 * 415 unsupported_media_type, 400 invalid_json. Contact only: 404 store_not_found (unknown
 * X-Porchlight-Key), 400 invalid_email, 429 rate_limited (anonymous messages per address and
 * per recipient; error.details.retryAfterSeconds and a Retry-After header).
 *
 * Shopper-provided strings (comment, message, name) are stored exactly as given and must be
 * shown as text, never as HTML. Lengths count UTF-16 code units, as a textarea's maxlength does.
 */
import type { ExchangeErrorCode } from './exchanges.ts'
import type { AddressInput } from '../orders/address-fields.ts'
import type { Address } from '../orders/model.ts'
import type { ReturnProgress } from './returns.ts'
import type { AuthErrorCode, SessionEndedCode } from './auth.ts'
import type { EdgeErrorCode, StoreErrorCode } from './errors.ts'
import type { OrderErrorCode } from './orders.ts'
/** The requests a shopper can file on an order. */
export const REQUEST_TYPES = ['return', 'cancel', 'issue', 'address_change'] as const
export type RequestType = (typeof REQUEST_TYPES)[number]

/** Where the shopper filed a request (the panel's mode). */
export const REQUEST_CHANNELS = ['chat', 'help-center', 'contact-form'] as const
export type RequestChannel = (typeof REQUEST_CHANNELS)[number]

export interface FileRequest {
  type: RequestType
  /** A reason code the order offers for this type (issue reasons from `order.issue.reasons`). */
  reason: string
  /** Optional words from the shopper, at most 1,000 characters. */
  comment?: string
  /**
   * Returns only: which lines and how many (at least one line). `exchangeVariantId`: the
   * shopper wants that variant of the same product instead of their money (api/exchanges.ts).
   */
  lines?: Array<{ lineItemId: string; quantity: number; exchangeVariantId?: string }>
  /**
   * Address changes only (reason `address_change`): where the order should go instead, checked
   * with the country's fields (orders/address-fields.ts).
   */
  address?: AddressInput
  /** Where the shopper filed it (from the panel's mode). */
  channel: RequestChannel
  /** The shopper's language, for the acknowledgement and later messages. */
  locale: string
}

/** A request's decision: waiting for an agent, approved or declined. */
export const REQUEST_STATUSES = ['requested', 'approved', 'declined'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export interface RequestFiled {
  ticketId: string
  /** "T-1042" (ticketReference): shown in the confirmation and the acknowledgement email. */
  reference: string
  type: RequestType | 'contact'
  requestStatus: RequestStatus | null
  createdAt: string
}

export interface RequestSummary extends RequestFiled {
  orderId: string | null
  orderName: string | null
  reason: string | null
  /** Set once an agent decided; the reason the agent wrote to the shopper, if any. */
  decidedAt: string | null
  decisionNote: string | null
  /** The shopper's satisfaction rating (1 to 5), once given. */
  rating: number | null
  /** Resolved and not rated yet: the panel offers the rating (POST /v1/tickets/:id/rating). */
  canRate: boolean
  /** Only on an approved return: how to send it back and how far it got (api/returns.ts). */
  returnProgress?: ReturnProgress
  /** Only on an address change: the address the shopper asked for. */
  address?: Address
  /** The agents' replies and the shopper's emailed answers, oldest first. */
  messages: RequestMessage[]
}

export interface RequestMessage {
  /** 'store': an agent's reply; 'shopper': what the shopper wrote back by email. */
  author: 'store' | 'shopper'
  body: string
  at: string
}

export interface ContactMessage {
  message: string
  /** Needed when not signed in (the reply goes there). */
  name?: string
  email?: string
  /** One of the signed-in shopper's orders. */
  orderId?: string
  locale: string
}

/** GET /v1/requests. */
export interface RequestListResponse {
  requests: RequestSummary[]
}

/** Stable error codes of the request routes' own (in `{ error: { code } }`). */
export const REQUEST_ERROR_CODES = [
  'idempotency_key_missing', // 400
  'idempotency_key_invalid', // 400
  'request_not_offered', // 409
  'request_already_open', // 409
  'invalid_reason', // 422
  'invalid_lines', // 422
  'address_invalid', // 422
  'idempotency_key_reused', // 422
] as const

/**
 * Every code the request routes answer: their own, the edge's body checks, a session's end
 * (401), an unknown order, and for contact messages an unknown store key, a bad email and 429.
 */
export type RequestErrorCode =
  | (typeof REQUEST_ERROR_CODES)[number]
  | Extract<
      EdgeErrorCode,
      | 'validation_failed'
      | 'invalid_json'
      | 'payload_too_large'
      | 'unsupported_media_type'
      | 'rate_limited'
    >
  | SessionEndedCode
  | Extract<AuthErrorCode, 'invalid_email'>
  | Extract<OrderErrorCode, 'order_not_found'>
  | ExchangeErrorCode
  | Extract<StoreErrorCode, 'store_not_found'>
