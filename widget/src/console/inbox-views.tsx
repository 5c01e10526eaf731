import type { InboxResponse, InboxView } from '@porchlight/shared/api/inbox'
import { Link } from './nav.tsx'
import { BASE, queueSearch, type QueueState } from './route.ts'

const VIEWS: ReadonlyArray<[InboxView | '', string]> = [
  ['mine', 'Mine'],
  ['unassigned', 'Unassigned'],
  ['open', 'All open'],
  ['chats', 'Chats'],
  ['decisions', 'Waiting for a decision'],
  ['', 'All tickets'],
]

export const viewName = (view: InboxView | '') => VIEWS.find(([v]) => v === view)?.[1] ?? ''

/** The inbox views with their open and unread counts, live; the current one is marked. */
export function InboxViews(props: { state: QueueState; inbox: InboxResponse | null }) {
  const { state, inbox } = props
  return (
    <nav aria-label="Inbox views" class="views">
      <ul>
        {VIEWS.map(([view, name]) => {
          const count = view === '' ? undefined : inbox?.views[view]
          return (
            <li key={view || 'all'}>
              <Link
                href={`${BASE}${queueSearch({ ...state, view, page: 1 })}`}
                current={state.view === view}
              >
                {name}
                {count !== undefined && (
                  <>
                    {' '}
                    <span class="count">
                      {count.total}
                      <span class="sr-only"> open</span>
                    </span>
                    {count.unread > 0 && (
                      <span class="unread">
                        {count.unread}
                        <span class="sr-only"> unread</span>
                      </span>
                    )}
                  </>
                )}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
