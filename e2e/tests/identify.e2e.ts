import { createHmac } from 'node:crypto'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import { launcherButton, launcherReady, openHost, widgetFrame } from '../support/host-page.ts'
import { HOST_PAGES } from '../support/host-server.ts'

/**
 * Signed identity: the storefront (another origin) hands the widget a token its own server
 * signed for the signed-in customer, `Porchlight('identify', token)`, and the shopper opens the
 * panel on their orders without a code. A token with a bad signature leaves the usual sign-in.
 */
const baseUrl = inject('baseUrl')
const hostUrl = inject('hostUrl')
/** The host pages' store's owner (server/src/seed/test-hosts-store.ts). */
const OWNER = { email: 'owner@test-hosts.example', password: 'test-hosts-owner-pw' }
let browser: Browser
let secret: string

beforeAll(async () => {
  browser = await connectBrowser(inject('browserWsEndpoint'))
  // The owner makes the store's identity secret, as the console's settings do.
  const login = await fetch(`${baseUrl}/v1/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OWNER),
  })
  expect(login.status).toBe(200)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const made = await fetch(`${baseUrl}/v1/agent/settings/identity-secrets`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
  })
  expect(made.status).toBe(201)
  ;({ secret } = (await made.json()) as { secret: string })
})
afterAll(async () => {
  await browser?.close()
})

/** What the merchant's server does: an HS256 JWT for the customer, 5 minutes of life. */
function identityToken(email: string, key: string) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ email, aud: 'pk_test_hosts', exp: now + 300 })}`
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`
}

type Api = (...args: unknown[]) => void

describe('a shopper signed in to the storefront', () => {
  it('opens the panel on their orders, with no code', async () => {
    const host = await openHost(browser, `${hostUrl}${HOST_PAGES.plain}`)
    await launcherReady(host.page)
    await host.page.evaluate(
      (token) => (window as unknown as { Porchlight: Api }).Porchlight('identify', token),
      identityToken('ada@example.com', secret),
    )
    await launcherButton(host.page).click()
    const frame = await widgetFrame(host.page, 'floating')
    await frame.getByRole('heading', { level: 2, name: 'Your orders', exact: true }).waitFor()
    await frame.getByText('#1001').first().waitFor()
    expect(host.problems).toEqual([])
    await host.close()
  })

  it('falls back to the code when the token’s signature is wrong', async () => {
    const host = await openHost(browser, `${hostUrl}${HOST_PAGES.plain}`)
    await launcherReady(host.page)
    await host.page.evaluate(
      (token) => (window as unknown as { Porchlight: Api }).Porchlight('identify', token),
      identityToken('ada@example.com', 'not-the-store-secret'),
    )
    // Listening before the click: the panel may trade the token as soon as it is up.
    const identified = host.page.waitForResponse((r) => r.url().endsWith('/v1/auth/identify'))
    await launcherButton(host.page).click()
    const frame = await widgetFrame(host.page, 'floating')
    expect((await identified).status()).toBe(401)
    await frame.getByRole('heading', { level: 2, name: 'Sign in to see your orders' }).waitFor()
    // The refused trade is the only problem the page saw.
    expect(host.problems.filter((p) => !p.includes('/v1/auth/identify'))).toEqual([])
    await host.close()
  })
})
