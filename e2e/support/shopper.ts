import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core'
import { expect } from 'vitest'
import { settledFrame } from './host-page.ts'

/**
 * A shopper's side of the journeys: the sign-in code read from the dev outbox (as a developer
 * would), the shopper API for checking what the panel did, and the panel's screens driven by
 * their visible names, in a page or in an embed's frame alike. The demo store's unless a
 * store's widget key is given.
 */
export const DEMO_KEY = 'pk_demo_lumen'

export type Surface = Page | Frame

interface OutboxMessage {
  at: string
  to: string
  subject: string
  text: string
}

export async function outbox(baseUrl: string, to: string): Promise<OutboxMessage[]> {
  const { messages } = (await (await fetch(`${baseUrl}/dev/outbox.json`)).json()) as {
    messages: OutboxMessage[]
  }
  return messages.filter((m) => m.to === to)
}

export async function poll<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

/**
 * The newest sign-in code sent to `to` since `since` (epoch ms): on a line of its own in an
 * email, after `#` on a text message's last line (which may end with this server's host).
 */
export function codeFor(baseUrl: string, to: string, since: number): Promise<string> {
  return poll(async () => {
    const fresh = (await outbox(baseUrl, to)).filter((m) => Date.parse(m.at) >= since - 1000)
    const text = fresh.at(-1)?.text
    return text === undefined ? undefined : /(?:^ {4}|#)([0-9]{6})(?: @\S+)?$/m.exec(text)?.[1]
  }, `a sign-in code for ${to}`)
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-porchlight-key': DEMO_KEY, ...headers },
  body: JSON.stringify(body),
})

/** Signs in through the API (for journeys that start signed in); returns the session token. */
/**
 * A copy of demo order `#from` for `email`, a shopper of the journey's own (the test server's
 * fixture route): no other journey sees or changes it. Its name is `#from-<suffix>`.
 */
export async function freshDemoOrder(
  baseUrl: string,
  from: number,
  email: string,
): Promise<{ id: string; name: string }> {
  const res = await fetch(`${baseUrl}/test/demo-orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, email }),
  })
  if (res.status !== 201) throw new Error(`demo order: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id: string; name: string }
}

/**
 * A session for a shopper without a code (the test server's fixture route): for journeys that
 * only read, so they never race another journey's sign-in for the same shopper (the server's
 * 30 s resend cooldown would answer one of them 429).
 */
