import type { ConversationChange } from '@porchlight/shared/api/chat'
import type { Kysely, Transaction } from 'kysely'
import type { EventBus } from '../../adapters/realtime/event-bus.ts'
import type { Clock } from '../../clock.ts'
import { insertChatEvent, nextChatSeq } from '../../db/chat-events.repository.ts'
import type { ChatAudience, ChatMessageRow, ConversationRow } from '../../db/conversations.table.ts'
import {
  closeConversationRow,
  insertMessage,
  updateConversation,
} from '../../db/conversations.repository.ts'
import type { Database } from '../../db/schema.ts'
import { changeTicket, findTicket } from '../../db/tickets.repository.ts'
import { newId } from '../../ids.ts'
import type { Logger } from '../../logger.ts'
import type { OutboxWorker } from '../outbox/worker.ts'
import { emitMessageCreated, emitTicketUpdated } from '../webhooks/emit.ts'
import { messageView } from './views.ts'

type Trx = Transaction<Database>

/** What the chat services need from the app. */
export interface ChatDeps {
  db: Kysely<Database>
  clock: Clock
  bus: EventBus
  logger: Logger
  /** Woken after a chat write queued webhook deliveries or emails. */
  outbox: Pick<OutboxWorker, 'wake'>
}

/**
 * One chat write: a transaction that starts by taking an event number (which serializes the
 * store's chat writes, see nextChatSeq), and a notice on the bus once it has committed. Event
 * numbers may have holes (a write that emitted nothing); readers only ever ask for "after n".
 */
export async function chatWrite<T>(
  deps: ChatDeps,
  storeId: string,
  work: (w: ChatTrx) => Promise<T>,
): Promise<T> {
  let lastSeq = 0
  let queued = false
  const result = await deps.db.transaction().execute(async (trx) => {
    const first = await nextChatSeq(trx, storeId)
    let pending: number | undefined = first
    const w: ChatTrx = {
      trx,
      storeId,
      // The number taken to lock the store is used by the first event; later ones take more.
      async seq() {
        const seq = pending ?? (await nextChatSeq(trx, storeId))
        pending = undefined
        lastSeq = seq
        return seq
      },
      queuedInOutbox() {
        queued = true
      },
    }
    const value = await work(w)
    return value
  })
  if (lastSeq > 0) await announce(deps, storeId, lastSeq)
  if (queued) deps.outbox.wake()
  return result
}

export interface ChatTrx {
  trx: Trx
  storeId: string
  seq(): Promise<number>
  /** Says the write queued outbox rows (webhooks): the outbox is woken once it commits. */
  queuedInOutbox(): void
}

/** Tells every process the store's log grew; a failed notice is caught up by the next heartbeat. */
export async function announce(
  deps: Pick<ChatDeps, 'bus' | 'logger'>,
  storeId: string,
  seq: number,
): Promise<void> {
  try {
    await deps.bus.publish({ type: 'appended', storeId, seq })
  } catch (err) {
    deps.logger.warn('could not announce chat event', { storeId, seq, error: String(err) })
  }
}

export async function emitEvent(
  w: ChatTrx,
  input: {
    kind: 'message' | 'read' | 'conversation'
    conversation: Pick<ConversationRow, 'id' | 'visitor_id' | 'identity_kind' | 'identity_value'>
    audience: ChatAudience
    data: Record<string, unknown>
    at: Date
  },
  seq?: number,
): Promise<number> {
  const n = seq ?? (await w.seq())
  await insertChatEvent(w.trx, {
    store_id: w.storeId,
    seq: n,
    kind: input.kind,
    conversation_id: input.conversation.id,
    audience: input.audience,
    visitor_id: input.conversation.visitor_id,
    identity_kind: input.conversation.identity_kind,
    identity_value: input.conversation.identity_value,
    data: JSON.stringify(input.data),
    created_at: input.at.getTime(),
  })
  return n
}

export interface NewMessage {
  authorKind: ChatMessageRow['author_kind']
  authorId: string | null
  authorName: string | null
  senderRef: string | null
  clientId: string | null
  text: string
  systemKind: string | null
  data: Record<string, unknown>
  at: Date
}

