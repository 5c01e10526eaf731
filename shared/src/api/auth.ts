/**
 * The sign-in contract between the panel and the server. Types only here (the widget imports
 * them for free); the server validates bodies with its own schemas.
 *
 *   POST   /v1/auth/challenges                 AskCodeRequest   -> 202 ChallengeResponse
 *   POST   /v1/auth/challenges/:id/resend       (empty)          -> 202 ChallengeResponse
 *   POST   /v1/auth/challenges/:id/verify       VerifyRequest    -> 200 SessionResponse
 *   GET    /v1/auth/challenges/:id                               -> 200 ChallengeStatus
 *   GET    /v1/auth/session                                      -> 200 SessionInfo
 *   DELETE /v1/auth/session                                      -> 204
 *   POST   /v1/auth/identify                    IdentifyRequest  -> 200 SessionResponse
 *   POST   /v1/auth/grant                       GrantRequest     -> 200 SessionResponse
 *   GET    /v1/shopify/proxy/:storeId/identity  (Shopify's app proxy) -> 200 IdentityGrant
 *
 * Challenge routes name the store with the `X-Porchlight-Key` header; session routes use
 * `Authorization: Bearer <token>`.
 */
import type { EdgeErrorCode } from './errors.ts'

export type Channel = 'email' | 'sms'

/** Who a shopper proved to be: one verified email or phone (E.164). */
export type ShopperIdentity = { kind: 'email'; value: string } | { kind: 'phone'; value: string }

export interface AskCodeRequest {
  channel: Channel
  /** An email address, or a phone number (national numbers need `country`). */
  identifier: string
  /** BCP 47 language of the message, e.g. 'fr'. */
  locale: string
  /** ISO 3166-1 alpha-2 used to read a national phone number. */
  country?: string
  /**
   * The page the panel is embedded in (the loader's `origin`). When the store allows it, a text
   * message ends with its host (`@shop.example #123456 @<this server>`, WebOTP's form for a
   * cross-origin frame), so the phone offers the code on that page. Also taken by resend.
   */
  origin?: string
}

export interface ChallengeResponse {
  challengeId: string
  /** Seconds before another code may be sent. */
  resendAfterSeconds: number
  /** Seconds the current code stays valid. */
  expiresInSeconds: number
}

export interface VerifyRequest {
  /** Six ASCII digits; surrounding spaces are accepted. */
  code: string
}

export interface SessionResponse {
  token: string
  /** ISO 8601. */
  expiresAt: string
  identity: { kind: 'email' | 'phone'; value: string }
}

/** Whether the current code has left; `failed` ends the challenge (see DeliveryFailureCode). */
export type ChallengeStatus =
  { delivery: 'pending' | 'sent' } | { delivery: 'failed'; failure: DeliveryFailureCode }

/** Why a code could not be delivered; also the error code of later resend/verify calls. */
export type DeliveryFailureCode = 'invalid_phone' | 'phone_unsubscribed' | 'undeliverable'

export interface SessionInfo {
  expiresAt: string
  identity: { kind: 'email' | 'phone'; value: string }
}

/** Why a shopper's session no longer works: the panel then asks them to sign in again. */
export const SESSION_ENDED_CODES = [
  'session_missing',
  'session_expired',
  'session_revoked',
] as const
export type SessionEndedCode = (typeof SESSION_ENDED_CODES)[number]

/** Stable error codes of the sign-in routes' own (in `{ error: { code } }`). */
export const AUTH_ERROR_CODES = [
  'invalid_email', // 400
  'invalid_phone', // 400
  'invalid_code_format', // 400: not six ASCII digits
  'code_incorrect', // 400: wrong code, tries remain (details.attemptsLeft)
  'code_expired', // 400: expired, used, replaced or too many wrong tries (one answer for all)
  'phone_unsubscribed', // 400: the number opted out of texts (replied STOP)
  'undeliverable', // 400: the code could not be delivered; start again
  'challenge_not_found', // 404: GET of an unknown challenge
  'resend_too_soon', // 429 with details.retryAfterSeconds; also from verify while the identifier's
  //                    failure budget (10 wrong codes an hour) is spent: the same answer
  'channel_unavailable', // 503: this server has no email (or SMS) transport configured
] as const

/** Every code the sign-in routes answer: their own, a session's end (401), and 429 rate_limited. */
export type AuthErrorCode =
  (typeof AUTH_ERROR_CODES)[number] | SessionEndedCode | Extract<EdgeErrorCode, 'rate_limited'>

/**
 * `Porchlight('identify', token)`: a JWT the merchant's own backend signs (HS256) with the
 * store's identity secret, for a customer signed in to the store: claims `email` or `phone`
 * (E.164), `aud` the store's widget key, `exp` at most 10 minutes ahead. Each token works once.
 */
export interface IdentifyRequest {
  token: string
}

/** Codes of signed identity; a refused token leaves the panel's usual sign-in. */
export const IDENTIFY_ERROR_CODES = [
  'identity_invalid', // 401: the token does not verify (the log says why)
  'identity_secret_not_found', // 404: no such live identity secret in the store
] as const
export type IdentifyErrorCode = (typeof IDENTIFY_ERROR_CODES)[number]

/** A store's identity secret as the console lists it; the value is shown once, at creation. */
export interface IdentitySecretInfo {
  /** The JWT header's `kid`. */
  id: string
  createdAt: string
  /** Null while current; after a rotation, the end of its grace period. */
  expiresAt: string | null
}

/** `POST /v1/agent/settings/identity-secrets` (owners): the new secret, shown this once. */
export interface NewIdentitySecret extends IdentitySecretInfo {
  secret: string
}

/**
 * Shopify's app proxy: the loader on a Shopify storefront asks `<proxy path>/identity` on the
 * shop's own origin; Shopify forwards it, signed, with the signed-in customer's id, and
 * Porchlight answers a grant the panel trades for a session (single use, 60 seconds, bound to
 * the store and the customer).
 */
export interface IdentityGrant {
  grant: string
  expiresInSeconds: number
}

/** `POST /v1/auth/grant` (with `X-Porchlight-Key`): the panel trades the loader's grant. */
export interface GrantRequest {
  grant: string
}

/** Why the app proxy gave no grant; the loader then leaves the panel's usual sign-in. */
export const SHOPIFY_PROXY_ERROR_CODES = [
  'proxy_signature_invalid', // 401: no signature, or not Shopify's with the app's secret
  'proxy_request_stale', // 401: its timestamp is more than 90 seconds from our clock
  'proxy_shop_mismatch', // 401: signed for another shop than the store's
  'proxy_not_configured', // 404: the store is not connected to Shopify through an app
  'customer_signed_out', // 401: nobody is signed in to the storefront
  'customer_unknown', // 401: the shop does not know the customer, or has no email or phone
] as const
export type ShopifyProxyErrorCode = (typeof SHOPIFY_PROXY_ERROR_CODES)[number]

/** A grant that was used, is over 60 seconds old, is another store's or was never made. */
export const GRANT_ERROR_CODES = ['grant_invalid'] as const // 401
export type GrantErrorCode = (typeof GRANT_ERROR_CODES)[number]
