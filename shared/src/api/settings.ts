/**
 * The console's store settings contract (types, and the connection modes as data).
 *
 *   GET /v1/agent/settings/shopify   -> 200 ShopifySettings   (any agent of the store)
 *   PUT /v1/agent/settings/shopify   ShopifyConnectRequest -> 200 ShopifySettings (owners only)
 *
 *   GET /shopify/install?shop=<shop>.myshopify.com  -> 302 to Shopify's authorize page (owners)
 *   GET /shopify/callback?...                        -> 302 to the console, or a 400 page
 *
 * PUT checks the credentials with a test query to the shop before saving anything. Client
 * secrets, access tokens and webhook secrets are write-only: no answer ever contains them (they
 * are stored sealed with AES-256-GCM under a key derived from SECRET_KEY).
 *
 * Errors ({ error: { code, message, details? } }):
 *   400 validation_failed        a field is missing or too long
 *   400 shopify_domain_invalid   not a <shop>.myshopify.com domain (no request was made)
 *   403 owner_required           only the store's owners may change the connection
 *   422 shopify_token_rejected   Shopify refused the Admin API access token
 *   422 shopify_credentials_rejected  Shopify refused the client ID and secret
 *   422 shopify_scopes_missing   details.missing lists the scopes the app lacks
 *   422 shopify_shop_mismatch    the token belongs to another shop
 *   502 shopify_unreachable      the shop did not answer the test query
 */
import type { EdgeErrorCode } from './errors.ts'

/**
 * How a store reaches Shopify: a Dev Dashboard app of the merchant's organization (client
 * credentials, recommended), an OAuth install of this server's app, or a legacy `shpat_` token.
 */
export const SHOPIFY_CONNECTION_MODES = ['client_credentials', 'oauth', 'legacy'] as const
export type ShopifyConnectionMode = (typeof SHOPIFY_CONNECTION_MODES)[number]

/**
 * Which protected customer data the app may read, in Shopify's terms: `level_2` customers with
 * email and phone, `level_1` customers without them, `none` no customer data, `unknown` not
 * learnt (the shop had no customer to try).
 */
export const CUSTOMER_DATA_ACCESS = ['level_2', 'level_1', 'none', 'unknown'] as const
export type CustomerDataAccess = (typeof CUSTOMER_DATA_ACCESS)[number]

/** The expiring token of a client-credentials or OAuth connection. */
export interface ShopifyTokenStatus {
  /** `failing`: the last renewal failed (see message); shoppers see orders unavailable. */
  state: 'ok' | 'failing'
  message: string | null
  /** Epoch ms the current token expires; null when there is none. */
  expiresAt: number | null
}

/** What the console shows about a store's Shopify connection; never a secret. */
export interface ShopifySettings {
  connected: boolean
  mode: ShopifyConnectionMode | null
  /** The client ID of a client-credentials or OAuth connection (not a secret). */
  clientId: string | null
  customerAccess: CustomerDataAccess | null
  /** Null for a legacy token, which does not expire. */
  token: ShopifyTokenStatus | null
  /** Whether this server has an OAuth app (SHOPIFY_APP_CLIENT_ID) to install. */
  oauthAvailable: boolean
  /** The shop's myshopify.com domain; null when the store was never connected. */
  domain: string | null
  shopName: string | null
  /** Admin API scopes the token carried when it was last checked; null when not recorded. */
  scopes: string[] | null
  /** The scopes Porchlight needs, and what each is for. */
  requiredScopes: Array<{ scope: string; purpose: string }>
  /** Where the shop's webhooks point (and the privacy topics of the app's configuration). */
  webhookUrl: string
  /** The topics Porchlight subscribes by itself on connect. */
  webhookTopics: string[]
  /** Those the shop held at the last connect (Porchlight made them; it removes them). */
  subscribedTopics: string[]
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

/** A Dev Dashboard app of the merchant's own organization, installed on the shop. */
export interface ShopifyClientCredentialsRequest {
  mode: 'client_credentials'
  /** `<shop>.myshopify.com` */
  domain: string
  clientId: string
  clientSecret: string
  /**
   * Only for webhooks a merchant also made by hand in the shop's admin (their own key); the
   * client secret signs Porchlight's own subscriptions and the privacy topics either way.
   */
  webhookSecret?: string
}

/** A legacy admin-created custom app (Shopify makes no new ones since 2026-01-01). */
export interface ShopifyLegacyRequest {
  mode?: 'legacy'
  /** `<shop>.myshopify.com` */
  domain: string
  /** The custom app's Admin API access token (`shpat_...`). */
  accessToken: string
  /**
   * The custom app's API secret key: Shopify signs the webhooks the app subscribes with it
   * (Porchlight subscribes them itself on connect).
   */
  webhookSecret: string
}

export type ShopifyConnectRequest = ShopifyClientCredentialsRequest | ShopifyLegacyRequest

/** Why an OAuth callback was refused (a 400 page; nothing is stored). */
export const SHOPIFY_INSTALL_ERROR_CODES = [
  'shopify_install_unavailable', // 404: this server has no OAuth app configured, so no install
  'shopify_callback_invalid', // 400
  'shopify_callback_hmac_invalid', // 400
  'shopify_callback_state_invalid', // 400
  'shopify_callback_shop_invalid', // 400
] as const
export type ShopifyInstallErrorCode = (typeof SHOPIFY_INSTALL_ERROR_CODES)[number]

/** Stable error codes of the console's settings routes (in `{ error: { code } }`). */
export const SETTINGS_ERROR_CODES = [
  'shopify_domain_invalid', // 400
  'owner_required', // 403: only an owner of the store changes its settings
  'shopify_token_rejected', // 422
  'shopify_credentials_rejected', // 422: the client ID and secret were refused
  'shopify_scopes_missing', // 422 with details.missing
  'shopify_shop_mismatch', // 422
  'shopify_unreachable', // 502
  'totp_enable_first', // 409: require two-factor sign-in only once your own is on
] as const
export type SettingsErrorCode = (typeof SETTINGS_ERROR_CODES)[number]

/** Every code of PUT /v1/agent/settings/shopify. */
export type ShopifyConnectErrorCode =
  Exclude<SettingsErrorCode, 'totp_enable_first'> | Extract<EdgeErrorCode, 'validation_failed'>
