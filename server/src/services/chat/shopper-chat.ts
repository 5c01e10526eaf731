import { revertHoursFrom } from '@porchlight/shared/chat/revert'
import type {
  ChatMessage,
  CurrentConversationResponse,
  PostMessageResponse,
  ShopperConversation,
} from '@porchlight/shared/api/chat'
import { eventLogPosition } from '../../db/chat-events.repository.ts'
import type { ConversationRow } from '../../db/conversations.table.ts'
import {
  countUnread,
  findConversation,
  findLatestConversation,
  findMessage,
  findMessageByClientId,
  insertConversation,
  listMessages,
  updateConversation,
} from '../../db/conversations.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { findTicket, insertTicket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { newId } from '../../ids.ts'
import { emitTicketEvent } from '../webhooks/emit.ts'
import {
  appendMessage,
  chatWrite,
  closeConversationIn,
  conversationEventData,
  emitEvent,
  type ChatDeps,
  type ChatTrx,
} from './chat-writes.ts'
import { messageLimits, takeChatLimits } from './chat-limits.ts'
import { ownerOf, type ChatParticipant } from './participants.ts'
import { messageView, revertOf, shopperConversationView } from './views.ts'

export const PAGE_SIZE = 100

/**
 * The shopper's current conversation: their newest open one, unless the revert rule says it is
 * over for them (then none, though it stays open until the sweeper closes it for the console).
 */
async function currentRow(
  deps: ChatDeps,
  db: ChatDeps['db'] | ChatTrx['trx'],
  store: Store,
  participant: ChatParticipant,
): Promise<{ row: ConversationRow | undefined; reverted: ConversationRow | undefined }> {
  const row = await findLatestConversation(db, store.id, ownerOf(participant), 'open')
  if (row === undefined) return { row: undefined, reverted: undefined }
  const revert = revertOf(row, deps.clock.now(), revertHoursFrom(store.settings))
  return revert.reverted ? { row: undefined, reverted: row } : { row, reverted: undefined }
}

async function view(
  deps: ChatDeps,
  db: ChatDeps['db'] | ChatTrx['trx'],
  store: Store,
  row: ConversationRow,
): Promise<ShopperConversation> {
  const ticket = await findTicket(db, store.id, row.ticket_id)
  const unread = await countUnread(db, row, 'shopper')
  return shopperConversationView(
    row,
    ticket?.number ?? 0,
    unread,
    deps.clock.now(),
    revertHoursFrom(store.settings),
  )
}

export async function getCurrentConversation(
  deps: ChatDeps,
  store: Store,
  participant: ChatParticipant,
): Promise<CurrentConversationResponse> {
  // The cursor is read first: anything after it is either in this answer or in the stream.
  const { lastSeq } = await eventLogPosition(deps.db, store.id)
  const { row } = await currentRow(deps, deps.db, store, participant)
  if (row === undefined)
    return { conversation: null, messages: [], hasMore: false, cursor: lastSeq }
  const messages = await listMessages(deps.db, row.id, { limit: PAGE_SIZE + 1 })
  const hasMore = messages.length > PAGE_SIZE
  return {
    conversation: await view(deps, deps.db, store, row),
    messages: (hasMore ? messages.slice(1) : messages).map(messageView),
    hasMore,
    cursor: lastSeq,
  }
}

/** Older messages of the current conversation, before `beforeSeq`, oldest first. */
export async function olderShopperMessages(
  deps: ChatDeps,
  store: Store,
  participant: ChatParticipant,
  beforeSeq: number,
): Promise<{ messages: ChatMessage[]; hasMore: boolean }> {
  const { row } = await currentRow(deps, deps.db, store, participant)
  if (row === undefined) return { messages: [], hasMore: false }
  const messages = await listMessages(deps.db, row.id, { limit: PAGE_SIZE + 1, beforeSeq })
  const hasMore = messages.length > PAGE_SIZE
  return { messages: (hasMore ? messages.slice(1) : messages).map(messageView), hasMore }
}

export async function shopperUnreadCount(
  deps: ChatDeps,
  store: Store,
  participant: ChatParticipant,
): Promise<number> {
  const { row } = await currentRow(deps, deps.db, store, participant)
  return row === undefined ? 0 : countUnread(deps.db, row, 'shopper')
}

export interface ShopperMessageInput {
  text: string
  clientId: string | null
  locale: string | null
  /** The client address (rate limits). */
  ip: string
}

/**
 * Posts the shopper's message to their current conversation, or starts a new one (linked to
 * the previous, for agents) when there is none or it has reverted.
 */
export async function postShopperMessage(
  deps: ChatDeps,
  store: Store,
  participant: ChatParticipant,
  input: ShopperMessageInput,
): Promise<PostMessageResponse> {
  if (input.clientId !== null) {
    const earlier = await findMessageByClientId(deps.db, store.id, participant.ref, input.clientId)
    if (earlier !== undefined) return replay(deps, store, earlier.conversation_id, earlier.id)
  }
  try {
    return await writeShopperMessage(deps, store, participant, input)
  } catch (err) {
    // Two sends of one message racing: the unique index let one through; answer with it.
    if (input.clientId === null) throw err
    const earlier = await findMessageByClientId(deps.db, store.id, participant.ref, input.clientId)
    if (earlier === undefined) throw err
    return replay(deps, store, earlier.conversation_id, earlier.id)
  }
}

