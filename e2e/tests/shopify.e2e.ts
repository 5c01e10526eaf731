import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { saveArtifact } from '../support/host-page.ts'
import type { ServerProcess } from '../support/server-process.ts'
import { axeViolations } from '../support/shopper.ts'
import {
  SHOPIFY_KEY as KEY,
  SHOPIFY_OWNER as OWNER,
  SHOPIFY_SHOP as SHOP,
  SHOPIFY_SHOPPER,
  SHOPIFY_STORE_ID as STORE_ID,
  reportShopCalls,
  shopCalls as shopCallsOf,
  startShopifyServer,
  watchedPage as watchedPageIn,
} from '../support/shopify-store.ts'

/*
 * The shopper journeys on a Shopify store (see support/shopify-store.ts), over HTTP, and the
 * console's Shopify settings. The panel's journeys on that store are in shopify-portal.e2e.ts.
 * Its own process because the approve-cancel round trip changes the shop.
 */
const EMAIL = SHOPIFY_SHOPPER.email

/** The sample shop's orders, newest first, as the list shows them. */
const SAMPLE_ORDERS = [
  { name: '#1008', status: 'delivered', lastEvent: 'delivered' },
  { name: '#1001', status: 'unfulfilled', lastEvent: null },
  { name: '#1005', status: 'ready_for_pickup', lastEvent: 'ready_for_pickup' },
  { name: '#1002', status: 'in_transit', lastEvent: 'in_transit' },
  { name: '#1003', status: 'in_transit', lastEvent: 'delayed' },
  { name: '#1004', status: 'delivered', lastEvent: 'delivered' },
  { name: '#1006', status: 'cancelled', lastEvent: null },
  { name: '#1007', status: 'unfulfilled', lastEvent: null },
]

interface ListedOrder {
  id: string
  name: string
  status: { code: string; estimatedDeliveryAt: { iso: string } | null }
  lastEvent: { kind: string; message: string | null; location: string | null } | null
  trackingUrl: string | null
  total: { amount: number; currency: string; formatted: string }
  itemCount: number
  preview: { title: string } | null
}

let server: ServerProcess
let browser: Browser
/** The shopper's session, from signing in by email over HTTP. */
let shopper: Record<string, string>

async function poll<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

interface Captured {
  id: string
  channel: 'email' | 'sms'
  to: string
  subject?: string
  text: string
}
const outbox = async () =>
  ((await (await fetch(`${server.url}/dev/outbox.json`)).json()) as { messages: Captured[] })
    .messages

/** The code of the next message to `to` that was not in the outbox before. */
async function nextCode(
  to: string,
  seen: Set<string>,
): Promise<{ code: string; message: Captured }> {
  return poll(async () => {
    const message = (await outbox()).find((m) => m.to === to && !seen.has(m.id))
    const code = message && /(?:^ {4}|#)([0-9]{6})\s*$/m.exec(message.text)?.[1]
    return message && code ? { code, message } : undefined
  }, `a code for ${to} in the dev outbox`)
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

async function signInOverHttp(channel: 'email' | 'sms', identifier: string) {
  const seen = new Set((await outbox()).map((m) => m.id))
  const keyed = { 'x-porchlight-key': KEY }
  const asked = await post('/v1/auth/challenges', { channel, identifier, locale: 'en' }, keyed)
  expect(asked.status).toBe(202)
  const { challengeId } = (await asked.json()) as { challengeId: string }
  const { code, message } = await nextCode(identifier, seen)
  const verified = await post(`/v1/auth/challenges/${challengeId}/verify`, { code }, keyed)
  expect(verified.status).toBe(200)
  const session = (await verified.json()) as { token: string; identity: unknown }
  return { headers: { authorization: `Bearer ${session.token}` }, session, message }
}

async function getJson<T>(path: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers })
  expect(res.status, `GET ${path}`).toBe(200)
  return (await res.json()) as T
}

