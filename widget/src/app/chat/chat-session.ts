import type {
  AvailabilityResponse,
  ChatMessage,
  ChatStreamEvents,
  CurrentConversationResponse,
  ShopperConversation,
} from '@porchlight/shared/api/chat'
import { problemFor, type Problem } from '../problem.ts'
import { createStore, type Store } from '../store.ts'
import { createChatApi, type ChatApi } from './chat-api.ts'
import { openStream, type Stream } from '../../common/event-stream.ts'

/** A message as the thread shows it: the server's, or our optimistic copy until it answers. */
export type ThreadMessage = ChatMessage & { state?: 'sending' | 'failed' }

export interface ChatState {
  phase: 'loading' | 'intro' | 'ready' | 'failed'
  conversation: ShopperConversation | null
  messages: ThreadMessage[]
  /** The conversation ended while the shopper was here: say so above an empty thread. */
  ended: boolean
  /** The conversation that ended, so the shopper can rate it. */
  endedId: string | null
  typing: { name: string; until: number } | null
  availability: AvailabilityResponse | null
  live: boolean
  problem: Problem | null
}

const STREAM_EVENTS = ['ready', 'message', 'read', 'conversation', 'typing', 'resync'] as const

const bySeq = (a: ThreadMessage, b: ThreadMessage) => a.seq - b.seq

/**
 * The shopper's chat for one store, alive for the iframe's lifetime (not the screen's): leaving
 * the chat for the portal home keeps the stream, so agent answers still raise the launcher badge.
 */
export interface ChatSession {
  state: Store<ChatState>
  api: ChatApi
  start(): Promise<void>
  startVisitor(name: string, email: string): Promise<boolean>
  send(text: string, locale: string): Promise<void>
  retry(clientId: string, locale: string): Promise<void>
  /** Whether the thread is on screen; while it is, agent messages are marked read at once. */
  setVisible(visible: boolean): void
}

let clientIds = 0
const newClientId = () =>
  `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}${clientIds++}`

