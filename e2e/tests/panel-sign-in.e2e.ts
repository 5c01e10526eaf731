import type { Browser, BrowserContextOptions, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { axeViolations } from '../support/shopper.ts'

/*
 * The panel's sign-in screens in Chromium, served by the real server under its real CSP. The
 * sign-in API itself is answered by page.route() with the contract's shapes (a scripted
 * server), so these journeys check the panel; the server's sign-in has its own e2e once it
 * lands (a code read from the dev outbox).
 */
const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const json = (route: Route, status: number, body: unknown) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })

async function openPanel(query = '', options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    // CSP violations land here: inline style or script the panel must never need.
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.route('**/v1/auth/challenges', (route) =>
    json(route, 202, { challengeId: 'ch_e2e', resendAfterSeconds: 30, expiresInSeconds: 600 }),
  )
  await page.route('**/v1/auth/challenges/ch_e2e/verify', (route) => {
    const { code } = route.request().postDataJSON() as { code: string }
    return code === '123456'
      ? json(route, 200, {
          token: 'tok_e2e',
          expiresAt: '2099-01-01T00:00:00Z',
          identity: { kind: 'email', value: 'ada@example.com' },
        })
      : json(route, 400, { error: { code: 'code_incorrect', message: 'Wrong code' } })
  })
  // What the signed-in home asks for with the scripted token: no orders, no conversation.
  await page.route('**/v1/orders?*', (route) => json(route, 200, { orders: [], nextCursor: null }))
  await page.route('**/v1/conversations/current', (route) =>
    json(route, 200, { conversation: null, messages: [], hasMore: false, cursor: 0 }),
  )
  await page.goto(`${baseUrl}/w/pk_demo_lumen${query}`)
  await page.getByRole('heading', { level: 2 }).waitFor()
  return { page, errors, close: () => context.close() }
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('the panel’s sign-in screens', () => {
  it('sign in with the keyboard alone, each screen free of WCAG A/AA violations', async () => {
    const { page, errors, close } = await openPanel()
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('Tab') // Close, in the header
    await page.keyboard.press('Tab')
    await expect.poll(() => focusedText(page)).toBe('Get a code by email')
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    )
    expect(outline).not.toBe('none')
    await page.keyboard.press('Enter')

    await expect.poll(() => focusedText(page)).toBe('What’s your email address?')
    await page.keyboard.press('Tab') // Back
    await page.keyboard.press('Tab')
    await page.keyboard.type('not-an-email')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('email address')
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('ada@example.com')
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedText(page)).toBe('Enter your code')
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('Tab')
    await page.keyboard.type('123456')
    await expect.poll(() => focusedText(page)).toBe('Your orders')
    expect(await page.getByText('Signed in as ada@example.com').isVisible()).toBe(true)
    expect(
      await page.evaluate(() => localStorage.getItem('porchlight.session.pk_demo_lumen')),
    ).toBe('tok_e2e')
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('loads French and Arabic under the panel’s CSP, Arabic mirrored', async () => {
    const fr = await openPanel('?locale=fr-CA')
    expect(await fr.page.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Connectez-vous pour voir vos commandes',
    )
    expect(await fr.page.getByRole('button', { name: 'Fermer' }).isVisible()).toBe(true)
    expect(fr.errors).toEqual([])
    await fr.close()

    const ar = await openPanel('?locale=ar')
    expect(await ar.page.evaluate(() => [document.documentElement.lang, document.dir])).toEqual([
      'ar',
      'rtl',
    ])
    expect(await ar.page.getByRole('heading', { level: 2 }).textContent()).toBe(
      'سجّل الدخول لعرض طلباتك',
    )
    expect(await axeViolations(ar.page)).toEqual([])
    expect(ar.errors).toEqual([])
    await ar.close()
  })

  it('fits a 375 × 667 phone: full width, no sideways scroll, 16 px inputs', async () => {
    const { page, close } = await openPanel('', {
      viewport: { width: 375, height: 667 },
      reducedMotion: 'reduce',
    })
    await page.getByRole('button', { name: 'Get a code by email' }).click()
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      panel: document.querySelector('.panel')?.getBoundingClientRect().width,
      input: parseFloat(getComputedStyle(document.querySelector('input')!).fontSize),
      animation: getComputedStyle(document.querySelector('.screen')!).animationName,
    }))
    expect(layout).toEqual({
      scroll: 375,
      panel: 375,
      input: expect.any(Number),
      animation: 'none',
    })
    expect(layout.input).toBeGreaterThanOrEqual(16)
    await close()
  })
})
