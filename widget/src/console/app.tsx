import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { AgentSummary } from '@porchlight/shared/api/agent'
import { createApi, type ConsoleApi, type Teammate } from './api.ts'
import { Announcer } from './announce.tsx'
import { Link, NavContext } from './nav.tsx'
import { Queue } from './queue.tsx'
import { InsightsPage } from './insights/insights-page.tsx'
import { BASE, INSIGHTS_HREF, parseRoute, SETTINGS_HREF, type Route } from './route.ts'
import { OrderPage } from './orders/order-page.tsx'
import { ORDERS_HREF } from './orders/order-route.ts'
import { OrdersPage } from './orders/orders-page.tsx'
import { SettingsPage } from './settings-page.tsx'
import { SignIn } from './sign-in.tsx'
import { AgentsPage } from './team/agents-page.tsx'
import { SetPasswordPage } from './team/set-password-page.tsx'
import { WebhooksPage } from './team/webhooks-page.tsx'
import { TicketPage } from './ticket-page.tsx'
import { createLiveFeed, LiveContext, type LiveFeed } from './live-feed.ts'
import { newTabId, usePresence } from './presence.ts'
import { StatusBar } from './status-bar.tsx'
import { useInbox } from './use-inbox.ts'
import { ShortcutHelp, useShortcuts } from './keyboard.tsx'

export interface Me {
  agent: AgentSummary
  store: { id: string; name: string | null }
  /** Agents of the store by id, for names in history and assignment. */
  agents: Map<string, Teammate>
}

type Auth =
  | { state: 'checking' }
  | { state: 'out'; notice?: string; email?: string }
  | { state: 'in'; me: Me }

const SESSION_ENDED = 'Your session has ended. Sign in again to continue.'

const whoName = (me: Me) => `${me.agent.name}${me.store.name ? ` · ${me.store.name}` : ''}`

const currentRoute = () => parseRoute(location.pathname, location.search)

/** The console: session, routing by URL, and its screens (queue, ticket, settings). */
export function ConsoleApp(props: {
  /** Builds the API client; tests pass fakes. `onUnauthenticated` must be called on any 401. */
  makeApi?: (onUnauthenticated: () => void) => ConsoleApi
}) {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' })
  const [route, setRoute] = useState<Route>(currentRoute)
  const authRef = useRef(auth)
  authRef.current = auth
  // One id for this tab, for as long as the page lives: presence and the stream both name it.
  const tabId = useMemo(newTabId, [])

  const api = useMemo(
    () =>
      (props.makeApi ?? createApi)(() => {
        // Any 401 after sign-in means the session expired or was revoked elsewhere.
        if (authRef.current.state === 'in') setAuth({ state: 'out', notice: SESSION_ENDED })
      }),
    [props.makeApi],
  )

  const navigate = useCallback((href: string) => {
    history.pushState(null, '', href)
    setRoute(currentRoute())
    window.scrollTo?.(0, 0)
  }, [])

  const signedIn = auth.state === 'in'
  const { presence, setAway } = usePresence(api, tabId, signedIn)
  const [feed, setFeed] = useState<LiveFeed | null>(null)
  useEffect(() => {
    if (!signedIn) return
    const f = createLiveFeed(api, tabId)
    setFeed(f)
    return () => {
      f.close()
      setFeed(null)
    }
  }, [api, tabId, signedIn])
  const { inbox, changes } = useInbox(api, signedIn ? feed : null, signedIn, () =>
    navigate(`${BASE}?view=chats`),
  )

  const [help, setHelp] = useState(false)
  const openHelp = useCallback(() => setHelp(true), [])
  useShortcuts(openHelp)

  useEffect(() => {
    const onPop = () => setRoute(currentRoute())
    addEventListener('popstate', onPop)
    return () => removeEventListener('popstate', onPop)
  }, [])

  const enter = useCallback(
    async (agent: AgentSummary, store: Me['store']) => {
      const agents = new Map<string, Teammate>([[agent.id, agent]])
      setAuth({ state: 'in', me: { agent, store, agents } })
      // The list only adds names; without it the console still works (ids stand in).
      try {
        const list = await api.agents()
        for (const a of list.agents) agents.set(a.id, a)
        setAuth({ state: 'in', me: { agent, store, agents: new Map(agents) } })
      } catch {
        // keep the fallback
      }
    },
    [api],
  )

  useEffect(() => {
    api.session().then(
      (s) => void enter(s.agent, s.store),
      () => setAuth({ state: 'out' }),
    )
  }, [api, enter])

  async function signOut() {
    try {
      await api.logout()
    } catch {
      // Signed out already or unreachable: either way, leave the console.
    }
    setAuth({ state: 'out', notice: 'You are signed out.' })
  }

  let body
  if (route.view === 'set-password') {
    // Reached from an emailed link, signed in or not: the link is the credential here.
    body = (
      <SetPasswordPage
        api={api}
        onDone={(email) => {
          setAuth({ state: 'out', notice: 'Your password is set. Sign in with it.', email })
          navigate(BASE)
        }}
      />
    )
  } else if (auth.state === 'checking') {
    body = (
      <main id="main" aria-busy="true">
        <p class="muted">Loading…</p>
      </main>
    )
  } else if (auth.state === 'out') {
    body = (
      <SignIn
        api={api}
        notice={auth.notice}
        email={auth.email}
        onSignedIn={(login) =>
          // The session answer also names the store, for the header.
          api.session().then(
            (s) => enter(s.agent, s.store),
            () => enter(login.agent, { id: login.storeId, name: null }),
          )
        }
      />
    )
  } else {
    body = (
      <main id="main">
        {route.view === 'ticket' ? (
          <TicketPage key={route.id} api={api} id={route.id} me={auth.me} changes={changes} />
        ) : route.view === 'orders' ? (
          <OrdersPage api={api} state={route.search} />
        ) : route.view === 'order' ? (
          <OrderPage key={route.id} api={api} id={route.id} />
        ) : route.view === 'insights' ? (
          <InsightsPage api={api} />
        ) : route.view === 'settings' ? (
          route.page === 'agents' ? (
            <AgentsPage api={api} myId={auth.me.agent.id} />
          ) : route.page === 'webhooks' ? (
            <WebhooksPage api={api} />
          ) : (
            <SettingsPage api={api} page={route.page} />
          )
        ) : (
          <Queue api={api} state={route.queue} me={auth.me} inbox={inbox} changes={changes} />
        )}
      </main>
    )
  }

  return (
    <NavContext.Provider value={navigate}>
      <LiveContext.Provider value={feed}>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <span class="brand">Porchlight console</span>
          {auth.state === 'in' && (
            <span class="who">
              <span class="who-name" title={whoName(auth.me)}>
                {whoName(auth.me)}
              </span>
              <StatusBar presence={presence} onAway={setAway} />
              <Link href={ORDERS_HREF} current={route.view === 'orders' || route.view === 'order'}>
                Orders
              </Link>
              <Link href={INSIGHTS_HREF} current={route.view === 'insights'}>
                Insights
              </Link>
              <Link href={SETTINGS_HREF} current={route.view === 'settings'}>
                Settings
              </Link>
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </span>
          )}
        </header>
        <Announcer>{body}</Announcer>
        {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      </LiveContext.Provider>
    </NavContext.Provider>
  )
}
