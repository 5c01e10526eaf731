import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { settledFrame } from '../support/host-page.ts'
import {
  animationsFinished,
  axeViolations,
  DEMO_KEY,
  testSession,
  watchErrors,
} from '../support/shopper.ts'

/*
 * The panel's look on the demo storefront, as a shopper sees it on a laptop and on a phone, in
 * English and in Arabic: the header (and its close button) stays in view while the orders
 * scroll, fields keep an 8 px gap to their buttons, axe finds nothing. Screenshots go to
 * docs/screenshots/ (or PANEL_SHOTS_DIR, which the lead's before/after comparison points
 * elsewhere). Read-only: Ada's orders are looked at, never changed.
 */
const baseUrl = inject('baseUrl')
const email = 'ada@example.com'
const shotsDir =
  process.env['PANEL_SHOTS_DIR'] ??
  fileURLToPath(new URL('../../docs/screenshots', import.meta.url))
mkdirSync(shotsDir, { recursive: true })

let browser: Browser
let token = ''
beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  token = await testSession(baseUrl, email)
})
afterAll(async () => {
  await browser?.close()
})

const sizes = [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
] as const

async function storefront(
  width: number,
  height: number,
  locale: 'en' | 'ar',
  signedIn: boolean,
): Promise<{ page: Page; frame: Frame; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: locale === 'ar' ? 'ar' : 'en-US',
  })
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${baseUrl}/`)
  // The demo storefront is on our origin, so its storage is the panel's.
  await page.evaluate(
    ([key, value, lang]) => {
      if (value) localStorage.setItem(`porchlight.session.${key}`, value)
      document.documentElement.lang = lang!
    },
    [DEMO_KEY, signedIn ? token : '', locale],
  )
  await page.locator('porchlight-launcher button').click()
  const frame = await settledFrame(page, 'floating')
  if (locale === 'ar') {
    await page.evaluate(() =>
      (window as unknown as { Porchlight: (...a: unknown[]) => void }).Porchlight(
        'setLocale',
        'ar',
      ),
    )
    await frame.waitForFunction(() => document.documentElement.dir === 'rtl')
  }
  return { page, frame, errors, close: () => context.close() }
}

async function shoot(page: Page, name: string): Promise<void> {
  await animationsFinished(page)
  writeFileSync(`${shotsDir}/${name}.png`, await page.screenshot({ animations: 'disabled' }))
}

/** Whether the close button is inside the viewport and is what a tap at its centre reaches. */
function closeButtonInView(frame: Frame) {
  return frame.evaluate(() => {
    const close = document.querySelector<HTMLElement>('button.close')
    if (!close) return { found: false, top: NaN, reachable: false }
    const r = close.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return {
      found: true,
      top: Math.round(r.top),
      reachable: hit === close || close.contains(hit),
    }
  })
}

/** Gap in px between the bottom of `field` and the top of `button` (they stack vertically). */
function gapBetween(frame: Frame, field: string, button: string) {
  return frame.evaluate(
    ([f, b]) => {
      const input = document.querySelector(f!)!.getBoundingClientRect()
      const btn = [...document.querySelectorAll('button')].find(
        (el) => el.textContent?.trim() === b,
      )!
      return Math.round(btn.getBoundingClientRect().top - input.bottom)
    },
    [field, button],
  )
}

describe('the panel’s look at 1280x800 and 375x667', () => {
  for (const { width, height } of sizes) {
    for (const locale of ['en', 'ar'] as const) {
      const suffix = `${locale === 'ar' ? 'ar-' : ''}${width}`

      it(`orders (${locale}, ${width}px): header stays in view while the list scrolls`, async () => {
        const { page, frame, errors, close } = await storefront(width, height, locale, true)
        await frame.locator('ul.orders > li').first().waitFor()
        await shoot(page, `panel-orders-${suffix}`)

        // Scroll the way a shopper does: the wheel over the order list.
        const list = await frame.locator('ul.orders').boundingBox()
        const box = await page.locator('porchlight-launcher iframe').boundingBox()
        expect(list).not.toBeNull()
        expect(box).not.toBeNull()
        await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2)
        await page.mouse.wheel(0, 3000)
        await frame.waitForTimeout(300)
        await shoot(page, `panel-orders-scrolled-${suffix}`)
        // The order list really scrolled: its first row left its place.
        const moved = await frame.locator('ul.orders').boundingBox()
        expect(moved!.y).toBeLessThan(list!.y)
        expect(await closeButtonInView(frame)).toMatchObject({ found: true, reachable: true })
        expect((await closeButtonInView(frame)).top).toBeGreaterThanOrEqual(0)

        expect(await axeViolations(page)).toEqual([])
        expect(errors).toEqual([])
        await close()
      })

      it(`an order (${locale}, ${width}px): thumbnails, badge and progress`, async () => {
        const { page, frame, errors, close } = await storefront(width, height, locale, true)
        await frame.locator('ul.orders > li').first().waitFor()
        await frame.locator('ul.orders button', { hasText: '#1004' }).click()
        await frame.locator('li.item').first().waitFor()
        await frame.evaluate(() =>
          Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))),
        )
        await shoot(page, `panel-order-${suffix}`)
        await frame.locator('li.item').first().scrollIntoViewIfNeeded()
        await shoot(page, `panel-order-items-${suffix}`)
        // Each line has its product's picture, from our own origin (the demo store's).
        const thumbs = await frame
          .locator('li.item img.thumb')
          .evaluateAll((imgs) =>
            imgs.map((img) => [
              (img as HTMLImageElement).naturalWidth > 0,
              new URL((img as HTMLImageElement).src).origin,
            ]),
          )
        expect(thumbs.length).toBeGreaterThan(0)
        expect(thumbs).toEqual(thumbs.map(() => [true, new URL(baseUrl).origin]))
        // In transit: a badge of the in-progress tone, and the steps up to "shipped".
        expect(await frame.locator('.status-head .badge').getAttribute('class')).toBe(
          'badge tone-progress',
        )
        expect(await frame.locator('.status-head [aria-current="step"]').count()).toBe(1)
        expect(await axeViolations(page)).toEqual([])
        expect(errors).toEqual([])
        await close()
      })
    }

    it(`sign-in (${width}px): 8 px or more between each field and its button`, async () => {
      const { page, frame, errors, close } = await storefront(width, height, 'en', false)
      await frame.getByRole('button', { name: 'Get a code by email' }).click()
      await frame.getByLabel('Email address', { exact: true }).waitFor()
      await shoot(page, `panel-sign-in-${width}`)
      expect(await gapBetween(frame, 'input[type=email]', 'Send code')).toBeGreaterThanOrEqual(8)
      expect(await axeViolations(page)).toEqual([])
      expect(errors).toEqual([])
      await close()
    })
  }

  it('chat (375px): "Start chatting" keeps 8 px from the field above it', async () => {
    const { page, frame, errors, close } = await storefront(375, 667, 'en', false)
    const chat = frame.getByRole('button', { name: /^Chat with us/ })
    await chat.click()
    // A visitor who has not signed in is asked who they are first.
    await frame.getByRole('button', { name: 'Start chatting' }).waitFor()
    await shoot(page, 'panel-chat-375')
    const gap = await frame.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Start chatting',
      )!
      const email = document.querySelector('input[type=email]')!
      return Math.round(button.getBoundingClientRect().top - email.getBoundingClientRect().bottom)
    })
    expect(gap).toBeGreaterThanOrEqual(8)
    expect(await axeViolations(page)).toEqual([])

    // An agent answers: their name above the message, their initials in an avatar beside it.
    const visitor = `look-${Date.now()}@example.com`
    await frame.getByLabel('Your name').fill('Look Visitor')
    await frame.getByLabel('Email address').fill(visitor)
    await frame.getByRole('button', { name: 'Start chatting' }).click()
    const composer = frame.getByRole('textbox', { name: 'Message' })
    await composer.fill('Is the rug back in stock?')
    await composer.press('Enter')
    await frame.locator('li.msg-shopper').first().waitFor()
    const token = await frame.evaluate(
      (key) => localStorage.getItem(`porchlight.session.chat.${key}`),
      DEMO_KEY,
    )
    const shopper = { 'x-porchlight-key': DEMO_KEY, authorization: `Bearer ${token}` }
    const current = (await (
      await fetch(`${baseUrl}/v1/conversations/current`, { headers: shopper })
    ).json()) as { conversation: { id: string } }
    const login = await fetch(`${baseUrl}/v1/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@lumen-loom.example', password: 'porchlight-demo' }),
    })
    const agent = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    }
    const answered = await fetch(
      `${baseUrl}/v1/agent/conversations/${current.conversation.id}/messages`,
      { method: 'POST', headers: agent, body: JSON.stringify({ text: 'It is: back on Monday.' }) },
    )
    expect(answered.status).toBe(201)
    const reply = frame.locator('li.msg-agent')
    await reply.waitFor()
    // The demo agent, "Dana (demo agent)": the note in brackets is no initial.
    expect(await reply.locator('.msg-author').textContent()).toBe('Dana (demo agent)')
    expect(await reply.locator('.avatar').textContent()).toBe('D')
    await shoot(page, 'panel-chat-thread-375')
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await close()
  })
})
