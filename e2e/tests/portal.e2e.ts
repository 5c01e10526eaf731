import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { saveArtifact, settledFrame } from '../support/host-page.ts'
import {
  DEMO_KEY,
  apiSignIn,
  axeViolations,
  expectOneAcknowledgement,
  fillRequest,
  heading,
  onScreen,
  openOrder,
  openStorefront,
  panelToken,
  requestsOn,
  sendRequest,
  shopperApi,
  signInThroughPanel,
  watchErrors,
  type Surface,
} from '../support/shopper.ts'

/*
 * The shopper's portal against the real server and its demo store: sign in with the code from
 * the dev outbox, follow orders, file requests. Each journey has its own demo shopper and
 * orders (README "Demo shoppers"), so journeys never see each other's tickets:
 *   Ada   (floating panel)  #1004 timeline, #1007 window closed, return #1006, cancel #1001,
 *                           issue #1003 (shipped)
 *   Bruno (help center)     #1018 timeline, #1016 cancelled, return #1015, cancel #1012,
 *                           issue #1018 (failed delivery)
 *   Chidi (signed in by API) a double-submitted return on #1026 (and, in
 *                           portal-feel.e2e.ts, French, the keyboard and a phone)
 */
const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
})
afterAll(async () => {
  await browser?.close()
})

