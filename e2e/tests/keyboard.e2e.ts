import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { settledFrame } from '../support/host-page.ts'
import { codeFor, freshDemoOrder, panelToken, requestsOn, watchErrors } from '../support/shopper.ts'

/*
 * The whole shopper journey with the keyboard alone, on the demo storefront: Tab to the
 * launcher, Enter, sign in with the code from the dev outbox, open an order, ask to cancel it,
 * send, and Escape back to the page. A shopper of its own with a copy of an unshipped demo
 * order (the test server's fixture route), so no other journey sees or changes them.
 */
const baseUrl = inject('baseUrl')
const shopper = `keys${Date.now().toString(36)}@example.com`
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

/** What the focused control in the panel says (its label, else its text), or its tag. */
const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement
    if (el === null || el === document.body) return ''
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() || el.localName
  })

/** Presses Tab until the panel's focus is on what `wanted` matches; fails after 40 presses. */
async function tabTo(page: Page, frame: Frame, wanted: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (wanted.test(await focused(frame))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${wanted} (last: ${await focused(frame)})`)
}

/** Waits for a screen: the panel moves focus to its heading on every navigation. */
const onHeading = (frame: Frame, text: string | RegExp) =>
  expect.poll(() => focused(frame), WAIT).toMatch(text)

describe('the keyboard alone', () => {
  it('opens the panel, signs in, asks to cancel an order, and returns to the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/`)
    await page.locator('porchlight-launcher button').waitFor(WAIT)

    // Tab through the storefront to the launcher, and open it.
    const onLauncher = () =>
      page.evaluate(() => document.activeElement?.localName === 'porchlight-launcher')
    for (let i = 0; i < 40 && !(await onLauncher()); i++) await page.keyboard.press('Tab')
    expect(await onLauncher()).toBe(true)
    await page.keyboard.press('Enter')
    const frame = await settledFrame(page, 'floating')

    // Sign in: channel, address, the code from the outbox.
    await tabTo(page, frame, /^Get a code by email$/)
    await page.keyboard.press('Enter')
    await onHeading(frame, 'What’s your email address?')
    await tabTo(page, frame, /^input$/)
    await page.keyboard.type(shopper)
    const since = Date.now()
    await page.keyboard.press('Enter')
    await onHeading(frame, 'Enter your code')
    await tabTo(page, frame, /^input$/)
    await page.keyboard.type(await codeFor(baseUrl, shopper, since))
    await onHeading(frame, 'Your orders')

    // The order, then its cancellation: a reason, review, send.
    await tabTo(page, frame, new RegExp(`^Order ${order.name}`))
    await page.keyboard.press('Enter')
    await onHeading(frame, `Order ${order.name}`)
    await tabTo(page, frame, /^Cancel order$/)
    await page.keyboard.press('Enter')
    await expect.poll(() => frame.locator('input[type=radio]').count(), WAIT).toBeGreaterThan(0)
    await tabTo(page, frame, /^input$/) // the reasons: one stop for the group
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe(
      'radio',
    )
    await page.keyboard.press('Space')
    expect(await frame.locator('input[type=radio]:checked').count()).toBe(1)
    await tabTo(page, frame, /^Continue$/)
    await page.keyboard.press('Enter')
    await onHeading(frame, 'Check your request')
    await tabTo(page, frame, /^Send request$/)
    await page.keyboard.press('Enter')
    await onHeading(frame, 'Request sent')
    const said = await frame.getByText(/^Your reference is /).textContent()
    const reference = /^Your reference is (.+)\.$/.exec(said ?? '')?.[1] ?? ''
    expect(reference).toMatch(/^T-\d+$/)

    // Escape closes the panel and gives the launcher its focus back.
    await page.keyboard.press('Escape')
    await expect
      .poll(() => page.locator('porchlight-launcher iframe').isVisible(), WAIT)
      .toBe(false)
    expect(
      await page.evaluate(
        () => document.activeElement?.shadowRoot?.activeElement?.localName ?? 'none',
      ),
    ).toBe('button')

    // One cancellation, with the reference the shopper was shown.
    const token = (await panelToken(frame)) ?? ''
    const filed = await requestsOn(baseUrl, token, order.name)
    expect(filed.map((r) => [r.type, r.reference])).toEqual([['cancel', reference]])
    expect(errors).toEqual([])
    await context.close()
  })
})
