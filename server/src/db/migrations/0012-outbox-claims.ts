import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Which process holds a claim, so a worker renews only its own leases (its heartbeat) and an
  // operator can see whose claims a dead process left behind.
  await db.schema.alterTable('outbox_messages').addColumn('claimed_by', 'text').execute()
  // 0 goes first (sign-in codes: a shopper is waiting for it), 1 is everything else.
  await db.schema
    .alterTable('outbox_messages')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // The claim takes due pending rows by priority, then age: this index serves it.
  await db.schema
    .createIndex('outbox_messages_claim')
    .on('outbox_messages')
    .columns(['status', 'priority', 'next_attempt_at'])
    .execute()
  // Rows in flight are found by their lease (renewal, reclaim after a crash).
  await db.schema
    .createIndex('outbox_messages_lease')
    .on('outbox_messages')
    .columns(['status', 'lease_until'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_messages_lease').execute()
  await db.schema.dropIndex('outbox_messages_claim').execute()
  await db.schema.alterTable('outbox_messages').dropColumn('priority').execute()
  await db.schema.alterTable('outbox_messages').dropColumn('claimed_by').execute()
}
