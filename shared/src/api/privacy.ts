/**
 * Shopify's privacy requests as the console shows them: each customers/data_request webhook
 * leaves a JSON export of what Porchlight holds for that customer, which owners download and
 * hand over. Redactions (customers/redact, shop/redact) leave no export, only `[redacted]`
 * fields and a `redacted` entry in each ticket's history.
 */

/** One data request of the store, newest first in the list. */
export interface DataRequestSummary {
  id: string
  /** The customer's email (or phone) as Shopify named them. */
  customer: string
  /** Shopify's id of the request (`data_request.id`). */
  shopifyRequestId: string
  /** ISO 8601 */
  createdAt: string
  /** Relative to the server: the export, as a JSON attachment (owners only). */
  downloadUrl: string
}

export interface DataRequestsResponse {
  requests: DataRequestSummary[]
}

/** Stable error codes of the privacy routes. */
export const PRIVACY_ERROR_CODES = [
  'data_request_not_found', // 404: no such request in the agent's store
] as const
export type PrivacyErrorCode = (typeof PRIVACY_ERROR_CODES)[number]
