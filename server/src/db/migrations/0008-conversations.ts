import type { Kysely } from 'kysely'

// Live chat: conversations and their messages, the per-store event log that streams replay from,
// anonymous chat visitors, single-use stream tickets and agent presence.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chat_visitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('identity_kind', 'text')
    .addColumn('identity_value', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute()

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_reason', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('previous_id', 'text')
    .addColumn('visitor_id', 'text')
    .addColumn('identity_kind', 'text')
    .addColumn('identity_value', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('last_author_kind', 'text')
    .addColumn('last_message_at', 'bigint')
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('shopper_read_seq', 'bigint', (c) => c.notNull())
    .addColumn('agent_read_seq', 'bigint', (c) => c.notNull())
    .addColumn('first_shopper_at', 'bigint')
    .addColumn('first_response_ms', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('conversations_queue')
    .on('conversations')
    .columns(['store_id', 'status', 'updated_at'])
    .execute()
  await db.schema
    .createIndex('conversations_revert')
    .on('conversations')
    .columns(['status', 'last_author_kind', 'last_message_at'])
    .execute()
  await db.schema
    .createIndex('conversations_visitor')
    .on('conversations')
    .columns(['store_id', 'visitor_id'])
    .execute()
  await db.schema
    .createIndex('conversations_identity')
    .on('conversations')
    .columns(['store_id', 'identity_kind', 'identity_value'])
    .execute()
  await db.schema
    .createIndex('conversations_responses')
    .on('conversations')
    .columns(['store_id', 'first_shopper_at'])
    .execute()

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('sender_ref', 'text')
    .addColumn('client_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('system_kind', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('chat_messages_client_id', ['store_id', 'sender_ref', 'client_id'])
    .execute()
  await db.schema
    .createIndex('chat_messages_conversation')
    .on('chat_messages')
    .columns(['conversation_id', 'seq'])
    .execute()
  await db.schema
    .createIndex('chat_messages_sender')
    .on('chat_messages')
    .columns(['sender_ref', 'created_at'])
    .execute()

  // One row per store hands out event numbers. UPDATE ... RETURNING holds the row until commit,
  // so numbers become visible in order: a reader never sees 7 before 6 commits.
  await db.schema
    .createTable('chat_event_counters')
    .addColumn('store_id', 'text', (c) =>
      c.primaryKey().references('stores.id').onDelete('cascade'),
    )
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('pruned_through', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('chat_events')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text')
    .addColumn('identity_kind', 'text')
    .addColumn('identity_value', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_events_pk', ['store_id', 'seq'])
    .execute()
  await db.schema.createIndex('chat_events_age').on('chat_events').columns(['created_at']).execute()

  await db.schema
    .createTable('chat_stream_tickets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute()

  await db.schema
    .createTable('chat_presence')
    .addColumn('stream_id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('chat_presence_store')
    .on('chat_presence')
    .columns(['store_id', 'seen_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'chat_presence',
    'chat_stream_tickets',
    'chat_events',
    'chat_event_counters',
    'chat_messages',
    'conversations',
    'chat_visitors',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
