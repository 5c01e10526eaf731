import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // "My requests" reads a shopper's tickets by verified identity, newest first; without this the
  // lookup would walk every ticket of the store.
  await db.schema
    .createIndex('tickets_shopper')
    .on('tickets')
    .columns(['store_id', 'identity_kind', 'identity_value', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_shopper').execute()
}
