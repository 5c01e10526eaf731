/**
 * The console's side of two-way email: the ticket page hears of a new history entry (a
 * shopper's emailed reply) on the console stream and reloads; replies held because someone
 * other than the shopper sent them are listed for the agent to accept or discard; and an
 * emailed message's attachments are listed with a download link.
 */
import type { HeldRepliesResponse, HeldReplyJson } from '@porchlight/shared/api/mail-replies'
import type { TicketEventJson } from '@porchlight/shared/api/agent'
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import { openStream } from '../common/event-stream.ts'
import type { ConsoleApi } from './api.ts'
import { useAnnounce } from './announce.tsx'
import { Bidi } from './bidi.tsx'
import { chatApi } from './chat/chat-api.ts'
import { formatDateTime } from './format.ts'
import { errorMessage } from './messages.ts'

// The server's live kinds (services/mail-replies/thread-post.ts and held-replies.ts).
const LIVE = ['ready', 'resync', 'ticket_event', 'held_replies'] as const

/**
 * Calls `onChange` when the ticket's history or its held replies change elsewhere (a reply
 * came in by email, another agent accepted one). The stream opens before anything else, so a
 * change between the page's fetch and the stream is caught by the `ready` reload.
 */
export function useTicketLive(api: ConsoleApi, ticketId: string, onChange: () => void) {
  const chat = useMemo(() => chatApi(api), [api])
  useEffect(() => {
    let ready = false
    const stream = openStream({
      ticketUrl: chat.ticketUrl,
      startAfter: null,
      events: LIVE,
      onEvent(name, raw) {
        if (name === 'ready' || name === 'resync') {
          // The first ready follows the page's own load; later ones (a reconnect) may have missed some.
          if (ready) onChange()
          ready = true
          return
        }
        if ((raw as { ticketId?: unknown }).ticketId === ticketId) onChange()
      },
    })
    return () => stream.close()
  }, [chat, ticketId, onChange])
}

const path = (id: string, action: string) =>
  `/v1/agent/held-replies/${encodeURIComponent(id)}/${action}`

/** Replies to this ticket held for an agent; `version` changes when they may have changed. */
export function HeldReplies(props: {
  api: ConsoleApi
  ticketId: string
  version: number
  onAccepted: () => void
}) {
  const { api, ticketId, version, onAccepted } = props
  const announce = useAnnounce()
  const [held, setHeld] = useState<HeldReplyJson[]>([])
  const [busy, setBusy] = useState(false)
  const load = useCallback(async () => {
    try {
      const res = await api.request<HeldRepliesResponse>(
        'GET',
        `/v1/agent/held-replies?ticket=${encodeURIComponent(ticketId)}`,
      )
      setHeld(res.heldReplies)
    } catch {
      // The list is an extra: the ticket page stays usable without it.
    }
  }, [api, ticketId])
  useEffect(() => {
    void load()
  }, [load, version])

  const act = async (reply: HeldReplyJson, action: 'accept' | 'discard') => {
    setBusy(true)
    try {
      await api.request('POST', path(reply.id, action))
      announce(action === 'accept' ? 'Reply added to the thread.' : 'Reply discarded.')
      if (action === 'accept') onAccepted()
    } catch (err) {
      announce(errorMessage(err), 'error')
    } finally {
      setBusy(false)
      void load()
    }
  }

  if (held.length === 0) return null
  return (
    <section class="card" aria-labelledby="held-title">
      <h2 id="held-title">Held replies</h2>
      <p class="muted">
        These came to the ticket’s reply address from someone other than the shopper.
      </p>
      <ol class="events">
        {held.map((h) => (
          <li key={h.id} class="event">
            <p class="event-head">
              <strong>
                <Bidi>{h.from}</Bidi>
              </strong>
              {' · '}
              <time dateTime={h.receivedAt}>{formatDateTime(h.receivedAt)}</time>
            </p>
            <p class="event-body shopper-text">
              <Bidi>{h.body}</Bidi>
            </p>
            <AttachmentList items={h.attachments} />
            <p>
              <button type="button" disabled={busy} onClick={() => void act(h, 'accept')}>
                Add to the thread
              </button>{' '}
              <button type="button" disabled={busy} onClick={() => void act(h, 'discard')}>
                Discard
              </button>
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}

interface Attachment {
  id: string
  filename: string
  size: number
}

// Event data is written by the server but carries the sender's file names: read it field by field.
function attachmentsOf(e: TicketEventJson): Attachment[] {
  const list = e.data['attachments']
  if (!Array.isArray(list)) return []
  return list.flatMap((a: unknown) => {
    const x = a as Partial<Attachment> | null
    return typeof x?.id === 'string' && typeof x.filename === 'string' && typeof x.size === 'number'
      ? [{ id: x.id, filename: x.filename, size: x.size }]
      : []
  })
}

function AttachmentList(props: { items: Attachment[] }) {
  if (props.items.length === 0) return null
  return (
    <ul class="attachments">
      {props.items.map((a) => (
        <li key={a.id}>
          <a href={`/v1/agent/mail-attachments/${encodeURIComponent(a.id)}`} download>
            <Bidi>{a.filename}</Bidi>
          </a>{' '}
          <span class="muted">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
        </li>
      ))}
    </ul>
  )
}

/** The attachments of a history entry (an emailed reply's), if any. */
export function EventAttachments(props: { e: TicketEventJson }) {
  return <AttachmentList items={attachmentsOf(props.e)} />
}
