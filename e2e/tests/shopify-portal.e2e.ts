import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import type { ServerProcess } from '../support/server-process.ts'
import {
  axeViolations,
  expectOneAcknowledgement,
  fillRequest,
  heading,
  onScreen,
  openOrder,
  panelToken,
  requestsOn,
  sendRequest,
  shopperApi,
  signInThroughPanel,
} from '../support/shopper.ts'
import {
  SHOPIFY_KEY as KEY,
  SHOPIFY_OWNER,
  SHOPIFY_SHOPPER,
  reportShopCalls,
  shopCalls,
  startShopifyServer,
  watchedPage,
} from '../support/shopify-store.ts'

/*
 * The demo store's portal journeys (portal.e2e.ts), in Chromium, on a store configured with the
 * Shopify adapter against the msw-backed Admin API (support/shopify-store.ts). Ada signs in by
 * text message; the shop finds her through her customer record. Her orders in the sample shop:
 *   #1002 in transit (timeline, tracking, summary), #1004 delivered in December (window closed),
 *   return #1008 (delivered two days ago), cancel #1001 (unfulfilled), issue #1003 (shipped,
 *   delayed).
 * Shoppers never change the shop: filing reads the order again and writes a ticket, and the
 * shop's call log must show reads only.
 */
const { email: EMAIL, phone: PHONE } = SHOPIFY_SHOPPER
const READS = ['PorchlightOrder', 'PorchlightOrderSearch', 'PorchlightCustomersByPhone']

let server: ServerProcess
let browser: Browser
let page: Page
let errors: string[]
let token = ''

beforeAll(async () => {
  server = await startShopifyServer()
  browser = await connectBrowser(inject('browserWsEndpoint'))
  // Dates shown in one zone, so "closed on Jan 22" reads the same on every machine.
  ;({ page, errors } = await watchedPage(browser, undefined, {
    viewport: { width: 420, height: 800 },
    timezoneId: 'UTC',
    locale: 'en-US',
  }))
  await page.goto(`${server.url}/w/${KEY}?mode=floating`)
  await heading(page).waitFor()
})

afterAll(async () => {
  if (server !== undefined) await reportShopCalls(server.url, 'panel journeys')
  await page?.context().close()
  await browser?.close()
  const code = await server?.stop()
  if (code !== 0) console.error(server?.output())
})

/** Runs `act` and returns the operations the shop answered meanwhile, in order. */
async function shopOperations(act: () => Promise<void>) {
  const before = (await shopCalls(server.url)).total
  await act()
  return (await shopCalls(server.url, before)).calls
}

/** Sends the reviewed request about order `name`, and checks what it left behind. */
async function sendAndCheck(name: string, type: 'return' | 'cancel' | 'issue') {
  let reference = ''
  const calls = await shopOperations(async () => {
    reference = await sendRequest(page)
  })
  expect(reference).toMatch(/^T-\d+$/)
  expect(await page.getByText(/will review your request/).isVisible()).toBe(true)
  // The order was checked again (the adapter's snapshot, fresh for minutes, may stand in for a
  // read); nothing was asked of the shop: an agent decides, and only then does the shop change.
  expect(calls.filter((c) => !READS.includes(c.operation))).toEqual([])
  const filed = await requestsOn(server.url, token, name, KEY)
  expect(filed.map((r) => [r.type, r.reference])).toEqual([[type, reference]])
  // Signed in by phone: the store answers at the order's email address.
  await expectOneAcknowledgement(server.url, EMAIL, reference)
  return reference
}

/** A part of the order page (Tracking, Order history, ...), by its heading. */
const part = (title: string) =>
  page.locator('section.part', { has: page.getByRole('heading', { level: 3, name: title }) })

/** Each timeline entry of a part as the shopper reads it: what, when (ISO), where or why. */
const timeline = (title: string) =>
  part(title)
    .locator('.timeline li')
    .evaluateAll((items) =>
      items.map((li) => [
        li.querySelector('strong')?.textContent ?? '',
        li.querySelector('time')?.getAttribute('datetime') ?? '',
        li.querySelector('.line')?.textContent ?? null,
      ]),
    )

/** The summary's rows, each as its label and its value's lines. */
const summaryRows = () =>
  part('Order summary')
    .locator('dl.summary > div')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('dt')?.textContent ?? '',
        (row.querySelector('dd') as HTMLElement | null)?.innerText.split('\n') ?? [],
      ]),
    )

const notes = () => part('Need help with this order?').locator('.note').allTextContents()

async function backToList() {
  await page.getByRole('button', { name: 'Back' }).click()
  await onScreen(page, 'Your orders')
}

