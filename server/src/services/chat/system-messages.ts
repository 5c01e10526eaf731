import { revertHoursFrom } from '@porchlight/shared/chat/revert'
import { systemMessageText, type SystemMessage } from '@porchlight/shared/chat/system-messages'
import { enAll } from '@porchlight/shared/i18n/en-all'
import { createTranslator } from '@porchlight/shared/i18n/translate'
import type { ChatMessage } from '@porchlight/shared/api/chat'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import { findConversation, findLatestConversation } from '../../db/conversations.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { appendMessage, chatWrite, type ChatDeps } from './chat-writes.ts'
import { messageView, revertOf } from './views.ts'

export interface SystemMessageInput {
  /** What happened, for clients to localize: 'request_created', 'order_status_changed', ... */
  systemKind: string
  /** English fallback shown when a client does not know the kind. */
  text: string
  data: Record<string, unknown>
}

/**
 * Adds a system message (request created, order status changed) to a conversation. It is
 * nobody's word: it neither restarts nor ends the 24-hour wait. Runs its own transaction: call
 * it after the caller's own transaction has committed, never inside it.
 */
export async function postSystemMessage(
  deps: ChatDeps,
  store: Pick<Store, 'id'>,
  conversationId: string,
  input: SystemMessageInput,
): Promise<ChatMessage | undefined> {
  return chatWrite(deps, store.id, async (w) => {
    const row = await findConversation(w.trx, store.id, conversationId)
    if (row === undefined || row.status === 'closed') return undefined
    const message = await appendMessage(w, row, {
      authorKind: 'system',
      authorId: null,
      authorName: null,
      senderRef: null,
      clientId: null,
      text: input.text,
      systemKind: input.systemKind,
      data: input.data,
      at: deps.clock.now(),
    })
    return messageView(message)
  })
}

/**
 * Adds a system message to the shopper's current conversation, if they have one the shopper
 * still sees; otherwise does nothing (a status change is no reason to reopen a chat).
 */
export async function postSystemMessageForShopper(
  deps: ChatDeps,
  store: Pick<Store, 'id' | 'settings'>,
  identity: ShopperIdentity,
  input: SystemMessageInput,
): Promise<ChatMessage | undefined> {
  const row = await findLatestConversation(deps.db, store.id, { visitorId: null, identity }, 'open')
  if (row === undefined) return undefined
  if (revertOf(row, deps.clock.now(), revertHoursFrom(store.settings)).reverted) return undefined
  return postSystemMessage(deps, store, row.id, input)
}

// The whole English catalog: the chat's words are a part the panel fetches with the chat.
const english = createTranslator(enAll, 'en')

/**
 * Tells the ticket's shopper, in their open chat, what just happened to their request or order
 * (the English text is the console's; the panel writes it in the shopper's language from the
 * data). Call it after the change committed. A chat that cannot be told is logged, never the
 * caller's failure: the change itself stands, and the shopper hears of it by email too.
 */
export async function tellShopperChat(
  deps: ChatDeps,
  store: Pick<Store, 'id' | 'settings'>,
  ticket: Pick<Ticket, 'id' | 'identity_kind' | 'identity_value'>,
  message: SystemMessage,
): Promise<ChatMessage | undefined> {
  if (ticket.identity_kind === null || ticket.identity_value === null) return undefined
  const identity: ShopperIdentity = { kind: ticket.identity_kind, value: ticket.identity_value }
  const { kind, ...data } = message
  try {
    return await postSystemMessageForShopper(deps, store, identity, {
      systemKind: kind,
      text: systemMessageText(english, message),
      data,
    })
  } catch (err) {
    deps.logger.warn('chat system message not posted', {
      ticketId: ticket.id,
      systemKind: kind,
      error: err instanceof Error ? err.message : String(err),
    })
    return undefined
  }
}
