import type { Insertable, Selectable } from 'kysely'

/**
 * A Shopify order as we last fetched it, mapped to our model. `version` is the newest Shopify
 * timestamp the snapshot reflects; `pending_version` is set by a webhook announcing a newer
 * change, and while it is above `version` the snapshot is not served.
 */
export interface ShopifyOrdersTable {
  store_id: string
  /** Shopify's numeric order id (legacyResourceId), also our order id. */
  order_id: string
  /** Lower-cased order contact email. */
  email: string | null
  /** Lower-cased email of the customer record. */
  customer_email: string | null
  /** E.164 phone of the order or its customer. */
  phone: string | null
  customer_id: string | null
  /** The mapped `Order`, as JSON. */
  order_json: string
  version: number
  pending_version: number | null
  order_created_at: number
  fetched_at: number
}

/** Webhook deliveries already handled, by Shopify's event id, to drop redeliveries. */
export interface ShopifyWebhookEventsTable {
  store_id: string
  event_id: string
  topic: string
  received_at: number
}

export type ShopifyOrderRow = Selectable<ShopifyOrdersTable>
export type NewShopifyOrderRow = Insertable<ShopifyOrdersTable>
