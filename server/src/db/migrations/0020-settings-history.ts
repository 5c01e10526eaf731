import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Optimistic versioning of a store's settings: every write bumps it, and a console save names
  // the version it read, so of two owners saving at once one wins and the other is told.
  await db.schema
    .alterTable('stores')
    .addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // Who changed which setting, when, from what to what (a secret's values are never kept).
  await db.schema
    .createTable('settings_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('settings_history_by_store')
    .on('settings_history')
    .columns(['store_id', 'at'])
    .execute()
  // Uploaded store logos, served from Porchlight under an id that changes with the bytes (so
  // the answer can be cached for good). Base64 text: one column type on SQLite and PostgreSQL.
  await db.schema
    .createTable('store_logos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('store_logos_by_store').on('store_logos').column('store_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('store_logos').execute()
  await db.schema.dropTable('settings_history').execute()
  await db.schema.alterTable('stores').dropColumn('settings_version').execute()
}
