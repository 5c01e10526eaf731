/**
 * Test support for the panel's DOM tests: a scripted fake of our own server behind `fetch`,
 * rendering the whole app at a given URL, and helpers that type and click the way a browser
 * delivers events. Only tests import this file.
 */
import { render, type VNode } from 'preact'
import { act } from 'preact/test-utils'
import { vi } from 'vitest'
import { App } from './app.tsx'
import { loadFullCatalog, locales } from '@porchlight/shared/i18n/index'
import { resetLocale, startLocale } from './locale.ts'
import { announcement, forget } from './resource.ts'

// The panel's lazy screens and every language's words, loaded once up front: the runner's first
// load of a module (with its transform) takes longer than `settle` waits; afterwards `import()`
// answers within a task.
await Promise.all([
  import('./screens/enter-identifier.tsx'),
  import('./screens/enter-code.tsx'),
  import('./screens/order-detail.tsx'),
  import('./chat/chat-api.ts'),
  import('./screens/request-flow.tsx'),
  import('./screens/contact-form.tsx'),
  import('./chat/chat-screen.tsx'),
  ...locales.map(loadFullCatalog),
])

export const STORE_KEY = 'pk_test_store'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface Call {
  method: string
  path: string
  /** The query string's parameters. */
  query: Record<string, string>
  headers: Record<string, string>
  body: unknown
}

type Handler = (call: Call) => Reply | Promise<Reply>

/** What the fake server answers for the widget configuration unless a test says otherwise. */
export const widgetConfigBody = {
  store: { name: 'Lumen & Loom', key: STORE_KEY },
  theme: { color: '#1f6feb', position: 'right', logoUrl: null },
  embedOrigins: ['http://shop.test'],
  defaultLocale: 'en',
}

/**
 * A fake server: `on('POST /v1/auth/challenges', handler)`. Unrouted requests answer 404 the
 * way the real one does, so a test notices a call it did not expect.
 */
export function fakeServer() {
  const routes = new Map<string, Handler>()
  const calls: Call[] = []
  let offline = false
  const server = {
    calls,
    on(route: string, handler: Handler | Reply) {
      routes.set(route, typeof handler === 'function' ? handler : () => handler)
      return server
    },
    goOffline(value = true) {
      offline = value
    },
    fetch: vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://panel.test')
      const method = init.method ?? 'GET'
      const call: Call = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(
          Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
            k.toLowerCase(),
            v,
          ]),
        ),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      }
      calls.push(call)
      if (offline) throw new TypeError('Failed to fetch')
      const handler = routes.get(`${method} ${url.pathname}`)
      const reply = handler
        ? await handler(call)
        : { status: 404, body: { error: { code: 'not_found', message: 'No route' } } }
      // A minimal Response: what the client reads, resolved in microtasks only, so fake timers
      // never stall a test.
      const headers = new Map(
        Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
      )
      return {
        ok: reply.status >= 200 && reply.status < 300,
        status: reply.status,
        headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
        json: async () => {
          if (reply.body === undefined) throw new SyntaxError('Unexpected end of JSON input')
          return reply.body
        },
      } as unknown as Response
    }),
  }
  server.on('GET /v1/widget/config', { status: 200, body: widgetConfigBody })
  return server
}

export type FakeServer = ReturnType<typeof fakeServer>

/**
 * Lets pending fetches, renders and effects finish (all microtasks and Preact's queues), and
 * lazily loaded screens arrive: the test runner loads a chunk's module in a later task.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await act(async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve()
      if (round === 0) await new Promise((resolve) => setTimeout(resolve, 0))
    })
  }
}

let container: HTMLElement | undefined

/** Renders the panel as the server serves it: at /w/<key>, with the loader's query string. */
export async function renderPanel(
  server: FakeServer,
  query = '',
  browser: string[] = ['en-US'],
  /** What to render in place of the whole app (a screen with the props the host would give). */
  element: VNode = <App />,
) {
  vi.stubGlobal('fetch', server.fetch)
  history.replaceState(null, '', `/w/${STORE_KEY}${query}`)
  container = document.createElement('div')
  document.body.append(container)
  await act(async () => {
    await startLocale(location.search, browser)
  })
  await act(() => {
    render(element, container!)
  })
  await settle()
  return container
}

/** Unmounts the panel and forgets everything a test left behind. */
export async function cleanup(): Promise<void> {
  if (container) {
    await act(() => render(null, container!))
    container.remove()
    container = undefined
  }
  localStorage.clear()
  forget()
  announcement.set('')
  resetLocale()
  document.documentElement.removeAttribute('style')
  vi.unstubAllGlobals()
}

/** Types into a field the way the browser reports it: value set, then an input event. */
export async function type(input: HTMLElement, value: string): Promise<void> {
  await act(() => {
    ;(input as HTMLInputElement).value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
  await settle()
}

/** Pastes text into a field; returns whether the page took over the paste. */
export async function paste(input: HTMLElement, text: string): Promise<boolean> {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } })
  let handled = false
  await act(() => {
    handled = !input.dispatchEvent(event)
  })
  await settle()
  return handled
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click())
  await settle()
}

/** Every piece of text a shopper sees or hears: text nodes and accessible labels, in order. */
export function visibleTexts(root: HTMLElement): string[] {
  const texts: string[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim()
      if (text) texts.push(text)
    } else {
      const label = (node as Element).getAttribute('aria-label')
      if (label) texts.push(label)
    }
  }
  return texts
}
