import type { Kysely } from 'kysely'

// An address change request: the address the order had when the shopper asked and the one they
// asked for, written with the ticket in one transaction (one row per ticket). The agent reads
// both side by side; the approval sends `requested` to the store.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_address_changes')
    .addColumn('ticket_id', 'text', (c) =>
      c.primaryKey().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    // JSON Address (orders/model.ts); null when the order had no shipping address on record.
    .addColumn('previous', 'text')
    .addColumn('requested', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_address_changes').execute()
}
