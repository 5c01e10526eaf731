import { revertHoursFrom } from '@porchlight/shared/chat/revert'
import type { AgentConversation, ChatMessage } from '@porchlight/shared/api/chat'
import type {
  ChatMessageRow,
  ConversationRow,
  ConversationStatus,
} from '../../db/conversations.table.ts'
import {
  countUnread,
  findConversation,
  findFollowingConversation,
  findMessageByClientId,
  listConversations,
  listMessages,
  updateConversation,
} from '../../db/conversations.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { ticketNumbersById } from '../../db/tickets.repository.ts'
import type { Database } from '../../db/schema.ts'
import type { Kysely, Transaction } from 'kysely'
import { AppError } from '../../errors.ts'
import type { AgentPrincipal } from '../agents/agent-sessions.ts'
import {
  appendMessage,
  chatWrite,
  closeConversationIn,
  emitEvent,
  type ChatDeps,
  type ChatTrx,
} from './chat-writes.ts'
import { agentConversationView, messageView, revertOf } from './views.ts'
import { PAGE_SIZE } from './shopper-chat.ts'

/** How long the shopper shows "typing…" after one signal; the console repeats it while typing. */
export const TYPING_TTL_MS = 6000

const notFound = () => new AppError('conversation_not_found', 'No such conversation in this store.')

async function views(
  deps: ChatDeps,
  db: Kysely<Database> | Transaction<Database>,
  store: Store,
  rows: ConversationRow[],
): Promise<AgentConversation[]> {
  const numbers = await ticketNumbersById(
    db,
    store.id,
    rows.map((r) => r.ticket_id),
  )
  const hours = revertHoursFrom(store.settings)
  const now = deps.clock.now()
  return Promise.all(
    rows.map(async (r) =>
      agentConversationView(
        r,
        numbers.get(r.ticket_id) ?? 0,
        await countUnread(db, r, 'agent'),
        now,
        hours,
      ),
    ),
  )
}

export async function listAgentConversations(
  deps: ChatDeps,
  store: Store,
  options: { status?: ConversationStatus; limit: number; before?: number },
): Promise<{ conversations: AgentConversation[]; nextBefore: number | null }> {
  const rows = await listConversations(deps.db, store.id, {
    limit: options.limit,
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(options.before !== undefined ? { beforeUpdatedAt: options.before } : {}),
  })
  const last = rows.at(-1)
  return {
    conversations: await views(deps, deps.db, store, rows),
    nextBefore: rows.length === options.limit && last !== undefined ? last.updated_at : null,
  }
}

export async function getAgentConversation(
  deps: ChatDeps,
  store: Store,
  id: string,
  options: { beforeSeq?: number },
): Promise<{
  conversation: AgentConversation
  messages: ChatMessage[]
  hasMore: boolean
  nextId: string | null
}> {
  const row = await findConversation(deps.db, store.id, id)
  if (row === undefined) throw notFound()
  const messages = await listMessages(deps.db, row.id, {
    limit: PAGE_SIZE + 1,
    ...(options.beforeSeq !== undefined ? { beforeSeq: options.beforeSeq } : {}),
  })
  const hasMore = messages.length > PAGE_SIZE
  const [conversation] = await views(deps, deps.db, store, [row])
  const next = await findFollowingConversation(deps.db, store.id, row.id)
  return {
    conversation: conversation as AgentConversation,
    messages: (hasMore ? messages.slice(1) : messages).map(messageView),
    hasMore,
    nextId: next?.id ?? null,
  }
}

/**
 * An agent's answer. A conversation already over for the shopper (closed, or reverted and not
 * yet swept) takes no more answers: the shopper would never see them in that thread.
 */