/** Stores a message, announces it, and moves the conversation's last word and read marks. */
export async function appendMessage(
  w: ChatTrx,
  conversation: ConversationRow,
  input: NewMessage,
): Promise<ChatMessageRow> {
  const seq = await w.seq()
  const at = input.at.getTime()
  const row: ChatMessageRow = {
    id: newId('msg'),
    store_id: w.storeId,
    conversation_id: conversation.id,
    seq,
    author_kind: input.authorKind,
    author_id: input.authorId,
    author_name: input.authorName,
    sender_ref: input.senderRef,
    client_id: input.clientId,
    text: input.text,
    system_kind: input.systemKind,
    data: JSON.stringify(input.data),
    created_at: at,
  }
  await insertMessage(w.trx, row)
  await emitEvent(
    w,
    {
      kind: 'message',
      conversation,
      audience: 'all',
      data: { conversationId: conversation.id, message: messageView(row) },
      at: input.at,
    },
    seq,
  )
  const changes: Parameters<typeof updateConversation>[3] = { last_seq: seq, updated_at: at }
  if (input.authorKind === 'shopper') {
    Object.assign(changes, {
      last_author_kind: 'shopper',
      last_message_at: at,
      shopper_read_seq: seq,
      first_shopper_at: conversation.first_shopper_at ?? at,
    })
  } else if (input.authorKind === 'agent') {
    Object.assign(changes, { last_author_kind: 'agent', last_message_at: at, agent_read_seq: seq })
    if (conversation.first_response_ms === null && conversation.first_shopper_at !== null) {
      changes.first_response_ms = Math.max(0, at - conversation.first_shopper_at)
    }
  }
  await updateConversation(w.trx, w.storeId, conversation.id, changes)
  Object.assign(conversation, changes)
  // System messages (a request filed, an order's status) restate events the store hears of
  // through their own webhooks, and are nobody's words: only shopper and agent messages count.
  if (input.authorKind !== 'system') {
    const queued = await emitMessageCreated(w.trx, {
      storeId: w.storeId,
      ticket: async () => (await findTicket(w.trx, w.storeId, conversation.ticket_id)) ?? null,
      conversationId: conversation.id,
      message: {
        id: row.id,
        author: { kind: input.authorKind, id: input.authorId },
        body: input.text,
        channel: 'chat',
        at: input.at,
      },
      now: input.at,
    })
    if (queued > 0) w.queuedInOutbox()
  }
  return row
}

export function conversationEventData(
  row: ConversationRow,
  change: ConversationChange,
  ticketNumber: number,
) {
  return {
    conversationId: row.id,
    change,
    status: row.status,
    closedReason: row.closed_reason,
    previousId: row.previous_id,
    ticketNumber,
  }
}

/**
 * Closes a conversation and its chat ticket, once: when two processes race (two sweepers, or a
 * sweeper and a shopper writing again), only the one that flips the row does the rest.
 */
export async function closeConversationIn(
  w: ChatTrx,
  conversation: ConversationRow,
  input: {
    reason: 'reverted' | 'agent'
    actor: { kind: 'agent' | 'system'; id: string | null }
    at: Date
  },
): Promise<boolean> {
  const at = input.at.getTime()
  if (!(await closeConversationRow(w.trx, w.storeId, conversation.id, input.reason, at))) {
    return false
  }
  Object.assign(conversation, { status: 'closed', closed_reason: input.reason, closed_at: at })
  let ticketNumber = 0
  // Someone may be editing the ticket (tags, assignee) at the same moment: re-read and retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticket = await findTicket(w.trx, w.storeId, conversation.ticket_id)
    if (ticket === undefined) break
    ticketNumber = ticket.number
    if (ticket.status === 'closed') break
    const closed = await changeTicket(w.trx, w.storeId, ticket.id, {
      changes: { status: 'closed' },
      expectedVersion: ticket.version,
      event: {
        kind: 'chat_closed',
        actor: input.actor,
        data: { conversationId: conversation.id, reason: input.reason },
      },
      now: input.at,
    })
    if (closed !== undefined) {
      const queued = await emitTicketUpdated(w.trx, {
        storeId: w.storeId,
        ticket: closed,
        changes: { status: 'closed' },
        by: input.actor.kind === 'agent' ? input.actor.id : null,
        now: input.at,
        extra: { chat: { conversationId: conversation.id, closedReason: input.reason } },
      })
      if (queued > 0) w.queuedInOutbox()
      break
    }
  }
  await emitEvent(w, {
    kind: 'conversation',
    conversation,
    audience: 'all',
    data: conversationEventData(conversation, 'closed', ticketNumber),
    at: input.at,
  })
  return true
}
