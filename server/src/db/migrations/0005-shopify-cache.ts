import type { Kysely } from 'kysely'

// Local copy of Shopify orders that shoppers have looked at, refreshed by webhooks, plus the
// webhook event ids already handled (Shopify delivers at least once and retries).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shopify_orders')
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('customer_email', 'text')
    .addColumn('phone', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('order_json', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('pending_version', 'bigint')
    .addColumn('order_created_at', 'bigint', (c) => c.notNull())
    .addColumn('fetched_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('shopify_orders_pk', ['store_id', 'order_id'])
    .execute()
  await db.schema
    .createIndex('shopify_orders_email')
    .on('shopify_orders')
    .columns(['store_id', 'email'])
    .execute()
  await db.schema
    .createIndex('shopify_orders_customer_email')
    .on('shopify_orders')
    .columns(['store_id', 'customer_email'])
    .execute()
  await db.schema
    .createIndex('shopify_orders_phone')
    .on('shopify_orders')
    .columns(['store_id', 'phone'])
    .execute()

  await db.schema
    .createTable('shopify_webhook_events')
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('shopify_webhook_events_pk', ['store_id', 'event_id'])
    .execute()
  await db.schema
    .createIndex('shopify_webhook_events_received')
    .on('shopify_webhook_events')
    .column('received_at')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shopify_webhook_events').execute()
  await db.schema.dropTable('shopify_orders').execute()
}