const listOrders = async (headers: Record<string, string>) =>
  (await getJson<{ orders: ListedOrder[] }>('/v1/orders?limit=50&locale=en&tz=UTC', headers)).orders

const shopCalls = (since = 0) => shopCallsOf(server.url, since)
const watchedPage = (expected?: (text: string, url: string) => boolean) =>
  watchedPageIn(browser, expected)

beforeAll(async () => {
  server = await startShopifyServer()
  browser = await connectBrowser(inject('browserWsEndpoint'))
  const signedIn = await signInOverHttp('email', EMAIL)
  shopper = signedIn.headers
  // The code came from the Shopify store's own sign-in, under its name.
  expect(signedIn.message.subject).toBe('Your sign-in code for Lumen & Loom (Shopify test)')
  expect(signedIn.session.identity).toEqual({ kind: 'email', value: EMAIL })
})

afterAll(async () => {
  if (server !== undefined) await reportShopCalls(server.url, 'HTTP journeys and settings')
  await browser?.close()
  const code = await server?.stop()
  if (code !== 0) console.error(server?.output())
})

describe('shopper journeys on a Shopify store, over HTTP', () => {
  it('lists the shop’s orders, newest first, each with its display status', async () => {
    const before = (await shopCalls()).total
    const orders = await listOrders(shopper)
    expect(
      orders.map((o) => ({
        name: o.name,
        status: o.status.code,
        lastEvent: o.lastEvent?.kind ?? null,
      })),
    ).toEqual(SAMPLE_ORDERS)
    const transit = orders.find((o) => o.name === '#1002')!
    expect(transit).toMatchObject({
      // The carrier's estimate, January 16, is long past today: it is not passed on.
      status: { estimatedDeliveryAt: null },
      lastEvent: { location: 'Paris, France' },
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
      total: { amount: 5490, currency: 'EUR', formatted: '€54.90' },
      itemCount: 1,
      preview: { title: 'Wool blanket' },
    })
    expect(orders.find((o) => o.name === '#1003')?.lastEvent?.message).toBe('Weather delay')
    // Read through GraphQL, the email travelling as a search variable.
    const { calls } = await shopCalls(before)
    expect(calls.find((c) => c.operation === 'PorchlightOrderSearch')?.variables).toMatchObject({
      query: `email:"${EMAIL}"`,
    })
  })

  it('pages through the list with the cursor it was given', async () => {
    const first = await getJson<{ orders: ListedOrder[]; nextCursor: string | null }>(
      '/v1/orders?limit=3',
      shopper,
    )
    expect(first.orders.map((o) => o.name)).toEqual(['#1008', '#1001', '#1005'])
    expect(first.nextCursor).not.toBeNull()
    const second = await getJson<{ orders: ListedOrder[]; nextCursor: string | null }>(
      `/v1/orders?limit=3&cursor=${first.nextCursor}`,
      shopper,
    )
    expect(second.orders.map((o) => o.name)).toEqual(['#1002', '#1003', '#1004'])
  })

  it('opens an order in transit: its timeline, summary and actions', async () => {
    const { order } = await getJson<{ order: any }>('/v1/orders/1002?locale=en&tz=UTC', shopper)
    expect(order.status.code).toBe('in_transit')
    expect(
      order.events.map((e: { kind: string; at: { iso: string } }) => [e.kind, e.at.iso]),
    ).toEqual([
      ['order_placed', '2026-01-10T09:00:00Z'],
      ['payment_received', '2026-01-10T09:00:05.000Z'],
    ])
    expect(order.shipments).toHaveLength(1)
    expect(order.shipments[0]).toMatchObject({
      state: 'in_transit',
      carrier: 'La Poste',
      trackingNumber: '6A12345678901',
    })
    expect(order.shipments[0].entries.map((e: { kind: string }) => e.kind)).toEqual([
      'fulfilled',
      'label_created',
      'carrier_picked_up',
      'in_transit',
    ])
    expect(order.summary).toMatchObject({
      name: '#1002',
      itemCount: 1,
      shipping: { method: 'Colissimo', address: { city: 'Lyon', country: 'FR' } },
      payment: { method: { kind: 'card', label: 'Visa •••• 4242' } },
    })
    expect(order.lineItems.map((l: { title: string }) => l.title)).toEqual(['Wool blanket'])
    expect(order.actions).toMatchObject({
      cancel: { offered: false, reason: { code: 'already_fulfilled' } },
      return: { offered: false, reason: { code: 'not_delivered_yet' } },
    })
    // The store's reasons come along, for when an action is offered; "other" is always last.
    expect(order.actions.returnReasons.at(-1)).toEqual({ code: 'other' })
    expect(order.actions.cancelReasons.at(-1)).toEqual({ code: 'other' })
    expect(order.issue.scenario).toBe('shipped')
  })

  it('opens every listed order with the status the list showed', async () => {
    for (const listed of await listOrders(shopper)) {
      const { order } = await getJson<{ order: any }>(`/v1/orders/${listed.id}`, shopper)
      expect(order.name).toBe(listed.name)
      expect(order.status.code, listed.name).toBe(listed.status.code)
    }
    // Refunds and cancellations reach the timeline, as on the demo store.
    const { order: refunded } = await getJson<{ order: any }>('/v1/orders/1007', shopper)
    expect(refunded.events.at(-1)).toMatchObject({
      kind: 'refund_issued',
      amount: { formatted: '€20.00' },
    })
    const { order: cancelled } = await getJson<{ order: any }>('/v1/orders/1006', shopper)
    expect(cancelled.events.map((e: { kind: string }) => e.kind)).toEqual([
      'order_placed',
      'payment_received',
      'refund_issued',
      'order_cancelled',
    ])
    const { order: unfulfilled } = await getJson<{ order: any }>('/v1/orders/1001', shopper)
    expect(unfulfilled.actions.cancel).toEqual({ offered: true, until: null })
    expect(unfulfilled.issue.scenario).toBe('processing')
  })

  it('shows another shopper none of these orders', async () => {
    const other = await signInOverHttp('email', 'grace@example.com')
    expect(await listOrders(other.headers)).toEqual([])
    const res = await fetch(`${server.url}/v1/orders/1001`, { headers: other.headers })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('order_not_found')
  })
})

