import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { TicketEventJson, TicketJson, TicketView } from '@porchlight/shared/api/agent'
import { ApiError, type ConsoleApi } from './api.ts'
import { useAnnounce } from './announce.tsx'
import type { Me } from './app.tsx'
import { label } from './format.ts'
import { InboxList } from './inbox-list.tsx'
import { useTicketLive } from './mail-replies.tsx'
import { CONFLICT_MESSAGE, errorMessage } from './messages.ts'
import { Link, PageHeading } from './nav.tsx'
import { readOrder, type OrderView } from './order-reader.ts'
import { queueHref } from './queue.tsx'
import { TicketSide } from './ticket-side.tsx'
import { TicketThread } from './ticket-thread.tsx'
import { useLayout } from './use-layout.ts'

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

/** What each pane of the ticket page is given: the ticket as read, and the way to change it. */
export interface PaneProps {
  view: TicketView
  order: OrderView | null
  api: ConsoleApi
  me: Me
  run: Run
  busy: boolean
}

function freshTicket(err: ApiError): TicketJson | undefined {
  const t = (err.details as { ticket?: unknown } | null | undefined)?.ticket
  return typeof t === 'object' && t !== null && 'version' in t ? (t as TicketJson) : undefined
}

/**
 * One ticket in up to three panes: the inbox list (wide screens), the thread with its composer,
 * and the shopper with the order and its controls. On a narrow screen one pane shows at a time,
 * with a button to the other. Every write names the version it read.
 */
export function TicketPage(props: { api: ConsoleApi; id: string; me: Me; changes?: number }) {
  const { api, id, me } = props
  const layout = useLayout()
  // Narrow screens only: which of the two panes shows. Both stay mounted, so drafts survive.
  const [pane, setPane] = useState<'thread' | 'side'>('thread')
  const sideRef = useRef<HTMLElement>(null)
  const threadRef = useRef<HTMLElement>(null)
  // Bumped by the buttons between panes: after the render that shows a pane, its start takes
  // the focus, as a new page's would (never on first load: the heading has it then).
  const [moved, setMoved] = useState(0)
  const show = (next: 'thread' | 'side') => {
    setPane(next)
    setMoved((n) => n + 1)
  }
  useEffect(() => {
    if (moved > 0) (pane === 'side' ? sideRef : threadRef).current?.focus()
  }, [moved])
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
  const narrow = layout === 'narrow'
  return (
    <div class={`ticket-panes layout-${layout}`}>
      {layout === 'wide' && (
        <InboxList api={api} me={me} currentId={t.id} changes={props.changes ?? 0} />
      )}
      <article
        class="ticket pane pane-thread"
        hidden={narrow && pane !== 'thread'}
        tabIndex={-1}
        ref={threadRef}
      >
        {/* On a wide screen the list beside the thread has the way back to the queue. */}
        {layout !== 'wide' && (
          <p class="pane-nav">
            <Link href={queueHref()}>Back to the queue</Link>
            {narrow && (
              <button type="button" onClick={() => show('side')}>
                Shopper and order
              </button>
            )}
          </p>
        )}
        <PageHeading>
          Ticket {t.reference} · {label(t.type)}
        </PageHeading>
        {conflict && <p class="note note-warn">{CONFLICT_MESSAGE}</p>}
        <TicketThread
          view={view}
          order={order}
          api={api}
          me={me}
          run={run}
          busy={busy}
          liveTick={liveTick}
          onLive={onLive}
          onShow={() => setPane('thread')}
        />
      </article>
      <aside
        class="pane pane-side"
        aria-label="Shopper and order"
        hidden={narrow && pane !== 'side'}
        tabIndex={-1}
        ref={sideRef}
      >
        {narrow && (
          <p class="pane-nav">
            <button type="button" onClick={() => show('thread')}>
              Back to the thread
            </button>
          </p>
        )}
        <TicketSide view={view} order={order} api={api} me={me} run={run} busy={busy} />
      </aside>
    </div>
  )
}
