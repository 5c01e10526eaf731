import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import {
  axeViolations,
  onScreen,
  openOrder,
  openPanel,
  openStorefront,
  shopperApi,
  testSession,
  visibleTexts,
} from '../support/shopper.ts'

/*
 * How the portal feels, on the real server and its demo store: every string in the shopper's
 * language, the keyboard alone, a phone in a right-to-left language. Read-only: Ada's orders
 * #1004 and #1008 are looked at, never changed (portal.e2e.ts files requests on others).
 */
const baseUrl = inject('baseUrl')
const email = 'ada@example.com'
let browser: Browser
let token = ''

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  token = await testSession(baseUrl, email)
})
afterAll(async () => {
  await browser?.close()
})

describe('the portal in the shopper’s language, by keyboard, on a phone', () => {
  it('switches to French: every string that is ours changes, order data stays', async () => {
    const { page, frame, errors, close } = await openStorefront(browser, baseUrl, token)
    await openOrder(frame, '#1004')
    const order = (await shopperApi(baseUrl, token, '/v1/orders?limit=50')).body.orders.find(
      (o: { name: string }) => o.name === '#1004',
    )
    const detail = (await shopperApi(baseUrl, token, `/v1/orders/${order.id}?locale=fr`)).body.order
    // A line read out before the switch (like "1 more order shown.") is cleared by it.
    const live = frame.locator('[aria-live="polite"].sr-only')
    const said = (await live.textContent()) ?? ''
    const before = (await visibleTexts(frame)).filter((text) => text !== said)

    // Addresses (country names) come from the server in the new language: wait for the refetch.
    const refetched = page.waitForResponse(
      (r) => r.url().includes(`/v1/orders/${order.id}?`) && r.url().includes('locale=fr'),
    )
    await page.evaluate(() =>
      (window as unknown as { Porchlight: (...a: unknown[]) => void }).Porchlight(
        'setLocale',
        'fr',
      ),
    )
    await onScreen(frame, 'Commande #1004')
    await refetched
    await frame.getByText(detail.summary.shipping.address.lines.at(-1)).first().waitFor()
    expect(await live.textContent()).toBe('')
    const after = await visibleTexts(frame)
    expect(after).toHaveLength(before.length)
    expect(after).toContain('Suivi')
    expect(after).toContain('En transit')

    // What may stay: the store's name, and the order's own data (names of products, carrier,
    // method, payment, the address, carrier messages), alone or joined with " · ".
    const data = new Set<string>(['Lumen & Loom', '×', 'Total'])
    for (const line of detail.lineItems) data.add(line.title).add(line.variantTitle ?? '')
    const { shipping, billing, payment } = detail.summary
    for (const a of [shipping.address, billing.address]) for (const l of a?.lines ?? []) data.add(l)
    data.add(shipping.method ?? '').add(payment.method?.label ?? '')
    for (const c of shipping.carriers) data.add(c)
    for (const s of detail.shipments) {
      data.add(s.carrier ?? '')
      for (const e of s.entries) data.add(e.message ?? '').add(e.location ?? '')
    }
    const isData = (text: string) =>
      text
        .replace(/^· /, '')
        .split(' · ')
        .every((part) => data.has(part))
    const unchanged = before.filter((text, i) => after[i] === text)
    expect(unchanged.filter((text) => !isData(text))).toEqual([])
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('fr')
    expect(errors).toEqual([])
    await close()
  })

  const focused = (page: Page) =>
    page.evaluate(() =>
      document.activeElement === document.body ? '' : (document.activeElement?.textContent ?? ''),
    )

  it('works with the keyboard alone, focus landing on each screen’s heading', async () => {
    const { page, errors, close } = await openPanel(browser, baseUrl, token, '?mode=floating')
    for (let i = 0; i < 12 && !(await focused(page)).startsWith('Order #1004'); i++) {
      await page.keyboard.press('Tab')
    }
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('Order #1004')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Back')
    expect(
      await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle),
    ).not.toBe('none')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('Your orders')
    expect(errors).toEqual([])
    await close()
  })

  it('fits a phone in Arabic: mirrored, full width, 16 px fields, no motion', async () => {
    const { page, errors, close } = await openPanel(
      browser,
      baseUrl,
      token,
      '?mode=floating&locale=ar',
      {
        viewport: { width: 375, height: 667 },
        reducedMotion: 'reduce',
      },
    )
    await page.getByRole('button', { name: /#1008/ }).click()
    await page.getByRole('heading', { level: 3, name: 'ملخّص الطلب' }).waitFor()
    await page.getByRole('button', { name: 'إرجاع منتجات' }).click()
    await page.locator('textarea').waitFor()
    const layout = await page.evaluate(() => ({
      dir: document.documentElement.dir,
      scroll: document.documentElement.scrollWidth,
      panel: document.querySelector('.panel')?.getBoundingClientRect().width,
      fields: [
        ...document.querySelectorAll(
          'textarea, select, input:not([type=checkbox]):not([type=radio])',
        ),
      ].map((el) => parseFloat(getComputedStyle(el).fontSize)),
      animation: getComputedStyle(document.querySelector('.screen')!).animationName,
      // Mirrored: the Back button sits at the right edge.
      back: (() => {
        const r = document.querySelector('.back')!.getBoundingClientRect()
        return Math.round(375 - r.right)
      })(),
    }))
    expect(layout).toMatchObject({
      dir: 'rtl',
      scroll: 375,
      panel: 375,
      animation: 'none',
      back: 16,
    })
    expect(Math.min(...layout.fields)).toBeGreaterThanOrEqual(16)
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await close()
  })
})
