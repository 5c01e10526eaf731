import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import type { ShopifyOrderRow } from '../../../db/shopify-cache.table.ts'

// The Shopify adapter's own cache of orders and of the webhook events it has seen: only this
// adapter reads or writes these tables, so their queries live beside it. The table types stay
// in db/ (db/schema.ts builds the Database type from them, and db imports no adapter), as does
// the frozen migration that created them.

export interface OrderSnapshot {
  storeId: string
  orderId: string
  email: string | null
  customerEmail: string | null
  phone: string | null
  customerId: string | null
  orderJson: string
  /** Newest Shopify timestamp (epoch ms) the snapshot reflects. */
  version: number
  orderCreatedAt: number
  fetchedAt: number
}

export async function findCachedOrder(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
): Promise<ShopifyOrderRow | undefined> {
  return db
    .selectFrom('shopify_orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .executeTakeFirst()
}

/**
 * Stores a snapshot unless a newer one is already there (compare-and-set on `version`), then
 * clears the pending mark it covers. Two refreshes racing can therefore never put an older
 * snapshot over a newer one.
 */
export async function saveOrderSnapshot(db: Kysely<Database>, s: OrderSnapshot): Promise<void> {
  await db
    .insertInto('shopify_orders')
    .values({
      store_id: s.storeId,
      order_id: s.orderId,
      email: s.email,
      customer_email: s.customerEmail,
      phone: s.phone,
      customer_id: s.customerId,
      order_json: s.orderJson,
      version: s.version,
      pending_version: null,
      order_created_at: s.orderCreatedAt,
      fetched_at: s.fetchedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'order_id'])
        .doUpdateSet((eb) => ({
          email: eb.ref('excluded.email'),
          customer_email: eb.ref('excluded.customer_email'),
          phone: eb.ref('excluded.phone'),
          customer_id: eb.ref('excluded.customer_id'),
          order_json: eb.ref('excluded.order_json'),
          version: eb.ref('excluded.version'),
          order_created_at: eb.ref('excluded.order_created_at'),
          fetched_at: eb.ref('excluded.fetched_at'),
        }))
        .where((eb) => eb('shopify_orders.version', '<=', eb.ref('excluded.version'))),
    )
    .execute()
  await db
    .updateTable('shopify_orders')
    .set({ pending_version: null })
    .where('store_id', '=', s.storeId)
    .where('order_id', '=', s.orderId)
    .where('pending_version', '<=', s.version)
    .execute()
}

export type PendingMark = 'marked' | 'stale' | 'not_cached'

/**
 * Records that Shopify announced a change at `changedAt` (epoch ms). A change no newer than
 * what the cache holds, or than a refresh already pending, is stale. Orders nobody has looked
 * at are not cached, so their webhooks cost nothing: a later read fetches them anyway.
 */
export async function markOrderPending(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
  changedAt: number,
): Promise<PendingMark> {
  const result = await db
    .updateTable('shopify_orders')
    .set({ pending_version: changedAt })
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('version', '<', changedAt)
    .where((eb) =>
      eb.or([eb('pending_version', 'is', null), eb('pending_version', '<', changedAt)]),
    )
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) > 0) return 'marked'
  const row = await findCachedOrder(db, storeId, orderId)
  return row === undefined ? 'not_cached' : 'stale'
}

/** Cached orders of one email (order contact or customer record), newest first. */
export async function cachedOrdersByEmail(
  db: Kysely<Database>,
  storeId: string,
  email: string,
  limit: number,
): Promise<ShopifyOrderRow[]> {
  const lower = email.toLowerCase()
  return db
    .selectFrom('shopify_orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where((eb) => eb.or([eb('email', '=', lower), eb('customer_email', '=', lower)]))
    .orderBy('order_created_at', 'desc')
    .limit(limit)
    .execute()
}

/** Cached orders of one E.164 phone, newest first. */
export async function cachedOrdersByPhone(
  db: Kysely<Database>,
  storeId: string,
  phone: string,
  limit: number,
): Promise<ShopifyOrderRow[]> {
  return db
    .selectFrom('shopify_orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('phone', '=', phone)
    .orderBy('order_created_at', 'desc')
    .limit(limit)
    .execute()
}

export async function removeCachedOrder(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
): Promise<void> {
  await db
    .deleteFrom('shopify_orders')
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .execute()
}

/** Forgets every cached order of a store (its shop changed). */
export async function clearStoreOrderCache(db: Kysely<Database>, storeId: string): Promise<void> {
  await db.deleteFrom('shopify_orders').where('store_id', '=', storeId).execute()
}

export async function hasWebhookEvent(
  db: Kysely<Database>,
  storeId: string,
  eventId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('shopify_webhook_events')
    .select('event_id')
    .where('store_id', '=', storeId)
    .where('event_id', '=', eventId)
    .executeTakeFirst()
  return row !== undefined
}

export async function recordWebhookEvent(
  db: Kysely<Database>,
  e: { storeId: string; eventId: string; topic: string; receivedAt: number },
): Promise<void> {
  await db
    .insertInto('shopify_webhook_events')
    .values({
      store_id: e.storeId,
      event_id: e.eventId,
      topic: e.topic,
      received_at: e.receivedAt,
    })
    .onConflict((oc) => oc.columns(['store_id', 'event_id']).doNothing())
    .execute()
}

/** Drops event ids older than Shopify's redelivery window (retries span hours; we keep days). */
export async function pruneWebhookEvents(db: Kysely<Database>, olderThan: number): Promise<void> {
  await db.deleteFrom('shopify_webhook_events').where('received_at', '<', olderThan).execute()
}

/**
 * Makes the next read of an order go to Shopify, once: used right after we changed the order
 * ourselves, before Shopify's webhook about it arrives.
 */
export async function expireCachedOrder(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
): Promise<void> {
  await db
    .updateTable('shopify_orders')
    .set({ fetched_at: 0 })
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .execute()
}
