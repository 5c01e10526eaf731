import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import type { TicketEventJson, TicketJson, TicketView } from '@porchlight/shared/api/agent'
import { ApiError, type ConsoleApi } from './api.ts'
import { useAnnounce } from './announce.tsx'
import type { Me } from './app.tsx'
import { DecisionForm } from './decision-form.tsx'
import { label, replyRoute } from './format.ts'
import { ConversationPanel } from './chat/conversation-panel.tsx'
import { History, Notes } from './history.tsx'
import { HeldReplies, useTicketLive } from './mail-replies.tsx'
import { CONFLICT_MESSAGE, errorMessage } from './messages.ts'
import { Link, PageHeading } from './nav.tsx'
import { OrderPanel } from './order-panel.tsx'
import { readOrder } from './order-reader.ts'
import { queueHref } from './queue.tsx'
import { RefundForm } from './refund-form.tsx'
import { AppeasementForm } from './appeasement-form.tsx'
import { ReturnPanel } from './return-panel.tsx'
import { AddressChangePanel } from './address-change-panel.tsx'
import { TextForm } from './text-form.tsx'
import { fillContext } from './saved-reply-picker.tsx'
import { TicketControls } from './ticket-controls.tsx'
import { TicketRating } from './ticket-rating.tsx'
import { TicketSummary } from './ticket-summary.tsx'

/** What a write brings back: a whole view, the changed ticket, or one new history event. */
export type WriteResult = { view?: TicketView; ticket?: TicketJson; event?: TicketEventJson }

/**
 * Runs one write with the version the agent is looking at. Resolves true when it was saved, so
 * a form clears its draft only then (a refused reply or reason stays for another try).
 */
export type Run = (
  write: (version: number) => Promise<WriteResult>,
  saved: string,
) => Promise<boolean>

function freshTicket(err: ApiError): TicketJson | undefined {
  const t = (err.details as { ticket?: unknown } | null | undefined)?.ticket
  return typeof t === 'object' && t !== null && 'version' in t ? (t as TicketJson) : undefined
}

/** One ticket with the order beside it; every write names the version it read. */
export function TicketPage(props: { api: ConsoleApi; id: string; me: Me }) {
  const { api, id, me } = props
  const announce = useAnnounce()
  const [view, setView] = useState<TicketView | null>(null)
  const [loadError, setLoadError] = useState<string | undefined>()
  const [conflict, setConflict] = useState(false)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(async () => {
    try {
      const fresh = await api.ticket(id)
      // Keep the order we have if a write's answer came without one.
      setView((prev) => ({ ...fresh, order: fresh.order ?? prev?.order }))
      setLoadError(undefined)
    } catch (err) {
      setLoadError(errorMessage(err))
    }
  }, [api, id])

  useEffect(() => {
    void reload()
  }, [reload])
  // A shopper's emailed reply (or another agent's accepting one) shows without a reload.
  const [liveTick, setLiveTick] = useState(0)
  const onLive = useCallback(() => {
    setLiveTick((n) => n + 1)
    void reload()
  }, [reload])
  useTicketLive(api, id, onLive)

  const run: Run = async (write, saved) => {
    if (view === null || busy) return false
    setBusy(true)
    try {
      const res = await write(view.ticket.version)
      if (res.view) setView((prev) => ({ ...res.view!, order: res.view!.order ?? prev?.order }))
      else if (res.event) {
        const event = res.event
        setView((prev) => prev && { ...prev, history: [...prev.history, event] })
      } else if (res.ticket) {
        const ticket = res.ticket
        setView((prev) => prev && { ...prev, ticket })
        void reload() // for the new history entry
      }
      setConflict(false)
      announce(saved)
      return true
    } catch (err) {
      // A 401 already took the agent back to sign-in, with its own message.
      if (err instanceof ApiError && err.status === 401) return false
      if (err instanceof ApiError && err.code === 'version_conflict') {
        const ticket = freshTicket(err)
        if (ticket) setView((prev) => prev && { ...prev, ticket })
        setConflict(true)
        announce(CONFLICT_MESSAGE, 'error')
      } else {
        announce(errorMessage(err), 'error')
      }
      // Whatever refused the write may have changed the ticket or its order: show it as it is.
      if (err instanceof ApiError) void reload()
      return false
    } finally {
      setBusy(false)
    }
  }

  const order = useMemo(() => readOrder(view?.order), [view?.order])

  if (view === null) {
    return (
      <article class="ticket" aria-busy={loadError === undefined}>
        <p>
          <Link href={queueHref()}>Back to the queue</Link>
        </p>
        <PageHeading>Ticket</PageHeading>
        {loadError ? <p class="note note-error">{loadError}</p> : <p class="muted">Loading…</p>}
      </article>
    )
  }

  const t = view.ticket
  const route = replyRoute(t.shopper)
  const fill = fillContext(api, t, order)
  return (
    <article class="ticket">
      <p>
        <Link href={queueHref()}>Back to the queue</Link>
      </p>
      <PageHeading>
        Ticket {t.reference} · {label(t.type)}
      </PageHeading>
      {conflict && <p class="note note-warn">{CONFLICT_MESSAGE}</p>}
      <div class="ticket-grid">
        <div class="ticket-main">
          <TicketSummary ticket={t} order={order} me={me} />
          <TicketRating rating={view.rating} />
          <TicketControls ticket={t} me={me} api={api} run={run} busy={busy} />
          {t.type === 'address_change' && <AddressChangePanel ticket={t} api={api} />}
          {t.requestStatus !== null && <DecisionForm ticket={t} api={api} run={run} busy={busy} />}
          {t.order !== null && (
            <RefundForm ticket={t} order={order} api={api} run={run} busy={busy} />
          )}
          {t.type === 'return' && t.requestStatus === 'approved' && (
            <ReturnPanel ticket={t} api={api} run={run} busy={busy} />
          )}
          {/* Only once the store gave the order: without it there are no lines to refund. */}
          {t.order !== null && order !== null && (
            <AppeasementForm ticket={t} api={api} run={run} busy={busy} />
          )}
          {t.type === 'chat' && (
            <ConversationPanel api={api} conversationId={view.conversationId} fill={fill} />
          )}
          {t.type !== 'chat' && (
            <TextForm
              id="reply"
              title="Reply to the shopper"
              hint={
                route === null
                  ? 'The shopper left no email or phone: a reply cannot reach them.'
                  : `Sent to the shopper ${route}.`
              }
              submit="Send reply"
              busy={busy}
              savedReplies={fill}
              shortcut="r"
              onSubmit={(body) => run(async () => api.reply(t.id, body), 'Reply sent.')}
            />
          )}
          <HeldReplies api={api} ticketId={t.id} version={liveTick} onAccepted={onLive} />
          <Notes ticket={t} history={view.history} me={me}>
            <TextForm
              id="note"
              title="Add an internal note"
              hint="Only agents see notes."
              submit="Add note"
              nested
              busy={busy}
              shortcut="n"
              onSubmit={(body) => run(async () => api.note(t.id, body), 'Note added.')}
            />
          </Notes>
          <History ticket={t} history={view.history} me={me} />
        </div>
        <OrderPanel ticket={t} order={order} />
      </div>
    </article>
  )
}