describe('an agent approves a cancellation, carried out on the shop', () => {
  it('cancels the order on Shopify and the shopper sees it cancelled', async () => {
    const seeded = await post('/test/tickets', {
      storeId: STORE_ID,
      tickets: [
        {
          type: 'cancel',
          requestStatus: 'requested',
          channel: 'help-center',
          orderId: '1001',
          orderName: '#1001',
          identity: { kind: 'email', value: EMAIL },
          reason: 'changed_mind',
          events: [{ kind: 'created', actor: 'shopper', data: {} }],
        },
      ],
    })
    expect(seeded.status).toBe(201)
    const [ticket] = ((await seeded.json()) as { tickets: Array<{ id: string }> }).tickets
    const login = await post('/v1/agent/login', OWNER)
    expect(login.status).toBe(200)
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const view = await getJson<{ ticket: { version: number; order: { id: string } } }>(
      `/v1/agent/tickets/${ticket!.id}`,
      { cookie },
    )
    expect(view.ticket.order.id).toBe('1001')

    const before = (await shopCalls()).total
    const decided = await post(
      `/v1/agent/tickets/${ticket!.id}/decision`,
      { version: view.ticket.version, decision: 'approve' },
      { cookie, 'x-csrf-token': csrfToken },
    )
    expect(decided.status).toBe(200)
    const decidedView = (await decided.json()) as { ticket: { requestStatus: string } }
    expect(decidedView.ticket.requestStatus).toBe('approved')

    const cancels = (await shopCalls(before)).calls.filter(
      (c) => c.operation === 'PorchlightOrderCancel',
    )
    expect(cancels).toHaveLength(1)
    expect(cancels[0]!.variables).toMatchObject({
      orderId: 'gid://shopify/Order/1001',
      refundMethod: { originalPaymentMethodsRefund: true },
      restock: true,
    })
    const { order } = await getJson<{ order: any }>('/v1/orders/1001', shopper)
    expect(order.status.code).toBe('cancelled')
    expect(order.actions.cancel.offered).toBe(false)
    expect(order.events.map((e: { kind: string }) => e.kind)).toEqual([
      'order_placed',
      'payment_received',
      'refund_issued',
      'order_cancelled',
    ])
  })
})

