import { useEffect, useState } from 'preact/hooks'
import type { TicketPage } from '@porchlight/shared/api/agent'
import type { ConsoleApi } from './api.ts'
import type { Me } from './app.tsx'
import { Bidi } from './bidi.tsx'
import { label } from './format.ts'
import { viewName } from './inbox-views.tsx'
import { errorMessage } from './messages.ts'
import { Link } from './nav.tsx'
import { queueHref, shopperLabel } from './queue.tsx'
import { apiQuery, parseQueue, ticketHref } from './route.ts'

/**
 * The queue's current view (the one "Back to the queue" returns to), as a narrow list beside
 * the open ticket on wide screens. It reads itself again when the console stream says
 * something changed, like the queue. Its links are `row-link`s, so j and k move through it.
 */
export function InboxList(props: { api: ConsoleApi; me: Me; currentId: string; changes: number }) {
  const { api, me, currentId, changes } = props
  const href = queueHref()
  const [page, setPage] = useState<TicketPage | null>(null)
  const [error, setError] = useState<string | undefined>()
  const state = parseQueue(new URL(href, 'https://console.invalid').search)

  useEffect(() => {
    let live = true
    api.tickets(apiQuery(state, me.agent.id)).then(
      (p) => {
        if (!live) return
        setPage(p)
        setError(undefined)
      },
      (err) => live && setError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [api, href, me.agent.id, changes])

  return (
    <nav class="pane pane-list card" aria-labelledby="inbox-list-title">
      <h2 id="inbox-list-title">Inbox · {viewName(state.view)}</h2>
      <p>
        <Link href={href}>Back to the queue</Link>
      </p>
      {error && <p class="note note-error">{error}</p>}
      {page && page.tickets.length === 0 && <p class="muted">No tickets in this view.</p>}
      <ul class="inbox-list" aria-busy={page === null}>
        {page?.tickets.map((t) => (
          <li key={t.id}>
            <Link href={ticketHref(t.id)} class="row-link" current={t.id === currentId}>
              <span class="inbox-ref">{t.reference}</span>{' '}
              <span class="inbox-who">
                <Bidi>{shopperLabel(t)}</Bidi>
              </span>
              <span class="sub">
                {label(t.type)} · {label(t.status)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
