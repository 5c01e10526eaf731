import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Owners run the team from the console: an agent can be deactivated (kept, so their name
  // still reads in tickets' history) and carries a version, so two owners changing the same
  // agent at once do not overwrite each other unseen.
  await db.schema.alterTable('agents').addColumn('deactivated_at', 'bigint').execute()
  await db.schema
    .alterTable('agents')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // Set-password links of invitations and resets: only the token's hash is kept; a link works
  // once (used_at) until expires_at.
  await db.schema
    .createTable('agent_password_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('agent_password_links_by_agent')
    .on('agent_password_links')
    .column('agent_id')
    .execute()
  // Webhook endpoints are edited in place now (events, address, secret): a version for the
  // console's optimistic saves, and when the secret last changed.
  await db.schema
    .alterTable('webhook_endpoints')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable('webhook_endpoints').addColumn('secret_rotated_at', 'bigint').execute()
  // A delivery sent again by hand is a new row of the log that names the one it repeats.
  await db.schema.alterTable('webhook_deliveries').addColumn('resent_of', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_deliveries').dropColumn('resent_of').execute()
  await db.schema.alterTable('webhook_endpoints').dropColumn('secret_rotated_at').execute()
  await db.schema.alterTable('webhook_endpoints').dropColumn('version').execute()
  await db.schema.dropTable('agent_password_links').execute()
  await db.schema.alterTable('agents').dropColumn('version').execute()
  await db.schema.alterTable('agents').dropColumn('deactivated_at').execute()
}