describe('the floating panel on the Shopify store, as Ada', () => {
  const filed: Array<[string, string, string]> = []

  it('signs in with a text-message code and lists the shop’s orders, newest first', async () => {
    const rows = page.locator('ul.orders > li')
    const names = ['#1008', '#1001', '#1005', '#1002', '#1003', '#1004', '#1006', '#1007']
    // The list arrives after the home screen's heading, once the shop has answered every read
    // (which takes longer than expect.poll's second on a busy machine).
    const calls = await shopOperations(async () => {
      await signInThroughPanel(page, server.url, '+33 6 12 34 56 78')
      token = (await panelToken(page, KEY)) ?? ''
      await rows.nth(names.length - 1).waitFor()
    })
    expect(await rows.count()).toBe(names.length)
    expect(await page.getByText(`Signed in as ${PHONE}`).isVisible()).toBe(true)
    expect(await rows.locator('strong').allTextContents()).toEqual(names.map((n) => `Order ${n}`))
    expect(await rows.locator('.badge').allTextContents()).toEqual([
      'Delivered',
      'Order received',
      'Ready for pickup',
      'In transit',
      'In transit',
      'Delivered',
      'Cancelled',
      'Order received',
    ])
    // The phone found the shop's customer, whose orders were searched, then each read (at
    // once, so in no fixed order).
    expect(calls.slice(0, 2).map((c) => [c.operation, c.variables])).toEqual([
      ['PorchlightCustomersByPhone', { query: `phone:"${PHONE}"` }],
      ['PorchlightOrderSearch', { query: 'customer_id:"7001"', first: 10, after: null }],
    ])
    expect(
      calls
        .slice(2)
        .map((c) => [c.operation, c.variables.id])
        .sort(),
    ).toEqual(names.map((n) => ['PorchlightOrder', `gid://shopify/Order/${n.slice(1)}`]).sort())
    expect(await axeViolations(page)).toEqual([])
  })

  it('opens an order in transit: its timeline, tracking link and summary', async () => {
    await openOrder(page, '#1002')
    // Its carrier's estimate (January 16) is long past: no "Arriving on" a date gone by.
    const head = page.locator('.status-head')
    expect(await head.locator('.badge').innerText()).toBe('In transit')
    expect(await head.getByText(/^Arriving on/).count()).toBe(0)
    expect(await head.locator('[aria-current="step"]').innerText()).toBe('Shipped')
    expect(await page.getByText(/^Placed on /).textContent()).toBe('Placed on January 10, 2026')
    const parcel = part('Tracking').locator('.parcel')
    expect(await parcel.locator('.badge').innerText()).toBe('In transit')
    expect(await parcel.locator('p').first().innerText()).toBe(
      'La Poste · Tracking number 6A12345678901',
    )
    const link = parcel.getByRole('link', { name: /^Track with La Poste/ })
    expect(await link.getAttribute('href')).toBe(
      'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    )
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await link.getAttribute('rel')).toContain('noopener')
    // The carrier's events, newest first, and the order's own milestones below them.
    expect(await timeline('Tracking')).toEqual([
      ['In transit', '2026-01-12T08:00:00Z', 'Paris, France'],
      ['Picked up by the carrier', '2026-01-11T17:00:00Z', 'Lyon, France'],
      ['Shipping label created', '2026-01-11T09:00:00Z', null],
      ['Order packed', '2026-01-11T08:30:00Z', null],
    ])
    expect(await timeline('Order history')).toEqual([
      ['Payment received', '2026-01-10T09:00:05.000Z', null],
      ['Order placed', '2026-01-10T09:00:00Z', null],
    ])
    const item = part('1 item').locator('li.item')
    expect(await item.locator('.grow').innerText()).toBe(
      'Wool blanket\n€49.00\nSand / Large\n1 × €49.00',
    )
    expect(await item.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
    const address = ['Ada Lovelace', '12 Rue des Lilas', '69003 Lyon', 'France']
    expect(await summaryRows()).toEqual([
      ['Delivery', ['Colissimo · La Poste']],
      ['Shipping address', address],
      ['Billing address', address],
      ['Payment', ['Visa •••• 4242']],
      ['Subtotal', ['€49.00']],
      ['Shipping', ['€5.90']],
      ['Tax', ['€9.15']],
      ['Total', ['€54.90']],
      ['Paid', ['€54.90']],
    ])
    // Shipped: an issue can be reported; why neither Return nor Cancel is offered, in words.
    expect(await page.getByRole('button', { name: 'Report an issue' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: /^(Return items|Cancel order)$/ }).count()).toBe(
      0,
    )
    expect(await notes()).toEqual([
      'Returns: Available once your order has arrived.',
      'Cancellation: This order has already shipped.',
      'Address change: This order has already shipped.',
    ])
    expect(await axeViolations(page)).toEqual([])
    await backToList()
  })

  it('says why Return is not offered on a parcel delivered in December', async () => {
    await openOrder(page, '#1004')
    expect(await timeline('Tracking').then((t) => t[0]?.slice(0, 2))).toEqual([
      'Delivered',
      '2025-12-23T14:00:00Z',
    ])
    expect(await notes()).toEqual([
      'Returns: Return window closed on January 22.',
      'Cancellation: This order has already shipped.',
      'Address change: This order has already shipped.',
    ])
    expect(await page.getByRole('button', { name: 'Return items' }).count()).toBe(0)
    await backToList()
  })

  it('files a return of a parcel delivered days ago: one ticket, one acknowledgement', async () => {
    await openOrder(page, '#1008')
    const { body } = await shopperApi(server.url, token, '/v1/orders/1008', { key: KEY })
    const delivered = body.order.shipments[0].entries.at(-1)
    expect(delivered.kind).toBe('delivered')
    // Open for 30 days from the delivery the carrier reported.
    expect(Date.parse(body.order.actions.return.until.iso) - Date.parse(delivered.at.iso)).toBe(
      30 * 86_400_000,
    )
    expect((await notes())[0]).toMatch(/^Returns are open until \w+ \d{1,2}\.$/)
    await fillRequest(page, 'Return items')
    expect(await page.locator('dl.summary dd').first().textContent()).toBe('Order #1008')
    expect(await page.getByText('2 × Stoneware mug').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    const reference = await sendAndCheck('#1008', 'return')
    expect(await axeViolations(page)).toEqual([])
    filed.push(['return', '#1008', reference])
    await page.getByRole('button', { name: 'Back to your order' }).click()
    await onScreen(page, 'Order #1008')
    // The order page lists the request, and Return is no longer offered twice.
    const requests = part('Your requests')
    await requests.waitFor()
    expect(await requests.locator('li').innerText()).toMatch(
      new RegExp(`^Return\\n${reference}\\nUnder review\\n`),
    )
    expect(await page.getByRole('button', { name: 'Return items' }).count()).toBe(0)
    await backToList()
  })

  it('files a cancellation of an order that has not shipped; the shop still has it', async () => {
    await openOrder(page, '#1001')
    expect(await part('Tracking').innerText()).toContain('Nothing has shipped yet.')
    await fillRequest(page, 'Cancel order')
    const reference = await sendAndCheck('#1001', 'cancel')
    filed.push(['cancel', '#1001', reference])
    await page.getByRole('button', { name: 'Back to your order' }).click()
    await part('Your requests').waitFor()
    // An agent decides; until then the order is as it was, and Cancel is not offered twice.
    expect(await page.locator('.badge').first().textContent()).toBe('Order received')
    expect(await page.getByRole('button', { name: 'Cancel order' }).count()).toBe(0)
    await backToList()
  })

  it('reports an issue with a reason of a shipped order', async () => {
    await openOrder(page, '#1003')
    expect(await timeline('Tracking').then((t) => t[0])).toEqual([
      'Delayed',
      '2026-01-09T10:00:00Z',
      'Weather delay',
    ])
    await page.getByRole('button', { name: 'Report an issue' }).click()
    const question = page.getByRole('group', { name: 'What’s wrong with your delivery?' })
    await question.waitFor()
    // The reasons of a parcel on its way, none of a delivered one.
    expect(await question.locator('label').allTextContents()).toEqual([
      'The tracking isn’t updating',
      'My parcel is late',
      'I need to change the delivery address',
      'I missed the delivery',
      'Something else',
    ])
    await page.getByRole('button', { name: 'Back' }).click()
    await fillRequest(page, 'Report an issue', 'My parcel is late')
    const reference = await sendAndCheck('#1003', 'issue')
    filed.push(['issue', '#1003', reference])
  })

  it('leaves the store’s agents exactly one ticket per request, with what was asked', async () => {
    const login = await fetch(`${server.url}/v1/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SHOPIFY_OWNER),
    })
    expect(login.status).toBe(200)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const res = await fetch(`${server.url}/v1/agent/tickets`, { headers: { cookie } })
    expect(res.status).toBe(200)
    const { tickets } = (await res.json()) as { tickets: any[] }
    const sorted = (list: string[][]) => [...list].sort((a, b) => a[2]!.localeCompare(b[2]!))
    expect(sorted(tickets.map((t) => [t.type, t.order.name, t.reference]))).toEqual(sorted(filed))
    const { body } = await shopperApi(server.url, token, '/v1/orders/1008', { key: KEY })
    const mug = body.order.lineItems.find((l: { title: string }) => l.title === 'Stoneware mug')
    const ret = tickets.find((t) => t.type === 'return')
    expect(ret.lines).toEqual([{ lineItemId: mug.id, quantity: 2 }])
    expect(ret.shopper.identity).toEqual({ kind: 'phone', value: PHONE })
    expect(tickets.find((t) => t.type === 'issue').reason).toBe('package_delayed')
  })

  it('raised no error in the page', () => {
    expect(errors).toEqual([])
  })
})
