import type { Kysely } from 'kysely'

// Two-way email. Each ticket gets a reply address with a random token (never derived from the
// ticket number); replies from someone other than the ticket's shopper wait for an agent;
// attachments are kept apart from the thread (base64 text: one column type on both databases);
// and the Message-IDs already taken, whose primary key makes "one reply per message" atomic
// however many times a sender (or two receivers) hands the same message over.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_reply_addresses')
    .addColumn('ticket_id', 'text', (c) =>
      c.primaryKey().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('inbound_mail_seen')
    .addColumn('message_key', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('inbound_mail_seen_age')
    .on('inbound_mail_seen')
    .columns(['received_at'])
    .execute()

  await db.schema
    .createTable('held_mail_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('held_mail_replies_store')
    .on('held_mail_replies')
    .columns(['store_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('mail_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    /** The held reply it came with, until an agent accepts it (then null: it is the thread's). */
    .addColumn('held_id', 'text')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('mail_attachments_ticket')
    .on('mail_attachments')
    .columns(['store_id', 'ticket_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mail_attachments',
    'held_mail_replies',
    'inbound_mail_seen',
    'ticket_reply_addresses',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
