import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The Admin API token of a store connected by client credentials or an OAuth install: it
  // expires, so it lives here rather than in the store's config. Tokens are sealed
  // (secret-box.ts). `version` grows with each renewal; a renewal takes the lease with a
  // compare-and-set on (version, lease_until), so two processes never renew at once.
  await db.schema
    .createTable('shopify_tokens')
    .addColumn('store_id', 'text', (c) =>
      c.primaryKey().references('stores.id').onDelete('cascade'),
    )
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('issued_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('refresh_expires_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint', (c) => c.notNull().defaultTo(0))
    // The last renewal's failure, in plain words for the owner, until a renewal succeeds.
    .addColumn('failure', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('failed_at', 'bigint')
    .addColumn('renewals', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // OAuth installs in flight: the `state` sent to Shopify (stored as its hash), bound to the
  // console session that started it and the shop it was started for; used once.
  await db.schema
    .createTable('shopify_install_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shopify_install_states').execute()
  await db.schema.dropTable('shopify_tokens').execute()
}
