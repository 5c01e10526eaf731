import type { Kysely } from 'kysely'

// Order lookup for agents (issue 18): the demo store's orders get the columns agents search by
// (first and last name, postal code), each in an index that starts with the store, so every
// lookup is one index range scan within one tenant; a store-wide newest-first index serves the
// date range and the unfiltered list. Order notes: agents' words about an order, per store.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('demo_orders').addColumn('first_name', 'text').execute()
  await db.schema.alterTable('demo_orders').addColumn('last_name', 'text').execute()
  await db.schema.alterTable('demo_orders').addColumn('postal_code', 'text').execute()
  // Fills the new columns from the stored order, in the same shape the repository writes them
  // (kept here, frozen: a migration never imports application code that may change later).
  const rows = await db.selectFrom('demo_orders').select(['store_id', 'id', 'data']).execute()
  for (const row of rows as Array<{ store_id: string; id: string; data: string }>) {
    const order = JSON.parse(row.data) as {
      shippingAddress?: { name?: string; postalCode?: string | null } | null
      billingAddress?: { name?: string; postalCode?: string | null } | null
    }
    const address = order.shippingAddress ?? order.billingAddress ?? null
    const words = (address?.name ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)
    const last = words.length === 0 ? null : (words[words.length - 1] as string)
    const first =
      words.length === 0 ? null : words.length === 1 ? last : words.slice(0, -1).join(' ')
    const postal = address?.postalCode ? address.postalCode.replace(/\s+/g, '').toUpperCase() : null
    await db
      .updateTable('demo_orders')
      .set({ first_name: first, last_name: last, postal_code: postal })
      .where('store_id', '=', row.store_id)
      .where('id', '=', row.id)
      .execute()
  }
  for (const column of ['name', 'first_name', 'last_name', 'postal_code']) {
    await db.schema
      .createIndex(`demo_orders_by_${column}`)
      .on('demo_orders')
      .columns(['store_id', column, 'created_at', 'id'])
      .execute()
  }
  await db.schema
    .createIndex('demo_orders_newest')
    .on('demo_orders')
    .columns(['store_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('order_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_notes_by_order')
    .on('order_notes')
    .columns(['store_id', 'order_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_notes').execute()
  await db.schema.dropIndex('demo_orders_newest').execute()
  for (const column of ['name', 'first_name', 'last_name', 'postal_code']) {
    await db.schema.dropIndex(`demo_orders_by_${column}`).execute()
  }
  await db.schema.alterTable('demo_orders').dropColumn('postal_code').execute()
  await db.schema.alterTable('demo_orders').dropColumn('last_name').execute()
  await db.schema.alterTable('demo_orders').dropColumn('first_name').execute()
}
