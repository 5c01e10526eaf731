import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The webhook subscriptions Porchlight made on a store's shop (webhookSubscriptionCreate), so
  // a disconnect removes its own and nothing else, and the console can say what is in place.
  await db.schema
    .createTable('shopify_webhook_subscriptions')
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('uri', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('shopify_webhook_subscriptions_pk', ['store_id', 'topic'])
    .execute()
  // Shopify's customers/data_request: the JSON export of what Porchlight holds for the
  // customer, kept for the store's owners to download. One row per Shopify request id, so a
  // redelivered webhook does not make a second export.
  await db.schema
    .createTable('customer_data_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('shopify_request_id', 'text', (c) => c.notNull())
    .addColumn('customer_ref', 'text')
    .addColumn('customer_label', 'text', (c) => c.notNull())
    .addColumn('export_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('customer_data_requests_once', ['store_id', 'shopify_request_id'])
    .execute()
  await db.schema
    .createIndex('customer_data_requests_by_store')
    .on('customer_data_requests')
    .columns(['store_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_data_requests').execute()
  await db.schema.dropTable('shopify_webhook_subscriptions').execute()
}
