import type { TicketEventJson, TicketJson } from '@porchlight/shared/api/agent'
import type { AgentConversation, ChatMessage } from '@porchlight/shared/api/chat'
import type { Me } from './app.tsx'
import { Bidi } from './bidi.tsx'
import type { ConversationState } from './chat/use-conversation.ts'
import { formatDateTime, label } from './format.ts'
import { actorName, describe } from './history.tsx'
import { EventAttachments } from './mail-replies.tsx'
import type { OrderView } from './order-reader.ts'
import { threadItems, type ThreadItem } from './thread.ts'

function chatAuthor(m: ChatMessage, c: AgentConversation): string {
  if (m.author.kind === 'shopper')
    return m.author.name ?? c.contact.name ?? c.contact.email ?? c.identity?.value ?? 'Shopper'
  if (m.author.kind === 'agent') return m.author.name ?? 'Agent'
  return 'Porchlight'
}

const When = (props: { at: string }) => <time dateTime={props.at}>{formatDateTime(props.at)}</time>

/** The request the ticket was opened with: its reason, the shopper's words and the lines. */
function Request(props: { ticket: TicketJson; order: OrderView | null; me: Me }) {
  const { ticket: t } = props
  const titles = new Map(props.order?.lines.map((l) => [l.id, l.title]))
  const created: TicketEventJson = {
    id: 'request',
    kind: 'created',
    actor: { kind: 'shopper', id: null },
    data: {},
    at: t.createdAt,
  }
  return (
    <li class="event event-shopper thread-request">
      <p class="event-head">
        <strong>{actorName(created, t, props.me)}</strong> opened the ticket ({label(t.type)})
        {' · '}
        <When at={t.createdAt} />
      </p>
      {t.reason !== null && (
        <p class="event-body">
          <strong>Reason:</strong> <Bidi>{label(t.reason)}</Bidi>
        </p>
      )}
      {t.comment !== null && (
        <blockquote class="shopper-text">
          <Bidi>{t.comment}</Bidi>
        </blockquote>
      )}
      {t.lines.length > 0 && (
        <ul class="plain">
          {t.lines.map((l) => (
            <li key={l.lineItemId}>
              {l.quantity} × <Bidi>{titles.get(l.lineItemId) ?? l.lineItemId}</Bidi>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

function Entry(props: {
  item: ThreadItem
  ticket: TicketJson
  order: OrderView | null
  me: Me
  chat: ConversationState | null
}) {
  const { item, ticket: t, me } = props
  if (item.kind === 'request') return <Request ticket={t} order={props.order} me={me} />
  if (item.kind === 'chat') {
    const m = item.message
    const c = props.chat?.conversation
    return (
      <li class={`event event-${item.role}`} data-seq={m.seq}>
        <p class="event-head">
          <strong>
            <Bidi>{c ? chatAuthor(m, c) : (m.author.name ?? 'Porchlight')}</Bidi>
          </strong>
          {' · '}
          <When at={m.createdAt} />
          {m.id === props.chat?.seenId && ' · Seen by the shopper'}
        </p>
        <p class="event-body shopper-text">
          <Bidi>{m.text}</Bidi>
        </p>
      </li>
    )
  }
  const e = item.event
  const { what, body } = describe(e, me)
  return (
    <li class={`event event-${item.role}`} data-kind={e.kind}>
      <p class="event-head">
        {item.role === 'note' && <span class="note-tag">Internal note</span>}
        <strong>{actorName(e, t, me)}</strong>
        {item.role !== 'note' && <> {what}</>}
        {' · '}
        <When at={e.at} />
      </p>
      {body !== null && (
        <p class="event-body shopper-text">
          <Bidi>{body}</Bidi>
        </p>
      )}
      <EventAttachments e={e} />
    </li>
  )
}

/**
 * The ticket's one thread, oldest first (the order is `threadItems`'s): the request, messages by
 * chat and email, replies, internal notes (marked, on their own background) and what happened.
 * A chat ticket's thread is live (a log), with its state and the button that ends it.
 */
export function ThreadView(props: {
  ticket: TicketJson
  order: OrderView | null
  history: TicketEventJson[]
  me: Me
  chat: ConversationState | null
}) {
  const { ticket: t, chat } = props
  const items = threadItems(t, props.history, chat?.messages)
  const c = chat?.conversation ?? null
  const list = (
    <ol class="events thread-items">
      {items.map((item) => (
        <Entry
          key={item.key}
          item={item}
          ticket={t}
          order={props.order}
          me={props.me}
          chat={chat}
        />
      ))}
    </ol>
  )
  return (
    <section
      class="card thread"
      aria-labelledby="thread-title"
      data-slot={chat ? 'conversation' : undefined}
    >
      <div class="thread-head">
        <h2 id="thread-title">Thread</h2>
        {c?.status === 'open' && (
          <button type="button" class="end-chat" onClick={chat?.end}>
            End chat
          </button>
        )}
      </div>
      {chat?.error && <p class="note note-error">{chat.error}</p>}
      {chat?.loading && <p class="muted">Loading the conversation…</p>}
      {c?.previousId != null && (
        <p class="muted">This conversation follows an earlier one with the same shopper.</p>
      )}
      {c?.status === 'closed' && (
        <p class="note note-info">
          Closed{c.closedReason ? ` (${label(c.closedReason)})` : ''}
          {c.closedAt ? ` on ${formatDateTime(c.closedAt)}` : ''}. The shopper no longer sees this
          thread.
        </p>
      )}
      {chat ? (
        <div role="log" aria-live="polite" aria-label="Chat messages">
          {list}
        </div>
      ) : (
        list
      )}
    </section>
  )
}
