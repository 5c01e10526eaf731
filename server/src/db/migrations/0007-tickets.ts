import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One row per store hands out ticket numbers: UPDATE ... RETURNING serializes concurrent
  // requests on both databases without gaps from aborted inserts mattering.
  await db.schema
    .createTable('ticket_counters')
    .addColumn('store_id', 'text', (c) =>
      c.primaryKey().references('stores.id').onDelete('cascade'),
    )
    .addColumn('last_number', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('number', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('request_status', 'text')
    .addColumn('refund_status', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('order_name', 'text')
    .addColumn('identity_kind', 'text')
    .addColumn('identity_value', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('comment', 'text')
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('tickets_store_number', ['store_id', 'number'])
    .execute()
  await db.schema
    .createIndex('tickets_queue')
    .on('tickets')
    .columns(['store_id', 'status', 'created_at'])
    .execute()
  await db.schema
    .createIndex('tickets_order')
    .on('tickets')
    .columns(['store_id', 'order_id'])
    .execute()

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ticket_events_ticket')
    .on('ticket_events')
    .columns(['ticket_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['store_id', 'scope', 'key'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute()
  await db.schema.dropTable('ticket_events').execute()
  await db.schema.dropTable('tickets').execute()
  await db.schema.dropTable('ticket_counters').execute()
}