export function createChatSession(
  storeKey: string,
  onUnread: (count: number) => void,
  initial?: CurrentConversationResponse,
): ChatSession {
  const api = createChatApi(storeKey)
  const state = createStore<ChatState>({
    phase: 'loading',
    conversation: null,
    messages: [],
    ended: false,
    endedId: null,
    typing: null,
    availability: null,
    live: false,
    problem: null,
  })
  const patch = (p: Partial<ChatState>) => state.set({ ...state.get(), ...p })
  let stream: Stream | undefined
  let visible = false
  let typingTimer: ReturnType<typeof setTimeout> | undefined
  let lastPosted = -1

  function reportUnread() {
    const unread = visible ? 0 : (state.get().conversation?.unread ?? 0)
    if (unread !== lastPosted) onUnread((lastPosted = unread))
  }

  async function markRead() {
    const s = state.get()
    const c = s.conversation
    const lastSeq = Math.max(0, ...s.messages.filter((m) => !m.state).map((m) => m.seq))
    if (!visible || c === null || (c.unread === 0 && c.shopperReadSeq >= lastSeq)) return
    patch({ conversation: { ...c, unread: 0, shopperReadSeq: lastSeq } })
    await api.read(lastSeq)
  }

  function adopt(current: CurrentConversationResponse) {
    const was = state.get().conversation
    const wasOpen = was !== null
    const ended = wasOpen && current.conversation === null
    patch({
      phase: 'ready',
      conversation: current.conversation,
      // No conversation: nothing of the old thread may stay on screen (the 24-hour revert).
      messages: current.conversation === null ? [] : [...current.messages].sort(bySeq),
      ended,
      endedId: ended ? was.id : null,
      problem: null,
    })
    reportUnread()
    void markRead()
  }

  async function refetch() {
    const current = await api.current()
    if (current.ok) adopt(current.value)
    return current
  }

  function upsert(message: ChatMessage) {
    const s = state.get()
    if (s.messages.some((m) => m.id === message.id)) return false
    const rest = s.messages.filter(
      (m) => message.clientId === null || m.clientId !== message.clientId,
    )
    patch({ messages: [...rest, message].sort(bySeq) })
    return true
  }

  function onEvent(name: string, data: unknown) {
    const s = state.get()
    if (name === 'resync') return void refetch()
    if (name === 'typing') {
      const d = data as ChatStreamEvents['typing']
      if (d.conversationId !== s.conversation?.id) return
      clearTimeout(typingTimer)
      typingTimer = setTimeout(() => patch({ typing: null }), d.expiresInMs)
      return patch({ typing: { name: d.agentName, until: Date.now() + d.expiresInMs } })
    }
    if (name === 'message') {
      const d = data as ChatStreamEvents['message']
      // A message of a conversation we do not hold (a new one started elsewhere): refetch.
      if (d.conversationId !== s.conversation?.id) return void refetch()
      if (!upsert(d.message)) return
      if (d.message.author.kind === 'agent') {
        const c = state.get().conversation!
        patch({ typing: null, conversation: { ...c, unread: c.unread + 1 } })
        reportUnread()
        void markRead()
      }
      return
    }
    if (name === 'read') {
      const d = data as ChatStreamEvents['read']
      const c = s.conversation
      if (c === null || d.conversationId !== c.id) return
      const key = d.side === 'agent' ? 'agentReadSeq' : 'shopperReadSeq'
      return patch({ conversation: { ...c, [key]: Math.max(c[key], d.readSeq) } })
    }
    if (name === 'conversation') {
      // Started, closed or reverted: the server decides what is current now.
      void refetch()
    }
  }

  function connect(cursor: number) {
    if (stream !== undefined) return
    stream = openStream({
      ticketUrl: api.ticketUrl,
      startAfter: String(cursor),
      events: STREAM_EVENTS,
      onEvent,
      onLive: (live) => patch({ live }),
    })
  }

  async function start() {
    void api.availability().then((r) => r.ok && patch({ availability: r.value }))
    if (!api.hasToken()) return patch({ phase: 'intro' })
    if (api.signedIn()) await api.linkVisitor()
    const current = initial ? { ok: true as const, value: initial } : await api.current()
    initial = undefined
    if (!current.ok) {
      if (!api.hasToken()) return patch({ phase: 'intro' })
      return patch({ phase: 'failed', problem: problemFor(current.error) })
    }
    adopt(current.value)
    connect(current.value.cursor)
  }

  async function deliver(text: string, clientId: string, locale: string) {
    const result = await api.send(text, clientId, locale)
    const s = state.get()
    if (!result.ok) {
      return patch({
        problem: problemFor(result.error),
        messages: s.messages.map((m) => (m.clientId === clientId ? { ...m, state: 'failed' } : m)),
      })
    }
    const { conversation, message } = result.value
    patch({ conversation, ended: false, endedId: null, problem: null })
    upsert(message)
  }

  return {
    state,
    api,
    start,
    async startVisitor(name, email) {
      const result = await api.startVisitor(name, email)
      if (!result.ok) {
        patch({ problem: problemFor(result.error) })
        return false
      }
      await start()
      return true
    },
    async send(text, locale) {
      const s = state.get()
      const clientId = newClientId()
      const optimistic: ThreadMessage = {
        id: `local:${clientId}`,
        conversationId: s.conversation?.id ?? '',
        // After everything we have, until the server gives the real number.
        seq: Number.MAX_SAFE_INTEGER,
        author: { kind: 'shopper', name: null },
        text,
        systemKind: null,
        data: null,
        clientId,
        createdAt: new Date().toISOString(),
        state: 'sending',
      }
      patch({ messages: [...s.messages, optimistic], ended: false, endedId: null })
      await deliver(text, clientId, locale)
    },
    async retry(clientId, locale) {
      const s = state.get()
      const m = s.messages.find((x) => x.clientId === clientId)
      if (m === undefined) return
      patch({ messages: s.messages.map((x) => (x === m ? { ...x, state: 'sending' } : x)) })
      // The same clientId: if the first try did reach the server, it is stored once.
      await deliver(m.text, clientId, locale)
    },
    setVisible(next) {
      visible = next
      reportUnread()
      void markRead()
    },
  }
}

const sessions = new Map<string, ChatSession>()

/** The store's one chat session in this iframe, created (and started) on first use. */
export function chatSession(
  storeKey: string,
  onUnread: (count: number) => void,
  initial?: CurrentConversationResponse,
): ChatSession {
  let session = sessions.get(storeKey)
  if (session === undefined) {
    session = createChatSession(storeKey, onUnread, initial)
    sessions.set(storeKey, session)
    void session.start()
  }
  return session
}

/** For tests: forget every session (and close nothing: tests stub EventSource). */
export function resetChatSessions(): void {
  sessions.clear()
}
