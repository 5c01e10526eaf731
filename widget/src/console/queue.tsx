import { useEffect, useRef, useState } from 'preact/hooks'
import type { TicketJson, TicketPage } from '@porchlight/shared/api/agent'
import type { InboxResponse } from '@porchlight/shared/api/inbox'
import type { ConsoleApi } from './api.ts'
import type { Me } from './app.tsx'
import { formatAge, formatDateTime, label } from './format.ts'
import { errorMessage } from './messages.ts'
import { Link, PageHeading, useNavigate } from './nav.tsx'
import { QueueFilters } from './queue-filters.tsx'
import {
  apiQuery,
  BASE,
  PAGE_SIZES,
  queueSearch,
  ticketHref,
  type PageSize,
  type QueueState,
} from './route.ts'
import { Bidi } from './bidi.tsx'
import { InboxViews, viewName } from './inbox-views.tsx'

/** How often the "waiting" times move on. */
const TICK_MS = 30_000

/** Who the shopper is, from what the ticket knows (typed name first, verified identity after). */
export function shopperLabel(t: TicketJson): string {
  return t.shopper.name ?? t.shopper.email ?? t.shopper.identity?.value ?? 'Unknown shopper'
}

// The last queue view, so "Back to the queue" returns to the same filters and page.
let lastQueueHref = BASE
export const queueHref = () => lastQueueHref

// Arrow keys move between rows (j/k too, from keyboard.tsx); Enter on the focused link opens it.
function onRowKey(e: KeyboardEvent) {
  const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 }
  const step = keys[e.key]
  const home = e.key === 'Home'
  const end = e.key === 'End'
  if (step === undefined && !home && !end) return
  const links = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('a.row-link')]
  const at = links.indexOf(document.activeElement as HTMLElement)
  const next = home
    ? 0
    : end
      ? links.length - 1
      : Math.min(links.length - 1, Math.max(0, at + (step ?? 0)))
  if (links[next]) {
    e.preventDefault()
    links[next].focus()
  }
}

/**
 * The store's inbox: its views with live counts, filters, search, a keyboard-navigable table
 * and a pager. `changes` moves whenever the console stream says something new arrived; the
 * list reads itself again then, without a reload.
 */
export function Queue(props: {
  api: ConsoleApi
  state: QueueState
  me: Me
  inbox?: InboxResponse | null
  changes?: number
}) {
  const { api, state, me, inbox = null, changes = 0 } = props
  const navigate = useNavigate()
  const [page, setPage] = useState<TicketPage | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | undefined>()
  const search = queueSearch(state)
  const now = useRef(Date.now())
  const [, tick] = useState(0)
  lastQueueHref = `${BASE}${search}`

  useEffect(() => {
    const timer = setInterval(() => {
      now.current = Date.now()
      tick((n) => n + 1)
    }, TICK_MS)
    return () => clearInterval(timer)
  }, [])
  const waitingSince = new Map(inbox?.waiting.map((w) => [w.ticketId, w.since]) ?? [])

  // Keyed on the state object, not its query string: searching again (or any navigation)
  // refreshes the list even when the filters are unchanged.
  useEffect(() => {
    let live = true
    setLoading(true)
    api.tickets(apiQuery(state, me.agent.id)).then(
      (p) => {
        if (!live) return
        now.current = Date.now()
        setPage(p)
        setError(undefined)
        setLoading(false)
      },
      (err) => {
        if (!live) return
        setError(errorMessage(err))
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [api, state, me.agent.id, changes])

  const go = (s: QueueState) => navigate(`${BASE}${queueSearch(s)}`)
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1
  const first = page && page.total > 0 ? (page.page - 1) * page.pageSize + 1 : 0
  const last = page ? Math.min(page.total, first + page.tickets.length - 1) : 0

  return (
    <section aria-labelledby="queue-title" class="queue">
      <PageHeading id="queue-title">Queue</PageHeading>
      <InboxViews state={state} inbox={inbox} />
      <QueueFilters state={state} onChange={go} />
      <p>
        {/* The same filters, every page (the server ignores paging here). */}
        <a
          class="button"
          href={`/v1/agent/tickets/export.csv?${apiQuery(state, me.agent.id)}`}
          download
        >
          Export CSV
        </a>
      </p>
      {error && <p class="note note-error">{error}</p>}
      <div class="table-wrap" aria-busy={loading}>
        <table>
          <caption class="sr-only">
            {viewName(state.view)}: tickets, newest first. Use the arrow keys or j and k to move
            between tickets.
          </caption>
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Channel</th>
              <th scope="col">Shopper</th>
              <th scope="col">Order</th>
              <th scope="col">Age</th>
              <th scope="col">Assignee</th>
            </tr>
          </thead>
          <tbody onKeyDown={onRowKey}>
            {page?.tickets.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  <Link href={ticketHref(t.id)} class="row-link">
                    {t.reference}
                  </Link>
                </th>
                <td>{label(t.type)}</td>
                <td>
                  <span class={`badge badge-${t.status}`}>{label(t.status)}</span>
                  {t.requestStatus && <span class="sub">{label(t.requestStatus)}</span>}
                  {t.refundStatus && <span class="sub">{label(t.refundStatus)}</span>}
                </td>
                <td>{label(t.channel)}</td>
                <td>
                  <span class="clip">
                    <Bidi>{shopperLabel(t)}</Bidi>
                  </span>
                </td>
                <td>{t.order ? <Bidi>{t.order.name}</Bidi> : '—'}</td>
                <td>
                  <time dateTime={t.createdAt} title={formatDateTime(t.createdAt)}>
                    {formatAge(t.createdAt, now.current)}
                  </time>
                  {waitingSince.has(t.id) && (
                    <span class="sub waiting">
                      Waiting {formatAge(waitingSince.get(t.id) as string, now.current)}
                    </span>
                  )}
                </td>
                <td>
                  {t.assigneeId === null
                    ? '—'
                    : t.assigneeId === me.agent.id
                      ? 'Me'
                      : (me.agents.get(t.assigneeId)?.name ?? 'Another agent')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.tickets.length === 0 && <p class="empty">No tickets match these filters.</p>}
      </div>
      <nav class="pager" aria-label="Pages">
        <p role="status">
          {page ? (page.total === 0 ? '0 tickets' : `${first}–${last} of ${page.total}`) : ' '}
        </p>
        <button
          type="button"
          disabled={state.page <= 1}
          onClick={() => go({ ...state, page: state.page - 1 })}
        >
          Previous
        </button>
        <span>
          Page {state.page} of {pages}
        </span>
        <button
          type="button"
          disabled={state.page >= pages}
          onClick={() => go({ ...state, page: state.page + 1 })}
        >
          Next
        </button>
        <label for="page-size">Per page</label>
        <select
          id="page-size"
          value={String(state.pageSize)}
          onChange={(e) =>
            go({ ...state, page: 1, pageSize: Number(e.currentTarget.value) as PageSize })
          }
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </nav>
    </section>
  )
}