describe('the console’s Shopify settings, in Chromium', () => {
  it('shows the connection, refuses a wrong token in words, and saves a right one', async () => {
    // A refused save answers 422 and a signed-out console 401: Chromium logs both.
    const { page, errors } = await watchedPage(
      (text, url) =>
        (url.endsWith('/v1/agent/settings/shopify') && text.includes('422')) ||
        (url.endsWith('/v1/agent/session') && text.includes('401')) ||
        (url.endsWith('/v1/agent/agents') && text.includes('404')),
    )
    await page.goto(`${server.url}/console`)
    await page.getByLabel('Email').fill(OWNER.email)
    await page.getByLabel('Password').fill(OWNER.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()

    await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await page.getByText(`This store shows the orders of Lumen & Loom (${SHOP.domain}).`).waitFor()
    expect(await page.getByLabel('Shop domain').inputValue()).toBe(SHOP.domain)
    const token = page.getByLabel('Admin API access token')
    expect(await token.getAttribute('type')).toBe('password')
    expect(await token.inputValue()).toBe('')
    expect(await axeViolations(page)).toEqual([])

    await token.fill('shpat_wrong_0000000000')
    await page.getByLabel('Webhook secret').fill('whsec_e2e_0123456789')
    await page.getByRole('button', { name: 'Check and save' }).click()
    await expect
      .poll(() => page.getByRole('alert').last().textContent())
      .toContain('Not saved. Shopify refused this access token.')
    expect(await token.inputValue()).toBe('')

    const before = (await shopCalls()).total
    await token.fill(SHOP.token)
    await page.getByRole('button', { name: 'Check and save' }).click()
    await expect
      .poll(() => page.locator('form [role="status"]').textContent())
      .toBe(
        'Connected to Lumen & Loom. Shopify accepted the token, and it has every scope Porchlight needs.',
      )
    expect(await token.inputValue()).toBe('')
    saveArtifact('console-shopify-settings', await page.screenshot({ fullPage: true }))
    expect(await page.content()).not.toContain(SHOP.token)
    // The check, the probe that learns the app's protected customer data level, then
    // Porchlight's own webhooks: what is there, one create for each of the six topics (the fake
    // shop holds none yet), and the list again to confirm them.
    expect((await shopCalls(before)).calls.map((c) => c.operation)).toEqual([
      'PorchlightShop',
      'PorchlightCustomerAccess',
      'PorchlightWebhookSubscriptions',
      ...Array<string>(6).fill('PorchlightWebhookCreate'),
      'PorchlightWebhookSubscriptions',
    ])
    const settings = await page.evaluate(() =>
      fetch('/v1/agent/settings/shopify').then((r) => r.text()),
    )
    expect(settings).not.toContain(SHOP.token)
    expect(settings).not.toContain('whsec_e2e_0123456789')
    expect(JSON.parse(settings)).toMatchObject({
      connected: true,
      domain: SHOP.domain,
      mode: 'legacy',
      customerAccess: 'level_2',
    })
    await page.getByText('Legacy custom app token (shpat_…) — legacy').waitFor()
    expect(errors).toEqual([])
    await page.context().close()

    // The shop is still the one shoppers read.
    expect((await listOrders(shopper)).length).toBe(SAMPLE_ORDERS.length)
  })
})
