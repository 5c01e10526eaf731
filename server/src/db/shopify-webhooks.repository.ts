import type { Kysely } from 'kysely'
import type { ShopifyWebhookSubscriptionRow } from './privacy.table.ts'
import type { Database } from './schema.ts'

/** The webhook subscriptions Porchlight made on a store's shop, by topic. */
export async function listWebhookSubscriptions(
  db: Kysely<Database>,
  storeId: string,
): Promise<ShopifyWebhookSubscriptionRow[]> {
  return db
    .selectFrom('shopify_webhook_subscriptions')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('topic')
    .execute()
}

/** Records what the shop holds now, replacing the store's rows (call it in a transaction). */
export async function replaceWebhookSubscriptions(
  db: Kysely<Database>,
  storeId: string,
  rows: Array<{ topic: string; subscriptionId: string; uri: string }>,
  now: number,
): Promise<void> {
  await deleteWebhookSubscriptions(db, storeId)
  if (rows.length === 0) return
  await db
    .insertInto('shopify_webhook_subscriptions')
    .values(
      rows.map((r) => ({
        store_id: storeId,
        topic: r.topic,
        subscription_id: r.subscriptionId,
        uri: r.uri,
        created_at: now,
      })),
    )
    .execute()
}

export async function deleteWebhookSubscriptions(
  db: Kysely<Database>,
  storeId: string,
): Promise<void> {
  await db.deleteFrom('shopify_webhook_subscriptions').where('store_id', '=', storeId).execute()
}
