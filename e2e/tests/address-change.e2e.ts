import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { settledFrame } from '../support/host-page.ts'
import {
  axeViolations,
  freshDemoOrder,
  onScreen,
  openOrder,
  panelToken,
  sendRequest,
  shopperApi,
  signInThroughPanel,
  watchErrors,
} from '../support/shopper.ts'

/**
 * An address change (issue 19): a shopper asks, before anything ships, to send an order to
 * another address, in the floating panel, with the country's fields; the agent opens the ticket
 * in the console, reads the address before and as asked side by side, and approves; the shopper
 * comes back and reads the new address on the order. An order already shipped offers no such
 * request, and its page says why. The orders are this run's own copies of demo orders #1001
 * (not shipped) and #1003 (shipped).
 */
const baseUrl = inject('baseUrl')
const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }
const run = `address${Date.now().toString(36)}`
const shopper = `${run}@example.com`
const WAIT = { timeout: 10_000 }

let browser: Browser
let unshipped: { id: string; name: string }
let shipped: { id: string; name: string }

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  unshipped = await freshDemoOrder(baseUrl, 1001, shopper)
  shipped = await freshDemoOrder(baseUrl, 1003, shopper)
})
afterAll(async () => {
  await browser?.close()
})

async function openFloatingPanel(page: Page): Promise<Frame> {
  await page.locator('porchlight-launcher button').click()
  return settledFrame(page, 'floating')
}

describe('an address change, from the shopper’s panel to the agent’s approval and back', () => {
  let storefront: Page
  let panel: Frame
  let shopperErrors: string[]
  let reference = ''

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    storefront = await context.newPage()
    shopperErrors = watchErrors(storefront)
    await storefront.goto(`${baseUrl}/`)
    panel = await openFloatingPanel(storefront)
    await signInThroughPanel(panel, baseUrl, shopper)
  })
  afterAll(async () => {
    await storefront?.context().close()
  })

  it('is not offered on a shipped order, and the order page says why', async () => {
    await openOrder(panel, shipped.name)
    expect(await panel.getByRole('button', { name: 'Change delivery address' }).count()).toBe(0)
    expect(await panel.getByText('Address change: This order has already shipped.').count()).toBe(1)
    await panel.getByRole('button', { name: 'Back' }).click()
    await onScreen(panel, 'Your orders')
  })

  it('the shopper asks for a new address before the order ships, fixing what is missing', async () => {
    await openOrder(panel, unshipped.name)
    await panel.getByRole('button', { name: 'Change delivery address' }).click()
    await onScreen(panel, 'Change the delivery address')
    await panel.getByLabel('Street address').fill('500 Castro St')
    await panel.getByLabel('City').fill('Mountain View')
    await panel.getByRole('button', { name: 'Continue' }).click()
    // A US address needs its state and ZIP code: the form says so before anything is sent.
    expect(await panel.getByText('Some fields of the address need your attention.').count()).toBe(1)
    await panel.getByLabel('State, province or region').selectOption('CA')
    await panel.getByLabel('Postal code', { exact: true }).fill('94041')
    expect(await axeViolations(storefront)).toEqual([])
    await panel.getByRole('button', { name: 'Continue' }).click()
    await onScreen(panel, 'Check your request')
    expect(await panel.getByText('500 Castro St').count()).toBe(1)
    reference = await sendRequest(panel)
    expect(reference).toMatch(/^T-\d+$/)
    await panel.getByRole('button', { name: 'Back to your order' }).click()
    await onScreen(panel, `Order ${unshipped.name}`)
    expect(await panel.getByRole('button', { name: 'Change delivery address' }).count()).toBe(0)
  })

  it('the agent sees the old and new addresses side by side and approves', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() !== 'error') return
      const url = m.location().url
      if (url === `${baseUrl}/v1/agent/session` && m.text().includes('401')) return
      errors.push(`${m.text()} (${url})`)
    })
    await page.goto(`${baseUrl}/console`)
    await page.getByLabel('Email').fill(AGENT.email)
    await page.getByLabel('Password').fill(AGENT.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
    await page.getByRole('searchbox', { name: 'Search' }).fill(unshipped.name)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: reference, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()

    const table = page.getByRole('table', { name: 'The shipping address before and as asked' })
    const street = table.getByRole('row', { name: /^Street/ })
    await expect.poll(() => street.locator('td').allTextContents(), WAIT).not.toEqual([])
    const [before, asked] = await street.locator('td').allTextContents()
    expect(asked).toBe('500 Castro St')
    expect(before).not.toBe(asked)
    expect(await street.getByText('changed').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Approve the address change' }).click()
    await expect
      .poll(() => page.locator('.announcer [role="status"]').textContent(), WAIT)
      .toBe('Approved the address change.')
    await expect
      .poll(() => page.getByText('Approved: the store has the new address.').count(), WAIT)
      .toBe(1)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('the shopper, back on the order, reads the new address', async () => {
    await panel.getByRole('button', { name: 'Back' }).click()
    await onScreen(panel, 'Your orders')
    await openOrder(panel, unshipped.name)
    await expect.poll(() => panel.getByText('500 Castro St').count(), WAIT).toBeGreaterThan(0)
    const token = (await panelToken(panel)) ?? ''
    const seen = await shopperApi(baseUrl, token, `/v1/orders/${unshipped.id}`)
    expect(seen.body.order.summary.shipping.address).toMatchObject({
      line1: '500 Castro St',
      city: 'Mountain View',
      region: 'CA',
      postalCode: '94041',
      country: 'US',
    })
    expect(shopperErrors).toEqual([])
  })
})
