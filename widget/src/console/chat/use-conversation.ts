import type { AgentConversation, ChatMessage, ChatStreamEvents } from '@porchlight/shared/api/chat'
import { useEffect, useMemo, useState } from 'preact/hooks'
import { openStream } from '../../common/event-stream.ts'
import type { ConsoleApi } from '../api.ts'
import { errorMessage } from '../messages.ts'
import { chatApi, type ChatApi } from './chat-api.ts'

const EVENTS = ['ready', 'message', 'read', 'conversation', 'resync'] as const

interface Loaded {
  conversation: AgentConversation
  messages: ChatMessage[]
}

export interface ConversationState {
  chat: ChatApi
  conversation: AgentConversation | null
  messages: ChatMessage[]
  /** Why there is no conversation to show (none belongs to the ticket, or it failed to load). */
  error: string | null
  loading: boolean
  /** The id of the agent's last message the shopper has read, for "Seen by the shopper". */
  seenId: string | undefined
  /** A message the agent just sent, shown before the stream echoes it. */
  sent: (m: ChatMessage) => void
  end: () => void
}

/**
 * A chat ticket's conversation, live: the console stream brings the shopper's messages and
 * read marks; what the agent has on screen is marked read as it arrives. `conversationId` comes
 * with the ticket view; null (not a chat, or a chat without a conversation) opens nothing.
 */
export function useConversation(
  api: ConsoleApi,
  conversationId: string | null,
  expected: boolean,
): ConversationState {
  const id = conversationId
  const chat = useMemo(() => chatApi(api), [api])
  const [data, setData] = useState<Loaded | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    if (id === null) return
    const cid = id // narrowed for the functions below
    let stopped = false
    async function load() {
      try {
        const view = await chat.conversation(cid)
        if (stopped) return
        setData({ conversation: view.conversation, messages: view.messages })
        setFailure(null)
      } catch (err) {
        if (!stopped) setFailure(errorMessage(err))
      }
    }
    const add = (m: ChatMessage) =>
      setData((prev) => {
        if (prev === null || prev.messages.some((x) => x.id === m.id)) return prev
        const messages = [
          ...prev.messages.filter((x) => x.clientId === null || x.clientId !== m.clientId),
          m,
        ]
        return { ...prev, messages: messages.sort((a, b) => a.seq - b.seq) }
      })
    // The stream opens first and the thread is fetched on its `ready`, so nothing between
    // the fetch and the stream can be missed; duplicates are dropped by id.
    const stream = openStream({
      ticketUrl: chat.ticketUrl,
      startAfter: null,
      events: EVENTS,
      onEvent(name, raw) {
        if (name === 'ready' || name === 'resync') return void load()
        const d = raw as { conversationId?: string }
        if (d.conversationId !== cid) return
        if (name === 'message') add((raw as ChatStreamEvents['message']).message)
        else if (name === 'conversation') void load()
        else if (name === 'read') {
          const r = raw as ChatStreamEvents['read']
          const key = r.side === 'agent' ? 'agentReadSeq' : 'shopperReadSeq'
          setData(
            (prev) =>
              prev && {
                ...prev,
                conversation: {
                  ...prev.conversation,
                  [key]: Math.max(prev.conversation[key], r.readSeq),
                },
              },
          )
        }
      },
    })
    return () => {
      stopped = true
      stream.close()
    }
  }, [chat, id])

  const lastSeq = data?.messages.at(-1)?.seq ?? 0
  useEffect(() => {
    const c = data?.conversation
    if (!c || lastSeq <= c.agentReadSeq || document.visibilityState !== 'visible') return
    setData(
      (prev) => prev && { ...prev, conversation: { ...prev.conversation, agentReadSeq: lastSeq } },
    )
    chat.read(c.id, lastSeq).catch(() => {})
  }, [lastSeq, data?.conversation.id])

  const c = data?.conversation ?? null
  return {
    chat,
    conversation: c,
    messages: data?.messages ?? [],
    error: id === null ? (expected ? 'No conversation belongs to this ticket.' : null) : failure,
    loading: id !== null && data === null && failure === null,
    seenId:
      c === null
        ? undefined
        : data?.messages.findLast((m) => m.author.kind === 'agent' && m.seq <= c.shopperReadSeq)
            ?.id,
    sent: (m) =>
      setData(
        (prev) =>
          prev && {
            ...prev,
            messages: prev.messages.some((x) => x.id === m.id)
              ? prev.messages
              : [...prev.messages, m],
          },
      ),
    end: () => {
      if (c === null) return
      chat.end(c.id).then(
        (r) => setData((prev) => prev && { ...prev, conversation: r.conversation }),
        (err: unknown) => setFailure(errorMessage(err)),
      )
    },
  }
}
