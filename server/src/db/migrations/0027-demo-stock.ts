import type { Kysely } from 'kysely'

// The demo store's stock per variant, for exchanges (and anything else that sends goods).
// A row exists once a variant's stock moved away from the catalogue's starting level, so a
// fresh store needs no seeding; `available` never goes below zero (writes check it).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demo_stock')
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (c) => c.notNull())
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('demo_stock_pkey', ['store_id', 'variant_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demo_stock').execute()
}
