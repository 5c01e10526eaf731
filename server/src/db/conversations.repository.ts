import type { Kysely, Transaction, Updateable } from 'kysely'
import { ownedBy, type ChatOwnerFilter } from './chat-events.repository.ts'
import type {
  ChatMessageRow,
  ConversationRow,
  ConversationStatus,
  ConversationsTable,
} from './conversations.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function insertConversation(db: Db, row: ConversationRow): Promise<void> {
  await db.insertInto('conversations').values(row).execute()
}

/** A conversation of one store; another store's id finds nothing. */
export async function findConversation(
  db: Db,
  storeId: string,
  id: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The conversation of a chat ticket (each chat ticket has one); another store's finds nothing. */
export async function findConversationByTicket(
  db: Db,
  storeId: string,
  ticketId: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst()
}

/** The reader's newest conversation, optionally only among open ones. */
export async function findLatestConversation(
  db: Db,
  storeId: string,
  owner: ChatOwnerFilter,
  status?: ConversationStatus,
): Promise<ConversationRow | undefined> {
  let query = db
    .selectFrom('conversations')
    .selectAll()
    .where('store_id', '=', storeId)
    .where((eb) => ownedBy(eb, owner))
  if (status !== undefined) query = query.where('status', '=', status)
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
}

export async function updateConversation(
  db: Db,
  storeId: string,
  id: string,
  changes: Updateable<ConversationsTable>,
): Promise<void> {
  await db
    .updateTable('conversations')
    .set(changes)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute()
}

/** Closes an open conversation; false when it was already closed (someone else won the race). */
export async function closeConversationRow(
  db: Db,
  storeId: string,
  id: string,
  reason: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ status: 'closed', closed_reason: reason, closed_at: at, updated_at: at })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function listConversations(
  db: Db,
  storeId: string,
  options: { status?: ConversationStatus; limit: number; beforeUpdatedAt?: number },
): Promise<ConversationRow[]> {
  let query = db.selectFrom('conversations').selectAll().where('store_id', '=', storeId)
  if (options.status !== undefined) query = query.where('status', '=', options.status)
  if (options.beforeUpdatedAt !== undefined) {
    query = query.where('updated_at', '<', options.beforeUpdatedAt)
  }
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute()
}

/** A visitor's conversations not yet tied to a verified identity, with their ticket numbers. */
export async function listAnonymousVisitorConversations(
  db: Db,
  storeId: string,
  visitorId: string,
) {
  return db
    .selectFrom('conversations')
    .innerJoin('tickets', 'tickets.id', 'conversations.ticket_id')
    .selectAll('conversations')
    .select(['tickets.number as ticket_number'])
    .where('conversations.store_id', '=', storeId)
    .where('conversations.visitor_id', '=', visitorId)
    .where('conversations.identity_kind', 'is', null)
    .execute()
}

/** The conversation that followed this one (the shopper wrote again after it closed). */
export async function findFollowingConversation(db: Db, storeId: string, id: string) {
  return db
    .selectFrom('conversations')
    .select('id')
    .where('store_id', '=', storeId)
    .where('previous_id', '=', id)
    .executeTakeFirst()
}

/** A store's open conversations whose last word is the agent's, at or before `cutoff`. */
export async function listRevertCandidates(
  db: Db,
  storeId: string,
  cutoff: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('status', '=', 'open')
    .where('last_author_kind', '=', 'agent')
    .where('last_message_at', '<=', cutoff)
    .where('store_id', '=', storeId)
    .orderBy('last_message_at')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

export async function insertMessage(db: Db, row: ChatMessageRow): Promise<void> {
  await db.insertInto('chat_messages').values(row).execute()
}

export async function findMessage(db: Db, id: string): Promise<ChatMessageRow | undefined> {
  return db.selectFrom('chat_messages').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findMessageByClientId(
  db: Db,
  storeId: string,
  senderRef: string,
  clientId: string,
): Promise<ChatMessageRow | undefined> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('sender_ref', '=', senderRef)
    .where('client_id', '=', clientId)
    .executeTakeFirst()
}

/** Newest messages first read, returned oldest first; `beforeSeq` pages further back. */
export async function listMessages(
  db: Db,
  conversationId: string,
  options: { limit: number; beforeSeq?: number },
): Promise<ChatMessageRow[]> {
  let query = db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq)
  const rows = await query.orderBy('seq', 'desc').limit(options.limit).execute()
  return rows.reverse()
}

/** Messages a side has not read yet: from the other side (and, for the agents, not system). */
export async function countUnread(
  db: Db,
  conversation: Pick<ConversationRow, 'id' | 'shopper_read_seq' | 'agent_read_seq'>,
  side: 'shopper' | 'agent',
): Promise<number> {
  const row = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversation.id)
    .where('author_kind', '=', side === 'shopper' ? 'agent' : 'shopper')
    .where(
      'seq',
      '>',
      side === 'shopper' ? conversation.shopper_read_seq : conversation.agent_read_seq,
    )
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** First-response durations of a store's recent conversations, newest first. */
export async function recentFirstResponses(
  db: Db,
  storeId: string,
  since: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('first_response_ms')
    .where('store_id', '=', storeId)
    .where('first_shopper_at', '>=', since)
    .where('first_response_ms', 'is not', null)
    .orderBy('first_shopper_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => Number(r.first_response_ms))
}