export async function postAgentMessage(
  deps: ChatDeps,
  store: Store,
  agent: AgentPrincipal,
  id: string,
  input: { text: string; clientId: string | null },
): Promise<{ conversation: AgentConversation; message: ChatMessage }> {
  if (input.clientId !== null) {
    const earlier = await findMessageByClientId(deps.db, store.id, agent.sessionId, input.clientId)
    if (earlier !== undefined && earlier.conversation_id === id) {
      const again = await getAgentConversation(deps, store, id, {})
      return { conversation: again.conversation, message: messageView(earlier) }
    }
  }
  const now = deps.clock.now()
  const result = await chatWrite(deps, store.id, async (w) => {
    const row = await findConversation(w.trx, store.id, id)
    if (row === undefined) throw notFound()
    const written = await writeAgentMessage(w, store, row, {
      agent: { id: agent.agentId, name: agent.name },
      senderRef: agent.sessionId,
      clientId: input.clientId,
      text: input.text,
      now,
    })
    if (written.closedNow) return written
    const [conversation] = await views(deps, w.trx, store, [row])
    return {
      closedNow: false as const,
      conversation: conversation as AgentConversation,
      message: messageView(written.message),
    }
  })
  // The close must commit before refusing, so it is not rolled back with the refusal.
  if (result.closedNow) throw conversationClosed()
  return { conversation: result.conversation, message: result.message }
}

export const conversationClosed = () =>
  new AppError(
    'conversation_closed',
    'This conversation is closed; the shopper will not see new messages in it.',
  )

/**
 * Writes an agent's message in `row`, in the caller's chat write. Refuses a closed
 * conversation; one the revert rule has ended is closed now and not written to (`closedNow`:
 * the caller commits, then refuses with conversationClosed).
 */
export async function writeAgentMessage(
  w: ChatTrx,
  store: Store,
  row: ConversationRow,
  input: {
    agent: { id: string; name: string }
    senderRef: string | null
    clientId: string | null
    text: string
    now: Date
  },
): Promise<{ closedNow: true } | { closedNow: false; message: ChatMessageRow }> {
  if (row.status === 'closed') throw conversationClosed()
  if (revertOf(row, input.now, revertHoursFrom(store.settings)).reverted) {
    await closeConversationIn(w, row, {
      reason: 'reverted',
      actor: { kind: 'system', id: null },
      at: input.now,
    })
    return { closedNow: true }
  }
  const message = await appendMessage(w, row, {
    authorKind: 'agent',
    authorId: input.agent.id,
    authorName: input.agent.name,
    senderRef: input.senderRef,
    clientId: input.clientId,
    text: input.text,
    systemKind: null,
    data: {},
    at: input.now,
  })
  return { closedNow: false, message }
}

export async function markAgentRead(
  deps: ChatDeps,
  store: Store,
  id: string,
  throughSeq: number | null,
): Promise<{ readSeq: number }> {
  return chatWrite(deps, store.id, async (w) => {
    const row = await findConversation(w.trx, store.id, id)
    if (row === undefined) throw notFound()
    const target = Math.min(throughSeq ?? row.last_seq, row.last_seq)
    if (target <= row.agent_read_seq) return { readSeq: row.agent_read_seq }
    await updateConversation(w.trx, store.id, row.id, { agent_read_seq: target })
    await emitEvent(w, {
      kind: 'read',
      conversation: row,
      audience: 'all',
      data: { conversationId: row.id, side: 'agent', readSeq: target },
      at: deps.clock.now(),
    })
    return { readSeq: target }
  })
}

/** Shows "typing…" to the shopper; never stored, so a missed signal costs nothing. */
export async function agentTyping(
  deps: ChatDeps,
  store: Store,
  agent: AgentPrincipal,
  id: string,
): Promise<void> {
  const row = await findConversation(deps.db, store.id, id)
  if (row === undefined) throw notFound()
  if (row.status === 'closed') return
  await deps.bus.publish({
    type: 'ephemeral',
    storeId: store.id,
    event: {
      kind: 'typing',
      conversationId: row.id,
      to: 'shopper',
      owner: {
        visitorId: row.visitor_id,
        identityKind: row.identity_kind,
        identityValue: row.identity_value,
      },
      data: { conversationId: row.id, agentName: agent.name, expiresInMs: TYPING_TTL_MS },
    },
  })
}

export async function closeByAgent(
  deps: ChatDeps,
  store: Store,
  agent: AgentPrincipal,
  id: string,
): Promise<AgentConversation> {
  return chatWrite(deps, store.id, async (w) => {
    const row = await findConversation(w.trx, store.id, id)
    if (row === undefined) throw notFound()
    if (row.status === 'open') {
      await closeConversationIn(w, row, {
        reason: 'agent',
        actor: { kind: 'agent', id: agent.agentId },
        at: deps.clock.now(),
      })
    }
    const [conversation] = await views(deps, w.trx, store, [row])
    return conversation as AgentConversation
  })
}
