import type { Kysely } from 'kysely'

// Frozen in time: Kysely<any>, portable SQL only (times are bigint epoch ms, JSON is text).
export async function up(db: Kysely<any>): Promise<void> {
  // One row per "send me a code". The code itself is never stored: it is derived again from the
  // server secret, the id and `counter` (bumped by every resend) whenever it is needed.
  await db.schema
    .createTable('auth_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('consumed_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .addColumn('delivery_failure', 'text')
    .execute()
  await db.schema
    .createIndex('auth_challenges_created')
    .on('auth_challenges')
    .column('created_at')
    .execute()

  // Sliding-window rate limits shared by every process: a bucket row is locked (by updating it)
  // while its hits are counted, so two processes cannot both take the last slot.
  await db.schema
    .createTable('rate_limit_buckets')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('touched_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('rate_limit_hits_key_at')
    .on('rate_limit_hits')
    .columns(['key', 'at'])
    .execute()

  // Outgoing messages, written in the same transaction as what causes them and delivered by the
  // outbox worker. `params` never holds a secret: templates derive those at delivery time.
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.references('stores.id').onDelete('cascade'))
    .addColumn('group_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('not_after', 'bigint')
    .addColumn('claim_token', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('outbox_messages_due')
    .on('outbox_messages')
    .columns(['status', 'next_attempt_at'])
    .execute()
  await db.schema
    .createIndex('outbox_messages_group')
    .on('outbox_messages')
    .column('group_key')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_messages').execute()
  await db.schema.dropTable('rate_limit_hits').execute()
  await db.schema.dropTable('rate_limit_buckets').execute()
  await db.schema.dropTable('auth_challenges').execute()
}
