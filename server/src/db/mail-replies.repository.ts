import type { Kysely, Transaction } from 'kysely'
import type {
  HeldMailReplyRow,
  MailAttachmentRow,
  MailAttachmentsTable,
  TicketReplyAddressesTable,
} from './mail-replies.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The ticket's reply token, made on its first email and kept after: the token `fresh` offers
 * is stored only when the ticket has none (one atomic insert, so two emails queued at once
 * share one address). Every call pushes the expiry to `expiresAt`.
 */
export async function ensureReplyAddress(
  db: Db,
  row: Pick<TicketReplyAddressesTable, 'ticket_id' | 'store_id' | 'created_at' | 'expires_at'> & {
    fresh: string
  },
): Promise<string> {
  await db
    .insertInto('ticket_reply_addresses')
    .values({
      ticket_id: row.ticket_id,
      store_id: row.store_id,
      token: row.fresh,
      created_at: row.created_at,
      expires_at: row.expires_at,
    })
    .onConflict((oc) => oc.column('ticket_id').doUpdateSet({ expires_at: row.expires_at }))
    .execute()
  const found = await db
    .selectFrom('ticket_reply_addresses')
    .select('token')
    .where('ticket_id', '=', row.ticket_id)
    .executeTakeFirstOrThrow()
  return found.token
}

export async function findReplyAddress(db: Db, token: string) {
  return db
    .selectFrom('ticket_reply_addresses')
    .selectAll()
    .where('token', '=', token)
    .executeTakeFirst()
}

/** Claims a message key; false when it was taken before (the same message handed over again). */
export async function claimInboundMessage(db: Db, key: string, at: number): Promise<boolean> {
  const result = await db
    .insertInto('inbound_mail_seen')
    .values({ message_key: key, received_at: at })
    .onConflict((oc) => oc.column('message_key').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}

export async function insertHeldReply(db: Db, row: HeldMailReplyRow): Promise<void> {
  await db.insertInto('held_mail_replies').values(row).execute()
}

export async function listHeldReplies(db: Db, storeId: string, limit: number) {
  return db
    .selectFrom('held_mail_replies')
    .innerJoin('tickets', 'tickets.id', 'held_mail_replies.ticket_id')
    .selectAll('held_mail_replies')
    .select('tickets.number as ticket_number')
    .where('held_mail_replies.store_id', '=', storeId)
    .orderBy('held_mail_replies.created_at')
    .orderBy('held_mail_replies.id')
    .limit(limit)
    .execute()
}

/** Removes a held reply and says what it was; undefined when another agent took it first. */
export async function takeHeldReply(
  db: Db,
  storeId: string,
  id: string,
): Promise<HeldMailReplyRow | undefined> {
  const row = await db
    .deleteFrom('held_mail_replies')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row
}

export async function insertAttachment(db: Db, row: MailAttachmentsTable): Promise<void> {
  await db.insertInto('mail_attachments').values(row).execute()
}

/** Attachments of a held reply become the thread's when it is accepted. */
export async function releaseHeldAttachments(db: Db, storeId: string, heldId: string) {
  await db
    .updateTable('mail_attachments')
    .set({ held_id: null })
    .where('store_id', '=', storeId)
    .where('held_id', '=', heldId)
    .execute()
}

export async function deleteHeldAttachments(db: Db, storeId: string, heldId: string) {
  await db
    .deleteFrom('mail_attachments')
    .where('store_id', '=', storeId)
    .where('held_id', '=', heldId)
    .execute()
}

export async function heldAttachmentsMeta(db: Db, storeId: string, heldIds: string[]) {
  if (heldIds.length === 0) return []
  return db
    .selectFrom('mail_attachments')
    .select(['id', 'held_id', 'filename', 'content_type', 'size'])
    .where('store_id', '=', storeId)
    .where('held_id', 'in', heldIds)
    .execute()
}

/** One attachment of a store's ticket that is in the thread (not waiting in a held reply). */
export async function findAttachment(
  db: Db,
  storeId: string,
  id: string,
): Promise<MailAttachmentRow | undefined> {
  return db
    .selectFrom('mail_attachments')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
}
