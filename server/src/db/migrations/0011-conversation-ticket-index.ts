import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Agents answer a chat ticket through the ticket API too: that finds the ticket's
  // conversation by ticket id, which would otherwise walk every conversation of the store.
  await db.schema
    .createIndex('conversations_ticket')
    .on('conversations')
    .columns(['ticket_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('conversations_ticket').execute()
}
