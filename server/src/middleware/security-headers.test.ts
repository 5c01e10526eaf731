import { describe, expect, it } from 'vitest'
import { deliveredCode, startChallenge, verify } from '../routes/auth/auth-test-kit.ts'
import { DEMO_WIDGET_KEY } from '../seed/demo-store.ts'
import { signInAgent } from '../test/agents.ts'
import { loadAssetsFromStrings } from '../test/assets.ts'
import { createTestApp, jsonRequest, mintShopperSession } from '../test/harness.ts'
import { mayBeStored } from './security-headers.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

const assets = () =>
  loadAssetsFromStrings({
    'porchlight.js': 'void 0',
    'app/index.html': '<!doctype html><title>panel</title>',
    'assets/app.js': 'void 0',
    'console/index.html': '<!doctype html><title>console</title>',
  })

/** A concrete URL for a route pattern: parameters become plausible values. */
function concrete(pattern: string): string {
  return pattern
    .replace(/:file\{[^}]*\}/, 'app.js')
    .replace(/:key/, DEMO_WIDGET_KEY)
    .replace(/:[a-zA-Z]+/g, 'x_1')
    .replace(/\*$/, 'tickets')
}

/** Every route the app registered (middleware entries are method ALL), once each. */
function routesOf(ctx: Ctx) {
  const seen = new Map<string, { method: string; path: string }>()
  for (const r of ctx.app.routes) {
    if (r.method === 'ALL') continue
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path })
  }
  return [...seen.values()]
}

async function credentials(ctx: Ctx) {
  const shopper = await mintShopperSession(ctx, 'st_demo', {
    kind: 'email',
    value: 'ada@example.com',
  })
  const agent = await signInAgent(ctx)
  return { ...shopper.headers, ...agent.write, 'x-porchlight-key': DEMO_WIDGET_KEY }
}

function expectPrivate(res: Response, what: string) {
  expect(res.headers.get('cache-control'), what).toMatch(/\bno-store\b/)
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
}

describe('security headers', () => {
  it('walks every route group, signed out and signed in, and marks each answer', async () => {
    const ctx = await createTestApp({ assets: assets() })
    const routes = routesOf(ctx)
    const signedIn = await credentials(ctx)
    const groups = new Set<string>()
    for (const { method, path } of routes) {
      const url = concrete(path)
      groups.add(
        url
          .split('/')
          .slice(0, url.startsWith('/v1/') ? 3 : 2)
          .join('/'),
      )
      for (const headers of [{}, signedIn]) {
        const init = method === 'GET' ? { headers } : jsonRequest(method, {}, headers)
        const res = await ctx.app.request(url, init)
        await res.body?.cancel()
        const what = `${method} ${url} (${res.status})`
        expect(res.status, what).toBeLessThan(500)
        expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
        if (!mayBeStored(url)) expectPrivate(res, what)
        if (url.startsWith('/console')) {
          expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
        }
        expect(res.headers.get('strict-transport-security'), what).toBeNull()
      }
    }
    // The walk reached each group: a route table that changed shape must not empty the test.
    for (const group of [
      '/v1/orders',
      '/v1/requests',
      '/v1/conversations',
      '/v1/agent',
      '/v1/auth',
      '/v1/widget',
      '/v1/contact',
      '/console',
      '/assets',
      '/w',
      '/porchlight.js',
      '/healthz',
    ]) {
      expect(groups, group).toContain(group)
    }
  })

  it('keeps static assets and the public widget configuration cacheable', async () => {
    const ctx = await createTestApp({ assets: assets() })
    const asset = await ctx.app.request('/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff')
    const config = await ctx.app.request('/v1/widget/config', {
      headers: { 'x-porchlight-key': DEMO_WIDGET_KEY },
    })
    expect(config.status).toBe(200)
    expect(config.headers.get('cache-control')).toBe('no-cache')
    expect(config.headers.get('etag')).not.toBeNull()
    expect(config.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('marks the answers that carry personal data or a token no-store', async () => {
    const ctx = await createTestApp()
    const shopper = await mintShopperSession(ctx, 'st_demo', {
      kind: 'email',
      value: 'ada@example.com',
    })
    const asShopper = { ...shopper.headers, 'x-porchlight-key': DEMO_WIDGET_KEY }
    const orders = await ctx.app.request('/v1/orders', { headers: asShopper })
    expect(orders.status).toBe(200)
    expectPrivate(orders, 'orders')
    const chat = await ctx.app.request('/v1/conversations/current', { headers: asShopper })
    expect(chat.status).toBeLessThan(300)
    expectPrivate(chat, 'current conversation')

    const agent = await signInAgent(ctx)
    const session = await ctx.app.request('/v1/agent/session', { headers: agent.read })
    expect(((await session.json()) as { csrfToken?: string }).csrfToken).toBeTypeOf('string')
    expectPrivate(session, 'agent session (CSRF token)')
    const tickets = await ctx.app.request('/v1/agent/tickets', { headers: agent.read })
    expect(tickets.status).toBe(200)
    expectPrivate(tickets, 'agent tickets')
    const login = await ctx.app.request(
      '/v1/agent/login',
      jsonRequest('POST', { email: 'agent-st_demo@example.com', password: 'agent-password' }),
    )
    expect(login.status).toBe(200)
    expectPrivate(login, 'agent login')

    const challenge = await startChallenge(ctx)
    const verified = await verify(ctx, challenge, await deliveredCode(ctx, 'ada@example.com'))
    expect(((await verified.json()) as { token?: string }).token).toBeTypeOf('string')
    expectPrivate(verified, 'code verified (session token)')
  })

  it('sends HSTS when the public URL is https, and only then', async () => {
    const ctx = await createTestApp({ env: { PUBLIC_URL: 'https://support.example.com' } })
    for (const path of ['/healthz', '/v1/orders', '/nowhere']) {
      const res = await ctx.app.request(path)
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000')
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })
})