export async function testSession(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(
    `${baseUrl}/test/shopper-sessions`,
    json({ identity: { kind: 'email', value: email } }),
  )
  if (res.status !== 201 && res.status !== 200) throw new Error(`session: ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

export async function apiSignIn(baseUrl: string, email: string): Promise<string> {
  for (;;) {
    const since = Date.now()
    const asked = await fetch(
      `${baseUrl}/v1/auth/challenges`,
      json({ channel: 'email', identifier: email, locale: 'en' }),
    )
    const body = (await asked.json()) as {
      challengeId?: string
      error?: { code: string; details?: { retryAfterSeconds?: number } }
    }
    // Another journey asked for this shopper a moment ago: wait out the cooldown once.
    if (body.error?.code === 'resend_too_soon') {
      await new Promise((r) => setTimeout(r, (body.error?.details?.retryAfterSeconds ?? 30) * 1000))
      continue
    }
    if (!body.challengeId) throw new Error(`no challenge: ${JSON.stringify(body)}`)
    const code = await codeFor(baseUrl, email, since)
    const verified = await fetch(
      `${baseUrl}/v1/auth/challenges/${body.challengeId}/verify`,
      json({ code }),
    )
    const session = (await verified.json()) as { token: string }
    return session.token
  }
}

/** A call to our API as the signed-in shopper (of the store whose widget key is `init.key`). */
export async function shopperApi(
  baseUrl: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; key?: string } = {},
) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-porchlight-key': init.key ?? DEMO_KEY,
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await res.text()
  return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as any }
}

/** The session token the panel keeps in its own storage (our origin, inside the frame). */
export function panelToken(surface: Surface, key = DEMO_KEY): Promise<string | null> {
  return surface.evaluate((k) => localStorage.getItem(`porchlight.session.${k}`), key)
}

/** The shopper's requests on one order, as the server lists them. */
export async function requestsOn(baseUrl: string, token: string, orderName: string, key?: string) {
  const res = await shopperApi(baseUrl, token, '/v1/requests', key === undefined ? {} : { key })
  expect(res.status).toBe(200)
  return (
    res.body.requests as Array<{ orderName: string; type: string; reference: string }>
  ).filter((r) => r.orderName === orderName)
}

/**
 * Exactly one acknowledgement for `reference` reaches `to`, and no second one follows. The
 * reference stands alone: ticket #1 is not found inside order #1001.
 */
export async function expectOneAcknowledgement(baseUrl: string, to: string, reference: string) {
  const named = new RegExp(`${reference.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`)
  const about = async () => (await outbox(baseUrl, to)).filter((m) => named.test(m.text))
  await poll(
    async () => ((await about()).length > 0 ? true : undefined),
    `the ${reference} message`,
  )
  await new Promise((r) => setTimeout(r, 1500))
  expect(await about()).toHaveLength(1)
}

export const heading = (surface: Surface) => surface.getByRole('heading', { level: 2 })

/** Waits until the screen's heading reads `text` (and so the screen has changed). */
export async function onScreen(surface: Surface, text: string): Promise<void> {
  await surface.getByRole('heading', { level: 2, name: text, exact: true }).waitFor()
}

/**
 * Signs in through the panel's screens with the code from the dev outbox: by text message when
 * `identifier` is a phone number (`+` and digits, typed as given, spaces and all).
 */
export async function signInThroughPanel(
  surface: Surface,
  baseUrl: string,
  identifier: string,
): Promise<void> {
  const phone = identifier.startsWith('+')
  // The outbox holds the number as the server keeps it: E.164, without the spaces.
  const to = phone ? identifier.replace(/[\s.()-]/g, '') : identifier
  await surface
    .getByRole('button', { name: phone ? 'Get a code by text message' : 'Get a code by email' })
    .click()
  await surface
    .getByLabel(phone ? 'Mobile phone number' : 'Email address', { exact: true })
    .fill(identifier)
  for (;;) {
    const since = Date.now()
    await surface.getByRole('button', { name: 'Send code' }).click()
    const wait = surface.getByRole('alert').filter({ hasText: 'Please wait' })
    const outcome = await Promise.race([
      onScreen(surface, 'Enter your code').then(() => 'code' as const),
      wait.waitFor().then(() => 'wait' as const),
    ])
    if (outcome === 'code') {
      await surface
        .getByLabel('6-digit code', { exact: true })
        .fill(await codeFor(baseUrl, to, since))
      await onScreen(surface, 'Your orders')
      return
    }
    // Another journey signed this shopper in moments ago: wait out the cooldown, once.
    await new Promise((r) => setTimeout(r, 31_000))
  }
}

/** Opens an order from the list by its number, showing more orders if needed. */
export async function openOrder(surface: Surface, name: string): Promise<void> {
  const row = surface.getByRole('button', { name: new RegExp(`Order ${name}\\b`) })
  const more = surface.getByRole('button', { name: 'Show more orders' })
  while ((await row.count()) === 0 && (await more.count()) > 0) {
    await more.click()
    await surface.getByRole('button', { name: 'Loading…' }).waitFor({ state: 'detached' })
  }
  await row.click()
  await onScreen(surface, `Order ${name}`)
  // The order itself has arrived when its page lists what it holds.
  await surface.getByRole('heading', { level: 3, name: 'Order summary' }).waitFor()
}

/** Goes from the order page through a request's form and review; stops before sending. */
export async function fillRequest(
  surface: Surface,
  action: 'Return items' | 'Cancel order' | 'Report an issue',
  reason?: string,
): Promise<void> {
  await surface.getByRole('button', { name: action }).click()
  if (action === 'Return items') {
    await surface.locator('input[type=checkbox]:not([disabled])').first().check()
  }
  const choice = reason
    ? surface.getByRole('radio', { name: reason, exact: true })
    : surface.getByRole('radio').first()
  await choice.check()
  await surface.getByLabel(/Anything else we should know/).fill('Sent by the e2e journey.')
  await surface.getByRole('button', { name: 'Continue' }).click()
  await onScreen(surface, 'Check your request')
}

/** Sends the reviewed request; returns the reference the confirmation shows. */
export async function sendRequest(surface: Surface): Promise<string> {
  await surface.getByRole('button', { name: 'Send request' }).click()
  await onScreen(surface, 'Request sent')
  const text = await surface.getByText(/^Your reference is /).textContent()
  return /^Your reference is (.+)\.$/.exec(text ?? '')?.[1] ?? ''
}

/** Every piece of text a shopper sees or hears in the panel, in document order. */
export function visibleTexts(surface: Surface): Promise<string[]> {
  return surface.evaluate(() => {
    const texts: string[] = []
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    )
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent?.replace(/[\u2068\u2069]/g, '').trim()
        if (text) texts.push(text)
      } else {
        const label = (node as Element).getAttribute('aria-label')
        if (label) texts.push(label)
      }
    }
    return texts
  })
}

/** WCAG 2.1 A and AA violations on the page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await animationsFinished(page)
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
}

/**
 * Waits for the screens' entrance animations (160 ms) in every frame: accessibility checks judge
 * the screen the shopper reads, not a half-transparent frame of its fade-in.
 */
export async function animationsFinished(page: Page): Promise<void> {
  const settle = () => Promise.all(document.getAnimations().map((a) => a.finished))
  await Promise.all(page.frames().map((frame) => frame.evaluate(settle).catch(() => undefined)))
}

/** Collects uncaught exceptions and console errors (CSP violations land there). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}

async function withSession(page: Page, token: string) {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(`porchlight.session.${key}`, value!),
    [DEMO_KEY, token],
  )
}

/** The demo storefront with the floating panel open, the shopper already signed in. */
export async function openStorefront(browser: Browser, baseUrl: string, token: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${baseUrl}/`)
  // The demo storefront is on our origin, so its storage is the panel's.
  await withSession(page, token)
  await page.locator('porchlight-launcher button').click()
  const frame = await settledFrame(page, 'floating')
  await onScreen(frame, 'Your orders')
  return { page, frame, errors, close: () => context.close() }
}

/** The panel's own page (`/w/<key>` + query), the shopper already signed in. */
export async function openPanel(
  browser: Browser,
  baseUrl: string,
  token: string,
  query: string,
  options: BrowserContextOptions = {},
) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${baseUrl}/w/${DEMO_KEY}${query}`)
  await withSession(page, token)
  await page.reload()
  await page.locator('ul.orders > li').first().waitFor()
  return { page, errors, close: () => context.close() }
}
