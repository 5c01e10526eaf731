/**
 * The console's store settings contract (types only).
 *
 *   GET /v1/agent/settings/shopify   -> 200 ShopifySettings   (any agent of the store)
 *   PUT /v1/agent/settings/shopify   ShopifyConnectRequest -> 200 ShopifySettings (owners only)
 *
 * PUT checks the credentials with a test query to the shop before saving anything. The access
 * token and the webhook secret are write-only: no answer ever contains them.
 *
 * Errors ({ error: { code, message, details? } }):
 *   400 validation_failed        a field is missing or too long
 *   400 shopify_domain_invalid   not a <shop>.myshopify.com domain (no request was made)
 *   403 owner_required           only the store's owners may change the connection
 *   422 shopify_token_rejected   Shopify refused the Admin API access token
 *   422 shopify_scopes_missing   details.missing lists the scopes the app lacks
 *   422 shopify_shop_mismatch    the token belongs to another shop
 *   502 shopify_unreachable      the shop did not answer the test query
 */
import type { EdgeErrorCode } from './errors.ts'

/** What the console shows about a store's Shopify connection; never a secret. */
export interface ShopifySettings {
  connected: boolean
  /** The shop's myshopify.com domain; null when the store was never connected. */
  domain: string | null
  shopName: string | null
  /** Admin API scopes the token carried when it was last checked; null when not recorded. */
  scopes: string[] | null
  /** The scopes Porchlight needs, and what each is for. */
  requiredScopes: Array<{ scope: string; purpose: string }>
  /** Where the shop's webhooks must point. */
  webhookUrl: string
  webhookTopics: string[]
  /**
   * What the connection lacks but works without (`read_all_orders_missing`: orders older than
   * 60 days are invisible), from the scopes recorded at the last check.
   */
  warnings: Array<{ code: string; message: string }>
  /** The Admin API version this server speaks. */
  apiVersion: string
  /** Whether the signed-in agent may change the connection (owners only). */
  canEdit: boolean
}

export interface ShopifyConnectRequest {
  /** `<shop>.myshopify.com` */
  domain: string
  /** The custom app's Admin API access token (`shpat_...`). */
  accessToken: string
  /** The key Shopify signs webhooks with. */
  webhookSecret: string
}

/** Stable error codes of the console's settings routes (in `{ error: { code } }`). */
export const SETTINGS_ERROR_CODES = [
  'shopify_domain_invalid', // 400
  'owner_required', // 403: only an owner of the store changes its settings
  'shopify_token_rejected', // 422
  'shopify_scopes_missing', // 422 with details.missing
  'shopify_shop_mismatch', // 422
  'shopify_unreachable', // 502
  'totp_enable_first', // 409: require two-factor sign-in only once your own is on
] as const
export type SettingsErrorCode = (typeof SETTINGS_ERROR_CODES)[number]

/** Every code of PUT /v1/agent/settings/shopify. */
export type ShopifyConnectErrorCode =
  Exclude<SettingsErrorCode, 'totp_enable_first'> | Extract<EdgeErrorCode, 'validation_failed'>
