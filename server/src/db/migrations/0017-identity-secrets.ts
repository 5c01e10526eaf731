import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Per-store secrets that sign the identity tokens of `Porchlight('identify', token)`: sealed
  // at rest (secret-box.ts). `expires_at` is null for the current secret; a rotation gives the
  // one before a grace period so the merchant's servers can move over.
  await db.schema
    .createTable('store_identity_secrets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('expires_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('store_identity_secrets_by_store')
    .on('store_identity_secrets')
    .columns(['store_id', 'created_at'])
    .execute()
  // Identity tokens already traded for a session, until they expire: each works once.
  await db.schema
    .createTable('identity_token_uses')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('identity_token_uses_by_expiry')
    .on('identity_token_uses')
    .column('expires_at')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('identity_token_uses').execute()
  await db.schema.dropTable('store_identity_secrets').execute()
}
