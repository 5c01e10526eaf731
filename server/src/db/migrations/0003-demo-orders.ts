import type { Kysely } from 'kysely'

// The demo store's orders: the normalized order as JSON, plus the columns the shopper's list
// filters and sorts on, indexed so "my orders, newest first" is one index range scan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demo_orders')
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('staff_log', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demo_orders_pk', ['store_id', 'id'])
    .execute()
  await db.schema
    .createIndex('demo_orders_by_email')
    .on('demo_orders')
    .columns(['store_id', 'email', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('demo_orders_by_phone')
    .on('demo_orders')
    .columns(['store_id', 'phone', 'created_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demo_orders').execute()
}
