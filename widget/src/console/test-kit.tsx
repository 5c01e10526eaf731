/**
 * Helpers for the console's component tests (happy-dom): fixtures in the API's shapes, a fake
 * API whose every method is a spy, and rendering the whole console at a URL.
 */
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { vi } from 'vitest'
import type { AgentSummary, TicketJson, TicketPage, TicketView } from '@porchlight/shared/api/agent'
import type { ShopifySettings } from '@porchlight/shared/api/settings'
import { ApiError, type ConsoleApi } from './api.ts'
import { ConsoleApp } from './app.tsx'

export const ME: AgentSummary = {
  id: 'ag_me',
  name: 'Dana',
  email: 'dana@example.com',
  role: 'owner',
}

export function ticket(over: Partial<TicketJson> = {}): TicketJson {
  return {
    id: 'tk_1',
    reference: '#1001',
    number: 1001,
    type: 'cancel',
    status: 'open',
    requestStatus: 'requested',
    refundStatus: null,
    channel: 'help-center',
    order: { id: 'o_1', name: '#1042' },
    shopper: {
      identity: { kind: 'email', value: 'ada@example.com' },
      name: 'Ada Shopper',
      email: null,
      locale: 'en',
    },
    reason: 'changed_mind',
    comment: 'Please cancel',
    lines: [],
    tags: [],
    assigneeId: null,
    version: 3,
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
    ...over,
  }
}

export function order(over: Record<string, unknown> = {}) {
  const money = (amount: number) => ({ amount, currency: 'EUR' })
  return {
    id: 'o_1',
    name: '#1042',
    status: 'open',
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    createdAt: '2026-01-09T09:00:00.000Z',
    cancelledAt: null,
    paymentMethod: { kind: 'card', label: 'Visa •••• 4242' },
    totals: {
      subtotal: money(5000),
      shipping: money(500),
      tax: money(0),
      discount: money(0),
      total: money(5500),
      paid: money(5500),
      refunded: money(1000),
    },
    currency: 'EUR',
    lineItems: [
      {
        id: 'li_1',
        title: 'Linen throw',
        variantTitle: 'Sand',
        sku: 'LT-1',
        quantity: 1,
        price: money(5000),
        refundedQuantity: 0,
      },
    ],
    shipments: [],
    ...over,
  }
}

export function view(over: Partial<TicketView> = {}): TicketView {
  return {
    ticket: ticket(),
    history: [
      {
        id: 'te_1',
        kind: 'created',
        actor: { kind: 'shopper', id: null },
        data: {},
        at: '2026-01-10T10:00:00.000Z',
      },
    ],
    order: order(),
    conversationId: null,
    ...over,
  }
}

export function shopifySettings(over: Partial<ShopifySettings> = {}): ShopifySettings {
  const connected = over.connected ?? false
  return {
    connected,
    mode: connected ? 'client_credentials' : null,
    clientId: connected ? '0123456789abcdef0123456789abcdef' : null,
    customerAccess: connected ? 'level_2' : null,
    token: connected ? { state: 'ok', message: null, expiresAt: 1_800_000_000_000 } : null,
    oauthAvailable: false,
    domain: connected ? 'lumen-loom.myshopify.com' : null,
    shopName: connected ? 'Lumen & Loom' : null,
    scopes: connected ? ['read_customers', 'read_orders', 'write_orders', 'write_returns'] : null,
    requiredScopes: [
      { scope: 'read_orders', purpose: 'read orders, fulfilments and tracking' },
      { scope: 'write_orders', purpose: 'cancel orders and create refunds' },
    ],
    webhookUrl: 'https://support.example.com/v1/webhooks/shopify/st_demo',
    webhookTopics: ['orders/updated', 'orders/cancelled'],
    subscribedTopics: connected ? ['orders/cancelled', 'orders/updated'] : [],
    warnings: [],
    apiVersion: '2026-10',
    canEdit: true,
    ...over,
  }
}

export const pageOf = (tickets: TicketJson[], total = tickets.length): TicketPage => ({
  tickets,
  total,
  page: 1,
  pageSize: 20,
})

/** A signed-in API fake; override any method per test. */
export function fakeApi(over: Partial<ConsoleApi> = {}): ConsoleApi {
  return {
    login: vi.fn(async () => ({
      agent: ME,
      storeId: 'st_demo',
      csrfToken: 'csrf',
      expiresAt: '2030-01-01T00:00:00.000Z',
    })),
    session: vi.fn(async () => ({
      agent: ME,
      store: { id: 'st_demo', name: 'Lumen & Loom' },
      csrfToken: 'csrf',
    })),
    logout: vi.fn(async () => {}),
    tickets: vi.fn(async () => pageOf([ticket()])),
    ticket: vi.fn(async () => view()),
    patch: vi.fn(async () => ({ ticket: ticket({ version: 4 }) })),
    note: vi.fn(async () => ({
      event: {
        id: 'te_n',
        kind: 'note',
        actor: { kind: 'agent' as const, id: ME.id },
        data: {},
        at: '',
      },
    })),
    reply: vi.fn(async () => ({
      event: {
        id: 'te_r',
        kind: 'reply',
        actor: { kind: 'agent' as const, id: ME.id },
        data: {},
        at: '',
      },
    })),
    decide: vi.fn(async () => view()),
    refund: vi.fn(async () => view()),
    agents: vi.fn(async () => ({ agents: [ME] })),
    shopifySettings: vi.fn(async () => shopifySettings()),
    connectShopify: vi.fn(async () => shopifySettings({ connected: true })),
    request: vi.fn(async () => {
      throw new ApiError(404, 'not_found', 'No route')
    }),
    ...over,
  }
}

/** Lets pending promises and the renders they cause run to the end. */
export async function settle() {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0))
    })
  }
}

let mounted: Element | null = null

/**
 * Renders the whole console at `url` (a path under /console) and waits for it to load. Pass a
 * fake API, or a factory that receives the app's "session ended" hook.
 */
export async function renderConsole(
  url: string,
  api: ConsoleApi | ((onUnauthenticated: () => void) => ConsoleApi),
) {
  history.replaceState(null, '', url)
  // The previous console goes properly, so its window listeners (keys, presence) go with it.
  if (mounted !== null) await act(() => render(null, mounted as Element))
  document.body.innerHTML = ''
  const root = document.createElement('div')
  mounted = root
  document.body.append(root)
  const makeApi = typeof api === 'function' ? api : () => api
  await act(() => render(<ConsoleApp makeApi={makeApi} />, root))
  await settle()
  return root
}

export const $ = <T extends Element = HTMLElement>(sel: string) => {
  const el = document.querySelector<T>(sel)
  if (el === null) throw new Error(`no element matches ${sel}`)
  return el
}

export function byText<T extends HTMLElement = HTMLElement>(sel: string, text: string | RegExp): T {
  const found = [...document.querySelectorAll<T>(sel)].find((el) =>
    typeof text === 'string' ? el.textContent?.trim() === text : text.test(el.textContent ?? ''),
  )
  if (found === undefined) throw new Error(`no ${sel} with text ${String(text)}`)
  return found
}

export async function click(el: HTMLElement) {
  await act(() => el.click())
  await settle()
}

export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    el.value = value
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export async function choose(el: HTMLSelectElement | HTMLInputElement, value: string | boolean) {
  await act(() => {
    if (typeof value === 'boolean') (el as HTMLInputElement).checked = value
    else el.value = value
    el.dispatchEvent(new Event('change', { bubbles: true }))
  })
  await settle()
}

export async function submit(form: HTMLFormElement) {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
  })
  await settle()
}
