import type { Kysely } from 'kysely'

// Shoppers' satisfaction ratings: one per ticket (a chat is rated through its ticket). The
// primary key is what makes "rated once" atomic on both databases: a second insert conflicts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_ratings')
    .addColumn('ticket_id', 'text', (c) =>
      c.primaryKey().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ticket_ratings_period')
    .on('ticket_ratings')
    .columns(['store_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_ratings').execute()
}
