import type { Kysely } from 'kysely'

// What the insights page counts that no table held yet: shoppers signing in and looking at an
// order or its tracking (written by the server where it answers, never by the host page), and
// the products a return or an issue report is about, by title, so the top products can be
// grouped in SQL without asking the store for every order again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shopper_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('identity_kind', 'text', (c) => c.notNull())
    .addColumn('identity_value', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('shopper_events_period')
    .on('shopper_events')
    .columns(['store_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('ticket_products')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ticket_products_period')
    .on('ticket_products')
    .columns(['store_id', 'created_at'])
    .execute()

  // When a ticket was last resolved or closed (cleared when it is reopened): the resolution
  // time is this minus created_at. Tickets resolved before this migration have none.
  await db.schema.alterTable('tickets').addColumn('resolved_at', 'bigint').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('resolved_at').execute()
  await db.schema.dropTable('ticket_products').execute()
  await db.schema.dropTable('shopper_events').execute()
}
