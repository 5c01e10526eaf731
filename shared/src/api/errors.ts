/**
 * Error codes that are not one resource's own: the checks the HTTP edge makes on every request,
 * the server's own state, and the store behind a call. Every error answer is
 * `{ error: { code, message, details? } }`; each resource's codes live beside its contract
 * (auth.ts, orders.ts, requests.ts, chat.ts, agent.ts, settings.ts) and the server maps every
 * code to its one HTTP status (server/src/errors.ts).
 */

/** Any route may answer these: bad input, limits, a missing route, a server that cannot work. */
export const EDGE_ERROR_CODES = [
  'bad_request', // 400: refused by the HTTP layer itself
  'invalid_json', // 400
  'validation_failed', // 400: details lists the issues
  'not_found', // 404: no such route (or not on this server)
  'payload_too_large', // 413
  'unsupported_media_type', // 415
  'rate_limited', // 429 with details.retryAfterSeconds and Retry-After
  'internal_error', // 500
  'shutting_down', // 503
  'storage_full', // 503 with Retry-After: the client waits it out and tries again
  'storage_unavailable', // 503 with Retry-After
  'widget_not_built', // 503: a development server without `pnpm build`
] as const
export type EdgeErrorCode = (typeof EDGE_ERROR_CODES)[number]

/** The store behind a shopper's call: named by its key, served by its adapter. */
export const STORE_ERROR_CODES = [
  'store_not_found', // 404: no store has this widget key (or id)
  'store_adapter_unavailable', // 501: this server cannot serve the store's platform
  'store_not_connected', // 503: a Shopify store without credentials
  'store_not_answering', // 503: the store did not answer a read; try again shortly
  'customer_data_withheld', // 503: the shop has not allowed reading customers' details
] as const
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number]

/** POST /v1/webhooks/shopify/:storeId: Shopify's deliveries. */
export const SHOPIFY_WEBHOOK_ERROR_CODES = [
  'webhook_signature_invalid', // 401
  'webhook_shop_mismatch', // 401
] as const
export type ShopifyWebhookErrorCode = (typeof SHOPIFY_WEBHOOK_ERROR_CODES)[number]
