import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { saveArtifact, settledFrame } from '../support/host-page.ts'
import {
  axeViolations,
  fillRequest,
  freshDemoOrder,
  onScreen,
  openOrder,
  outbox,
  panelToken,
  poll,
  sendRequest,
  shopperApi,
  signInThroughPanel,
  watchErrors,
} from '../support/shopper.ts'

/**
 * A cancellation from request to decision, in two browsers (issue 6): a shopper signs in in the
 * storefront's floating panel with the code from the dev outbox and asks to cancel an order that
 * has not shipped; the demo agent signs in at /console, finds the ticket by the order number,
 * opens the reference the panel showed and approves; the shopper comes back to the order and
 * reads, in the panel's words, that it is cancelled and the request approved. Then what the
 * browsers cannot see: the store really cancelled the order, and exactly one decision email left.
 *
 * The shopper and the order are this run's own (a fresh copy of demo order #1001 through the
 * test-only fixture route), so journeys running beside it never see or change them. Everything
 * else happens through the two UIs.
 */
const baseUrl = inject('baseUrl')
const AGENT = { email: 'agent@lumen-loom.example', password: 'porchlight-demo' }
const run = `decision${Date.now().toString(36)}`
const shopper = `${run}@example.com`
const NOTE = 'Cancelled before it left the warehouse.'
/** For what waits on the server (a store action, a refresh): a loaded machine is slower. */
const WAIT = { timeout: 10_000 }

let browser: Browser
let order: { id: string; name: string }

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  order = await freshDemoOrder(baseUrl, 1001, shopper)
})
afterAll(async () => {
  await browser?.close()
})

/** The request cards of the order page, each as the shopper reads it. */
const requestCards = (frame: Frame) =>
  frame
    .locator('section', { has: frame.getByRole('heading', { level: 3, name: 'Your requests' }) })
    .locator('li.card')

/** The panel's live region: what a screen reader says without the shopper moving. */
const liveRegion = (frame: Frame) => frame.locator('[aria-live="polite"]')

/** Opens the floating panel on the demo storefront (after a reload too). */
async function openFloatingPanel(page: Page): Promise<Frame> {
  await page.locator('porchlight-launcher button').click()
  return settledFrame(page, 'floating')
}

/** The shopper's order page says it is cancelled and the request approved, with the note. */
async function expectDecided(frame: Frame, reference: string) {
  const card = requestCards(frame)
  await expect.poll(() => card.locator('.badge').allTextContents(), WAIT).toEqual(['Approved'])
  expect(await frame.locator('.badge').first().textContent()).toBe('Cancelled')
  expect(await card.locator('strong').textContent()).toBe('Cancellation')
  expect(await card.getByText(reference, { exact: true }).count()).toBe(1)
  expect(await card.getByText(NOTE, { exact: true }).count()).toBe(1)
  // Nothing is left to ask, and the page says why.
  expect(await frame.getByRole('button', { name: 'Cancel order' }).count()).toBe(0)
  expect(await frame.getByText('This order was cancelled.', { exact: true }).count()).toBe(1)
}

