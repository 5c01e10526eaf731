import type { AgentConversation, ChatMessage, ChatStreamEvents } from '@porchlight/shared/api/chat'
import { useEffect, useMemo, useState } from 'preact/hooks'
import { openStream } from '../../common/event-stream.ts'
import type { ConsoleApi } from '../api.ts'
import { formatDateTime, label } from '../format.ts'
import { errorMessage } from '../messages.ts'
import { chatApi } from './chat-api.ts'
import { ReplyBox } from './reply-box.tsx'
import { Bidi } from '../bidi.tsx'
import type { FillContext } from '../saved-reply-picker.tsx'

const EVENTS = ['ready', 'message', 'read', 'conversation', 'resync'] as const

interface Loaded {
  conversation: AgentConversation
  messages: ChatMessage[]
}

function authorName(m: ChatMessage, c: AgentConversation): string {
  if (m.author.kind === 'shopper')
    return m.author.name ?? c.contact.name ?? c.contact.email ?? c.identity?.value ?? 'Shopper'
  if (m.author.kind === 'agent') return m.author.name ?? 'Agent'
  return 'Porchlight'
}

/**
 * A chat ticket's conversation, live: the console stream brings the shopper's messages and
 * read marks; the agent answers, says it is typing, and reads what arrives while looking.
 * `conversationId` comes with the ticket view (null: the ticket has no conversation).
 */
export function ConversationPanel(props: {
  api: ConsoleApi
  conversationId: string | null
  /** Saved replies in the answer box, filled from the ticket. */
  fill?: FillContext
}) {
  const id = props.conversationId
  const chat = useMemo(() => chatApi(props.api), [props.api])
  const [data, setData] = useState<Loaded | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const error = id === null ? 'No conversation belongs to this ticket.' : failure

  useEffect(() => {
    if (id === null) return
    const conversationId = id // narrowed for the functions below
    let stopped = false
    async function load() {
      try {
        const view = await chat.conversation(conversationId)
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
        if (d.conversationId !== conversationId) return
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

  // Read marks: what the agent has on screen is read, as it arrives.
  const lastSeq = data?.messages.at(-1)?.seq ?? 0
  useEffect(() => {
    const c = data?.conversation
    if (!c || lastSeq <= c.agentReadSeq || document.visibilityState !== 'visible') return
    setData(
      (prev) => prev && { ...prev, conversation: { ...prev.conversation, agentReadSeq: lastSeq } },
    )
    chat.read(c.id, lastSeq).catch(() => {})
  }, [lastSeq, data?.conversation.id])

  const c = data?.conversation
  const seenId =
    c && data.messages.findLast((m) => m.author.kind === 'agent' && m.seq <= c.shopperReadSeq)?.id
  return (
    <section class="card chat" aria-labelledby="chat-title" data-slot="conversation">
      <h2 id="chat-title">Conversation</h2>
      {error !== null && <p class="note note-error">{error}</p>}
      {data === null && error === null && <p class="muted">Loading…</p>}
      {c && (
        <>
          {c.previousId !== null && (
            <p class="muted">This conversation follows an earlier one with the same shopper.</p>
          )}
          {c.status === 'closed' && (
            <p class="note note-info">
              Closed{c.closedReason ? ` (${label(c.closedReason)})` : ''}
              {c.closedAt ? ` on ${formatDateTime(c.closedAt)}` : ''}. The shopper no longer sees
              this thread.
            </p>
          )}
          <div role="log" aria-live="polite" aria-label="Chat messages">
            {data.messages.length === 0 ? (
              <p class="muted">No messages yet.</p>
            ) : (
              <ol class="events chat-thread">
                {data.messages.map((m) => (
                  <li key={m.id} class={`event event-${m.author.kind}`} data-seq={m.seq}>
                    <p class="event-head">
                      <strong>
                        <Bidi>{authorName(m, c)}</Bidi>
                      </strong>
                      {' · '}
                      <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                      {m.id === seenId && ' · Seen by the shopper'}
                    </p>
                    <p class="event-body shopper-text">
                      <Bidi>{m.text}</Bidi>
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </div>
          {c.status === 'open' && (
            <button
              type="button"
              class="end-chat"
              onClick={() =>
                chat.end(c.id).then(
                  (r) => setData((prev) => prev && { ...prev, conversation: r.conversation }),
                  (err: unknown) => setFailure(errorMessage(err)),
                )
              }
            >
              End chat
            </button>
          )}
          {c.status === 'open' && (
            <ReplyBox
              chat={chat}
              conversationId={c.id}
              fill={props.fill}
              onSent={(m) =>
                setData(
                  (prev) =>
                    prev && {
                      ...prev,
                      messages: prev.messages.some((x) => x.id === m.id)
                        ? prev.messages
                        : [...prev.messages, m],
                    },
                )
              }
            />
          )}
        </>
      )}
    </section>
  )
}