describe('the floating panel, as Ada', () => {
  const email = 'ada@example.com'
  let context: BrowserContext
  let page: Page
  let errors: string[]
  let token = ''

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 420, height: 800 } })
    page = await context.newPage()
    errors = watchErrors(page)
    await page.goto(`${baseUrl}/w/${DEMO_KEY}?mode=floating`)
    await heading(page).waitFor()
  })
  afterAll(async () => {
    await context?.close()
  })

  it('signs in with the code from the dev outbox and lists the orders, a page at a time', async () => {
    await signInThroughPanel(page, baseUrl, email)
    token = (await panelToken(page)) ?? ''
    const rows = page.locator('ul.orders > li')
    await expect.poll(() => rows.count()).toBe(10)
    // Status in words and a one-line "where is it" on every row.
    expect(await rows.first().locator('.badge').textContent()).not.toBe('')
    expect(await rows.first().locator('.line').first().textContent()).not.toBe('')
    expect(await axeViolations(page)).toEqual([])
    saveArtifact('portal-home', await page.screenshot())
    await page.getByRole('button', { name: 'Show more orders' }).click()
    await expect.poll(() => rows.count()).toBe(11)
    expect(await page.getByRole('button', { name: 'Show more orders' }).count()).toBe(0)
  })

  it('opens an order in transit and shows its timeline and tracking link', async () => {
    await openOrder(page, '#1004')
    expect(await page.locator('.badge').first().textContent()).toBe('In transit')
    const tracking = page.locator('section.part', {
      has: page.getByRole('heading', { level: 3, name: 'Tracking' }),
    })
    expect(await tracking.locator('.timeline li').count()).toBeGreaterThan(1)
    const link = tracking.getByRole('link', { name: /^Track/ })
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await link.getAttribute('rel')).toContain('noopener')
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//)
    expect(await page.getByRole('button', { name: 'Report an issue' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Return items' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await tracking.scrollIntoViewIfNeeded()
    saveArtifact('order-timeline', await page.screenshot())
    await page.getByRole('button', { name: 'Back' }).click()
    await onScreen(page, 'Your orders')
  })

  it('says why Return is not offered where the shopper looks for it', async () => {
    await openOrder(page, '#1007')
    const note = page.getByText(/^Returns: Return window closed on /)
    expect(await note.textContent()).toMatch(/^Returns: Return window closed on \w+ \d{1,2}\.$/)
    expect(await page.getByRole('button', { name: 'Return items' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Back' }).click()
    await onScreen(page, 'Your orders')
  })

  it('files a return: one ticket and exactly one acknowledgement email', async () => {
    await openOrder(page, '#1006')
    await fillRequest(page, 'Return items')
    expect(await axeViolations(page)).toEqual([])
    saveArtifact('return-review', await page.screenshot())
    const reference = await sendRequest(page)
    expect(reference).not.toBe('')
    expect(await page.getByText(/will review your request/).isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    const filed = await requestsOn(baseUrl, token, '#1006')
    expect(filed.map((r) => [r.type, r.reference])).toEqual([['return', reference]])
    await expectOneAcknowledgement(baseUrl, email, reference)
    await page.getByRole('button', { name: 'Back to your order' }).click()
    await onScreen(page, 'Order #1006')
    // The order page lists the request, and Return is no longer offered twice.
    await page.getByRole('heading', { level: 3, name: 'Your requests' }).waitFor()
    expect(await page.getByRole('button', { name: 'Return items' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Back' }).click()
  })

  it('files a cancellation on an order that has not shipped', async () => {
    await openOrder(page, '#1001')
    await fillRequest(page, 'Cancel order')
    const reference = await sendRequest(page)
    expect((await requestsOn(baseUrl, token, '#1001')).map((r) => [r.type, r.reference])).toEqual([
      ['cancel', reference],
    ])
    await page.getByRole('button', { name: 'Back to your order' }).click()
    await page.getByRole('button', { name: 'Back' }).click()
  })

  it('reports an issue with a reason of a shipped order', async () => {
    await openOrder(page, '#1003')
    await page.getByRole('button', { name: 'Report an issue' }).click()
    const question = page.getByRole('group', { name: 'What’s wrong with your delivery?' })
    await question.waitFor()
    // Reasons of the shipped scenario, none of a delivered parcel.
    expect(await question.getByRole('radio', { name: 'An item arrived damaged' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Back' }).click()
    await fillRequest(page, 'Report an issue', 'The tracking isn’t updating')
    const reference = await sendRequest(page)
    expect((await requestsOn(baseUrl, token, '#1003')).map((r) => [r.type, r.reference])).toEqual([
      ['issue', reference],
    ])
  })

  it('raised no error in the page', () => {
    expect(errors).toEqual([])
  })
})

describe('the help-center embed, as Bruno', () => {
  const email = 'bruno@example.com'
  let context: BrowserContext
  let page: Page
  let frame: Frame
  let token = ''

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
    page = await context.newPage()
    await page.goto(`${baseUrl}/help`)
    frame = await settledFrame(page, 'portal')
    await page.evaluate(() => {
      const w = window as unknown as {
        Porchlight: (...args: unknown[]) => void
        tickets: unknown[]
      }
      w.tickets = []
      w.Porchlight('on', 'ticket:created', (detail: unknown) => w.tickets.push(detail))
    })
  })
  afterAll(async () => {
    await context?.close()
  })

  it('signs in inline, with nothing to close, the frame following its content', async () => {
    expect(await frame.getByRole('button', { name: 'Close' }).count()).toBe(0)
    await signInThroughPanel(frame, baseUrl, email)
    token = (await panelToken(frame)) ?? ''
    await expect.poll(() => frame.locator('ul.orders > li').count()).toBe(9)
    const content = await frame.evaluate(() =>
      Math.ceil(document.documentElement.getBoundingClientRect().height),
    )
    await expect
      .poll(async () => (await page.locator('porchlight-embed iframe').boundingBox())?.height)
      .toBe(content)
  })

  it('shows a failed delivery’s timeline and why a cancelled order offers nothing', async () => {
    await openOrder(frame, '#1018')
    expect(await frame.locator('.badge').first().textContent()).toBe('Delivery failed')
    expect(await frame.locator('.parcel .timeline li').count()).toBeGreaterThan(0)
    await frame.getByRole('button', { name: 'Back' }).click()
    await openOrder(frame, '#1016')
    expect(await frame.getByText('This order was cancelled.', { exact: true }).isVisible()).toBe(
      true,
    )
    expect(await frame.getByRole('button', { name: 'Cancel order' }).count()).toBe(0)
    await frame.getByRole('button', { name: 'Back' }).click()
  })

  it('files a return, a cancellation and an issue report, each telling the host page', async () => {
    const filed: string[] = []
    await openOrder(frame, '#1015')
    await fillRequest(frame, 'Return items')
    filed.push(await sendRequest(frame))
    await frame.getByRole('button', { name: 'Back to your order' }).click()
    await frame.getByRole('button', { name: 'Back' }).click()

    await openOrder(frame, '#1012')
    await fillRequest(frame, 'Cancel order')
    filed.push(await sendRequest(frame))
    await frame.getByRole('button', { name: 'Back to your order' }).click()
    await frame.getByRole('button', { name: 'Back' }).click()

    await openOrder(frame, '#1018')
    await fillRequest(frame, 'Report an issue', 'I want to reschedule the delivery')
    filed.push(await sendRequest(frame))

    await expect
      .poll(() => page.evaluate(() => (window as unknown as { tickets: unknown[] }).tickets))
      .toEqual([
        { reference: filed[0], type: 'return' },
        { reference: filed[1], type: 'cancel' },
        { reference: filed[2], type: 'issue' },
      ])
    const listed = await shopperApi(baseUrl, token, '/v1/requests')
    const mine = (listed.body.requests as Array<{ reference: string; orderName: string }>).filter(
      (r) => filed.includes(r.reference),
    )
    expect(mine.map((r) => r.orderName).sort()).toEqual(['#1012', '#1015', '#1018'])
    await expectOneAcknowledgement(baseUrl, email, filed[0]!)
  })
})

describe('a double submit, as Chidi signed in already', () => {
  const email = 'chidi@example.com'
  let token = ''

  beforeAll(async () => {
    token = await apiSignIn(baseUrl, email)
  })

  it('makes one ticket of a double-submitted return, and of a retry with the same key', async () => {
    const { page, frame, close } = await openStorefront(browser, baseUrl, token)
    await openOrder(frame, '#1026')
    await fillRequest(frame, 'Return items')
    const posted = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith('/requests'),
    )
    await frame.getByRole('button', { name: 'Send request' }).dblclick()
    await onScreen(frame, 'Request sent')
    const request = await posted
    const reference = /^Your reference is (.+)\.$/.exec(
      (await frame.getByText(/^Your reference is /).textContent()) ?? '',
    )?.[1]

    // The same request again, as a retry after a lost answer would send it.
    const key = (await request.headerValue('idempotency-key')) ?? ''
    const path = new URL(request.url()).pathname
    const again = await shopperApi(baseUrl, token, path, {
      method: 'POST',
      body: request.postDataJSON(),
      headers: { 'idempotency-key': key },
    })
    expect(again.status).toBe(200)
    expect(again.body.reference).toBe(reference)
    const changed = await shopperApi(baseUrl, token, path, {
      method: 'POST',
      body: { ...request.postDataJSON(), comment: 'Something else' },
      headers: { 'idempotency-key': key },
    })
    expect([changed.status, changed.body.error.code]).toEqual([422, 'idempotency_key_reused'])

    expect((await requestsOn(baseUrl, token, '#1026')).map((r) => r.reference)).toEqual([reference])
    await expectOneAcknowledgement(baseUrl, email, reference!)
    await close()
  })
})

describe('the contact form', () => {
  it('sends a message from someone not signed in, free of WCAG A/AA violations', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/w/${DEMO_KEY}?mode=contact`)
    await onScreen(page, 'Send us a message')
    expect(await axeViolations(page)).toEqual([])
    const surface: Surface = page
    await surface.getByLabel('Your name', { exact: true }).fill('Dana Visitor')
    await surface.getByLabel('Email address', { exact: true }).fill('dana@example.com')
    await surface.getByLabel('Your message').fill('Do you ship to Iceland?')
    await surface.getByRole('button', { name: 'Send message' }).click()
    await onScreen(surface, 'Message sent')
    expect(await surface.getByText(/^Your reference is .+\.$/).isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
