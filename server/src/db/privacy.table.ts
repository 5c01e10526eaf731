import type { Selectable } from 'kysely'

/** A webhook subscription Porchlight made on the store's shop (see migration 0018). */
export interface ShopifyWebhookSubscriptionsTable {
  store_id: string
  /** REST-style topic name, as Shopify's headers carry it (`orders/updated`). */
  topic: string
  /** Shopify's global id (`gid://shopify/WebhookSubscription/...`). */
  subscription_id: string
  uri: string
  created_at: number
}

/** A customers/data_request answered with an export the owners download. */
export interface CustomerDataRequestsTable {
  id: string
  store_id: string
  shopify_request_id: string
  /** Shopify's customer id (so a later customers/redact removes the export too). */
  customer_ref: string | null
  /** What the console shows to tell requests apart (the customer's email or phone). */
  customer_label: string
  export_json: string
  created_at: number
}

export type ShopifyWebhookSubscriptionRow = Selectable<ShopifyWebhookSubscriptionsTable>
export type CustomerDataRequestRow = Selectable<CustomerDataRequestsTable>
