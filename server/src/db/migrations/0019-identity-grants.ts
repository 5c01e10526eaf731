import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One-time identity grants: a Shopify app proxy request (signed by Shopify, for the customer
  // signed in to the storefront) becomes one of these, which the panel trades for a session.
  // Only the grant's hash is kept; a row is deleted as it is used, so it works once.
  await db.schema
    .createTable('identity_grants')
    .addColumn('grant_hash', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('identity_kind', 'text', (c) => c.notNull())
    .addColumn('identity_value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('identity_grants_by_expiry')
    .on('identity_grants')
    .column('expires_at')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('identity_grants').execute()
}
