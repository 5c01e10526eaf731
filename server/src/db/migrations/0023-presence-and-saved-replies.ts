import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Presence by console tab rather than by event stream: a tab beats every few seconds with how
  // long it has gone without input, so idle agents turn away and closed tabs expire quickly.
  await db.schema
    .createTable('agent_presence')
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('tab_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addColumn('input_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_presence_pk', ['agent_id', 'tab_id'])
    .execute()
  await db.schema
    .createIndex('agent_presence_by_store')
    .on('agent_presence')
    .columns(['store_id', 'seen_at'])
    .execute()
  // "Set me away" belongs to the agent, not to one tab: every tab (and a new one) shows it.
  await db.schema.alterTable('agents').addColumn('away_since', 'bigint').execute()
  await db.schema.dropTable('chat_presence').execute()

  // Canned answers per store: the body may hold {{variables}}; translations by language tag.
  await db.schema
    .createTable('saved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('saved_replies_shortcut', ['store_id', 'shortcut'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_replies').execute()
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
  await db.schema.alterTable('agents').dropColumn('away_since').execute()
  await db.schema.dropTable('agent_presence').execute()
}
