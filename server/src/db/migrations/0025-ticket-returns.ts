import type { Kysely } from 'kysely'

// An approved return's life after the decision: the store's return, the RMA reference the
// shopper writes on the parcel, the label the store provides, and what has come back. One row
// per ticket (the primary key makes "approved once" a single insert); `received` is guarded by
// `version` so two receipts cannot both count the same units.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_returns')
    .addColumn('ticket_id', 'text', (c) =>
      c.primaryKey().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('store_return_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    // JSON array of { lineItemId, quantity }: what the approval sent back to the store.
    .addColumn('lines', 'text', (c) => c.notNull())
    // JSON object lineItemId -> units received so far.
    .addColumn('received', 'text', (c) => c.notNull())
    .addColumn('label_kind', 'text')
    .addColumn('label_url', 'text')
    // An uploaded PDF, base64; served at a capability URL named by label_token.
    .addColumn('label_pdf', 'text')
    .addColumn('label_token', 'text')
    .addColumn('label_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ticket_returns_label_token')
    .on('ticket_returns')
    .column('label_token')
    .unique()
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_returns').execute()
}