describe('a cancellation, from the shopper’s panel to the agent’s decision and back', () => {
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
  })
  afterAll(async () => {
    await storefront?.context().close()
  })

  it('the shopper signs in in the floating panel and asks to cancel an unshipped order', async () => {
    await signInThroughPanel(panel, baseUrl, shopper)
    await openOrder(panel, order.name)
    expect(await panel.locator('.badge').first().textContent()).toBe('Order received')
    await fillRequest(panel, 'Cancel order')
    reference = await sendRequest(panel)
    expect(reference).toMatch(/^T-\d+$/)

    // The order page lists the request under review and no longer offers a second one.
    await panel.getByRole('button', { name: 'Back to your order' }).click()
    await onScreen(panel, `Order ${order.name}`)
    await expect
      .poll(() => requestCards(panel).locator('.badge').allTextContents(), WAIT)
      .toEqual(['Under review'])
    expect(await panel.getByRole('button', { name: 'Cancel order' }).count()).toBe(0)
    await panel.getByRole('button', { name: 'Back' }).click()
    await onScreen(panel, 'Your orders')
  })

  it('the agent finds the ticket in the console queue and approves the cancellation', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    page.on('console', (m) => {
      if (m.type() !== 'error') return
      const url = m.location().url
      // The session check before signing in answers 401, as it should.
      if (url === `${baseUrl}/v1/agent/session` && m.text().includes('401')) return
      errors.push(`${m.text()} (${url})`)
    })

    await page.goto(`${baseUrl}/console`)
    await page.getByLabel('Email').fill(AGENT.email)
    await page.getByLabel('Password').fill(AGENT.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor()
    await page.getByRole('searchbox', { name: 'Search' }).fill(order.name)
    await page.getByRole('button', { name: 'Search' }).click()
    // The shopper's reference is the link: the queue and the panel name the ticket alike.
    await page.getByRole('link', { name: reference, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()

    // The request as the shopper sent it, and the order beside it as the store has it now.
    expect(await page.locator('blockquote').textContent()).toBe('Sent by the e2e journey.')
    // The order's own section of the side pane, beside the thread.
    const side = page
      .getByRole('complementary', { name: 'Shopper and order' })
      .getByRole('region', { name: `Order ${order.name}` })
    await expect.poll(() => side.textContent(), WAIT).toContain('Unfulfilled')

    await page.getByLabel('Reason (sent to the shopper; required to decline)').fill(NOTE)
    await page.getByRole('button', { name: 'Approve the cancellation' }).click()
    await expect
      .poll(() => page.locator('.announcer [role="status"]').textContent(), WAIT)
      .toBe('Approved the cancellation.')
    await expect
      .poll(() => page.getByText('This request is').textContent(), WAIT)
      .toContain('Approved')
    await expect.poll(() => side.textContent(), WAIT).toContain('Cancelled')
    const history = page.getByRole('region', { name: 'Thread' })
    await expect.poll(() => history.textContent(), WAIT).toContain('approved the request')
    expect(await history.textContent()).toContain(NOTE)

    // A request filed in the chat panel is still answered by email, and the form says so.
    expect(await page.locator('#reply-hint').textContent()).toBe('Sent to the shopper by email.')

    expect(await axeViolations(page)).toEqual([])
    // From the top: the status line and the order beside the ticket stick to the viewport.
    await page.evaluate(() => window.scrollTo(0, 0))
    saveArtifact(
      'console-ticket',
      await page.screenshot({ fullPage: true, animations: 'disabled' }),
    )

    // On a phone one pane at a time, each as clean for axe as the wide page.
    await page.setViewportSize({ width: 390, height: 844 })
    const toSide = page.getByRole('button', { name: 'Shopper and order' })
    await toSide.waitFor()
    expect(await page.getByRole('region', { name: 'Thread' }).isVisible()).toBe(true)
    expect(await side.isVisible()).toBe(false)
    expect(await axeViolations(page)).toEqual([])
    saveArtifact('console-ticket-390', await page.screenshot({ animations: 'disabled' }))
    await toSide.click()
    await page.getByRole('button', { name: 'Back to the thread' }).waitFor()
    expect(await side.isVisible()).toBe(true)
    expect(await page.getByRole('region', { name: 'Thread' }).isVisible()).toBe(false)
    expect(await axeViolations(page)).toEqual([])
    saveArtifact('console-ticket-side-390', await page.screenshot({ animations: 'disabled' }))
    await page.getByRole('button', { name: 'Back to the thread' }).click()
    await toSide.waitFor()
    await page.setViewportSize({ width: 1280, height: 900 })

    // A reload (another tab, a second look) offers no second approval.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()
    await expect
      .poll(() => page.getByText('This request is').textContent(), WAIT)
      .toContain('Approved')
    expect(await page.getByRole('button', { name: 'Approve the cancellation' }).count()).toBe(0)

    expect(errors).toEqual([])
    await page.context().close()
  })

  it('the shopper, back on the order, reads that it is cancelled and the request approved', async () => {
    // Back to the order from the list: the page shown before the decision is refreshed, and the
    // change is read out to a screen reader as well as drawn.
    await openOrder(panel, order.name)
    await expectDecided(panel, reference)
    await expect
      .poll(() => liveRegion(panel).textContent(), WAIT)
      .toBe(`Order ${order.name}: Cancelled ${reference}: Approved`)

    // Coming back later: a reload keeps the session, and the list already says it.
    await storefront.reload()
    panel = await openFloatingPanel(storefront)
    await onScreen(panel, 'Your orders')
    const row = panel.getByRole('button', { name: new RegExp(`Order ${order.name}\\b`) })
    expect(await row.locator('.badge').textContent()).toBe('Cancelled')
    await openOrder(panel, order.name)
    await expectDecided(panel, reference)
    saveArtifact(
      'order-cancelled',
      await storefront
        .locator('porchlight-launcher iframe')
        .screenshot({ animations: 'disabled', caret: 'hide' }),
    )
    expect(shopperErrors).toEqual([])
  })

  it('the store cancelled the order, and the shopper got exactly one decision email', async () => {
    // The shopper's own order API, with the session the panel keeps.
    const token = (await panelToken(panel)) ?? ''
    const seen = await shopperApi(baseUrl, token, `/v1/orders/${order.id}`)
    expect(seen.status).toBe(200)
    expect(seen.body.order.status.code).toBe('cancelled')
    expect(seen.body.order.actions.cancel.offered).toBe(false)
    // Paid, so refunded in full with the cancellation.
    const { paid, refunded } = seen.body.order.summary.payment
    expect(paid.amount).toBeGreaterThan(0)
    expect(refunded).toEqual(paid)

    const subject = `Order ${order.name} is cancelled`
    const decisions = async () =>
      (await outbox(baseUrl, shopper)).filter((m) => m.subject === subject)
    const mail = await poll(async () => (await decisions())[0], 'the decision email')
    expect(mail.text).toContain(NOTE)
    expect(mail.text).toContain(reference)
    // The worker may still be retrying or duplicating: give a second email the time to show.
    await new Promise((r) => setTimeout(r, 1500))
    expect(await decisions()).toHaveLength(1)
  })
})