async function writeShopperMessage(
  deps: ChatDeps,
  store: Store,
  participant: ChatParticipant,
  input: ShopperMessageInput,
): Promise<PostMessageResponse> {
  const now = deps.clock.now()
  return chatWrite(deps, store.id, async (w) => {
    // Counted in the write's transaction: a refused or failed send takes no slot.
    await takeChatLimits(
      w.trx,
      messageLimits(store.id, participant.ref, input.ip),
      now,
      'Too many messages; wait a moment.',
    )
    let { row, reverted } = await currentRow(deps, w.trx, store, participant)
    let started = false
    if (row === undefined) {
      if (reverted !== undefined) {
        await closeConversationIn(w, reverted, {
          reason: 'reverted',
          actor: { kind: 'system', id: null },
          at: now,
        })
      }
      row = await startConversation(w, store, participant, input.locale, now)
      started = true
    }
    const message = await appendMessage(w, row, {
      authorKind: 'shopper',
      authorId: null,
      authorName: participant.name,
      senderRef: participant.ref,
      clientId: input.clientId,
      text: input.text,
      systemKind: null,
      data: {},
      at: now,
    })
    return {
      conversation: await view(deps, w.trx, store, row),
      message: messageView(message),
      started,
    }
  })
}

async function replay(
  deps: ChatDeps,
  store: Store,
  conversationId: string,
  messageId: string,
): Promise<PostMessageResponse> {
  const row = await findConversation(deps.db, store.id, conversationId)
  const message = await findMessage(deps.db, messageId)
  // Both were found a moment ago by the write this replays; neither is ever deleted.
  if (row === undefined || message === undefined) {
    throw new Error(`message ${messageId} of conversation ${conversationId} vanished`)
  }
  return {
    conversation: await view(deps, deps.db, store, row),
    message: messageView(message),
    started: false,
  }
}

async function startConversation(
  w: ChatTrx,
  store: Store,
  participant: ChatParticipant,
  locale: string | null,
  now: Date,
): Promise<ConversationRow> {
  const previous = await findLatestConversation(w.trx, store.id, ownerOf(participant))
  const lang =
    locale ??
    (typeof store.settings['defaultLocale'] === 'string' ? store.settings['defaultLocale'] : 'en')
  const ticket = await insertTicket(w.trx, {
    store_id: store.id,
    type: 'chat',
    status: 'open',
    channel: 'chat',
    identity_kind: participant.identity?.kind ?? null,
    identity_value: participant.identity?.value ?? null,
    contact_name: participant.name,
    contact_email: participant.email,
    locale: lang,
    created_at: now.getTime(),
    updated_at: now.getTime(),
  })
  if ((await emitTicketEvent(w.trx, { event: 'ticket.created', ticket, now })) > 0) {
    w.queuedInOutbox()
  }
  const row: ConversationRow = {
    id: newId('cv'),
    store_id: store.id,
    ticket_id: ticket.id,
    status: 'open',
    closed_reason: null,
    closed_at: null,
    previous_id: previous?.id ?? null,
    visitor_id: participant.visitorId,
    identity_kind: participant.identity?.kind ?? null,
    identity_value: participant.identity?.value ?? null,
    contact_name: participant.name,
    contact_email: participant.email,
    locale: lang,
    last_author_kind: null,
    last_message_at: null,
    last_seq: 0,
    shopper_read_seq: 0,
    agent_read_seq: 0,
    first_shopper_at: null,
    first_response_ms: null,
    created_at: now.getTime(),
    updated_at: now.getTime(),
  }
  await insertConversation(w.trx, row)
  await emitEvent(w, {
    kind: 'conversation',
    conversation: row,
    audience: 'all',
    data: conversationEventData(row, 'started', ticket.number),
    at: now,
  })
  return row
}

/** Marks the shopper's current conversation read through `throughSeq` (default: all). */
export async function markShopperRead(
  deps: ChatDeps,
  store: Store,
  participant: ChatParticipant,
  throughSeq: number | null,
): Promise<{ readSeq: number }> {
  return chatWrite(deps, store.id, async (w) => {
    const { row } = await currentRow(deps, w.trx, store, participant)
    if (row === undefined) {
      throw new AppError('conversation_not_found', 'There is no conversation to mark read.')
    }
    const target = Math.min(throughSeq ?? row.last_seq, row.last_seq)
    if (target <= row.shopper_read_seq) return { readSeq: row.shopper_read_seq }
    await updateConversation(w.trx, store.id, row.id, { shopper_read_seq: target })
    await emitEvent(w, {
      kind: 'read',
      conversation: row,
      audience: 'all',
      data: { conversationId: row.id, side: 'shopper', readSeq: target },
      at: deps.clock.now(),
    })
    return { readSeq: target }
  })
}
