import { describe, expect, it } from 'vitest'
import {
  FakeShopifyAuth,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
} from '../../adapters/store/shopify/testing/fake-oauth.ts'
import { SAMPLE_EMAIL, sampleShop } from '../../adapters/store/shopify/testing/sample-shop.ts'
import { interceptShopify, TEST_PUBLIC_URL } from '../../adapters/store/shopify/testing/test-kit.ts'
import { signShopifyBody } from '../../adapters/store/shopify/webhook-signature.ts'
import { SUBSCRIBED_TOPICS } from '../../adapters/store/shopify/webhook-subscriptions.ts'
import { openSecret } from '../../secret-box.ts'
import { tokenPurpose } from '../../adapters/store/shopify/token-keeper.ts'
import { findShopifyToken } from '../../db/shopify-tokens.repository.ts'
import { findStoreById, type Store } from '../../db/stores.repository.ts'
import { keyringOf } from '../../keyring.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

const mocks = interceptShopify()
const APP_ENV = {
  SHOPIFY_APP_CLIENT_ID: TEST_CLIENT_ID,
  SHOPIFY_APP_CLIENT_SECRET: TEST_CLIENT_SECRET,
}

async function setup(env: Record<string, string> = APP_ENV) {
  const ctx = await createTestApp({ env })
  const shop = sampleShop({ today: ctx.clock.now() })
  const auth = new FakeShopifyAuth(shop)
  mocks.server.use(...auth.handlers(), ...shop.handlers())
  const owner = await signInAgent(ctx, 'st_demo', 'owner@st-demo.example', 'owner')
  const install = async (headers: Record<string, string> = owner.read, domain = shop.domain) => {
    const res = await ctx.app.request(`/shopify/install?shop=${encodeURIComponent(domain)}`, {
      headers,
    })
    const location = res.headers.get('location')
    const state = location === null ? null : new URL(location).searchParams.get('state')
    return { res, location, state }
  }
  /** Shopify's redirect back, signed with the app secret unless told otherwise. */
  const callback = (
    state: string,
    over: { cookie?: string; shop?: string; hmac?: string; code?: string } = {},
  ) => {
    const params: Record<string, string> = {
      code: over.code ?? auth.issueCode(),
      host: Buffer.from(`admin.shopify.com/store/lumen-loom`).toString('base64url'),
      shop: over.shop ?? shop.domain,
      state,
      timestamp: String(Math.floor(ctx.clock.now().getTime() / 1000)),
    }
    const hmac = over.hmac ?? auth.sign(params)
    const query = new URLSearchParams({ ...params, hmac })
    return ctx.app.request(`/shopify/callback?${query}`, {
      headers: { cookie: `pl_shopify_install=${over.cookie ?? state}` },
    })
  }
  const store = async () => (await findStoreById(ctx.db, 'st_demo')) as Store
  const nothingStored = async () => {
    expect((await store()).adapterKind).toBe('demo')
    expect(await findShopifyToken(ctx.db, 'st_demo')).toBeUndefined()
  }
  return { ...ctx, shop, auth, owner, install, callback, store, nothingStored }
}

describe(`Shopify OAuth install (${testDialect})`, () => {
  it('sends the owner to Shopify with a state bound to their session', async () => {
    const ctx = await setup()
    const { res, location, state } = await ctx.install()
    expect(res.status).toBe(302)
    const url = new URL(location!)
    expect(`${url.origin}${url.pathname}`).toBe(`https://${ctx.shop.domain}/admin/oauth/authorize`)
    expect(url.searchParams.get('client_id')).toBe(TEST_CLIENT_ID)
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:8787/shopify/callback')
    expect(url.searchParams.get('scope')).toContain('read_all_orders')
    expect(url.searchParams.has('grant_options[]')).toBe(false)
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(res.headers.get('set-cookie')).toMatch(/pl_shopify_install=.*SameSite=Lax/i)
  })

  it('lets only owners, signed in to the console, start an install', async () => {
    const ctx = await setup()
    const agent = await signInAgent(ctx)
    const refused = await ctx.install(agent.read)
    expect(refused.res.status).toBe(403)
    expect(await refused.res.text()).toContain('Only an owner')
    expect((await ctx.install({})).res.status).toBe(401)
    const bad = await ctx.install(ctx.owner.read, 'evil.example.com')
    expect(bad.res.status).toBe(400)
    const rows = await ctx.db.selectFrom('shopify_install_states').selectAll().execute()
    expect(rows).toEqual([])
  })

  it('says so in plain words when this server has no app to install', async () => {
    const ctx = await setup({})
    const { res } = await ctx.install()
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('client credentials')
  })

  it('exchanges the code for an expiring offline token and its refresh token, sealed', async () => {
    const ctx = await setup()
    const { state } = await ctx.install()
    const res = await ctx.callback(state!)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/console/settings')
    expect(ctx.auth.requests).toHaveLength(1)
    expect(ctx.auth.requests[0]?.body).toMatchObject({ client_id: TEST_CLIENT_ID, expiring: '1' })
    const store = await ctx.store()
    expect(store.adapterConfig).toMatchObject({ mode: 'oauth', clientId: TEST_CLIENT_ID })
    const row = await findShopifyToken(ctx.db, 'st_demo')
    const text = JSON.stringify([store.adapterConfig, row])
    expect(text).not.toContain(TEST_CLIENT_SECRET)
    expect(text).not.toContain(ctx.auth.refreshToken!)
    expect(text).not.toContain(ctx.shop.accessToken)
    const ring = keyringOf(ctx.config)
    expect(openSecret(ring, tokenPurpose('st_demo', 'refresh'), row!.refresh_token!)).toMatchObject(
      {
        plaintext: ctx.auth.refreshToken,
      },
    )
    const settings = await ctx.app.request('/v1/agent/settings/shopify', {
      headers: ctx.owner.read,
    })
    expect(await settings.json()).toMatchObject({
      connected: true,
      mode: 'oauth',
      token: { state: 'ok' },
    })
  })

  it('subscribes Porchlight’s webhooks on install, verified with the app’s client secret', async () => {
    const ctx = await setup({ ...APP_ENV, PUBLIC_URL: TEST_PUBLIC_URL })
    const { state } = await ctx.install()
    expect((await ctx.callback(state!)).status).toBe(302)
    const uri = `${TEST_PUBLIC_URL}/v1/webhooks/shopify/st_demo`
    expect(ctx.shop.callsOf('PorchlightWebhookCreate').map((c) => c.variables)).toEqual(
      SUBSCRIBED_TOPICS.map((t) => ({
        topic: t.toUpperCase().replace('/', '_'),
        webhookSubscription: { uri, format: 'JSON' },
      })),
    )
    const body = JSON.stringify({ id: 1 })
    const hook = (key: string) =>
      ctx.app.request('/v1/webhooks/shopify/st_demo', {
        method: 'POST',
        headers: {
          'x-shopify-topic': 'app/uninstalled',
          'x-shopify-shop-domain': ctx.shop.domain,
          'x-shopify-hmac-sha256': signShopifyBody(body, key),
        },
        body,
      })
    // The app's one privacy address serves every shop it is installed on, by shop domain.
    const request = JSON.stringify({
      shop_domain: ctx.shop.domain,
      customer: { id: 7001, email: SAMPLE_EMAIL },
      orders_requested: [],
      data_request: { id: 42 },
    })
    const privacy = (key: string, domain = ctx.shop.domain) =>
      ctx.app.request('/v1/webhooks/shopify', {
        method: 'POST',
        headers: {
          'x-shopify-topic': 'customers/data_request',
          'x-shopify-shop-domain': domain,
          'x-shopify-hmac-sha256': signShopifyBody(request, key),
        },
        body: request,
      })
    expect((await privacy('shpss_some_other_app_secret')).status).toBe(401)
    expect(await (await privacy(TEST_CLIENT_SECRET)).json()).toEqual({
      status: 'exported',
      created: true,
    })
    expect(await (await privacy(TEST_CLIENT_SECRET, 'elsewhere.myshopify.com')).json()).toEqual({
      status: 'ignored',
      reason: 'no store of this shop',
    })

    expect((await hook('shpss_some_other_app_secret')).status).toBe(401)
    expect((await hook(TEST_CLIENT_SECRET)).status).toBe(200)
    expect(await findShopifyToken(ctx.db, 'st_demo')).toBeUndefined()
  })

  it('rotates the refresh token on every renewal', async () => {
    const ctx = await setup()
    const { state } = await ctx.install()
    expect((await ctx.callback(state!)).status).toBe(302)
    const list = async () =>
      ctx.deps
        .shopify!.adapterFor(await ctx.store())
        .listOrders({ kind: 'email', value: SAMPLE_EMAIL }, { limit: 3 })
    const ring = keyringOf(ctx.config)
    const refreshOf = async () => {
      const row = await findShopifyToken(ctx.db, 'st_demo')
      const opened = openSecret(ring, tokenPurpose('st_demo', 'refresh'), row!.refresh_token!)
      return opened.ok ? opened.plaintext : null
    }
    const first = await refreshOf()
    let expected = first
    for (let i = 0; i < 2; i++) {
      ctx.clock.advance(ctx.auth.offlineLifeS * 1000)
      expect((await list()).orders.length).toBeGreaterThan(0)
      const sent = ctx.auth.requests.at(-1)!
      expect(sent.grantType).toBe('refresh_token')
      // Each renewal spends the refresh token the previous one stored, and stores the new one.
      expect(sent.body['refresh_token']).toBe(expected)
      const stored = await refreshOf()
      expect(stored).toBe(ctx.auth.refreshToken)
      expect(stored).not.toBe(expected)
      expected = stored
    }
    expect(ctx.auth.requests.map((r) => r.grantType)).toEqual([
      null,
      'refresh_token',
      'refresh_token',
    ])
  })

  it('refuses a forged callback: bad hmac, wrong state, other shop, replayed state', async () => {
    const ctx = await setup()
    const { state } = await ctx.install()
    const forged = await ctx.callback(state!, { hmac: 'a'.repeat(64) })
    expect(forged.status).toBe(400)
    expect(await forged.text()).toContain('does not carry Shopify’s signature')
    const otherBrowser = await ctx.callback(state!, { cookie: 'someone-elses-state' })
    expect(otherBrowser.status).toBe(400)
    expect(await otherBrowser.text()).toContain('not started in this browser')
    await ctx.nothingStored()
    expect(ctx.auth.requests).toEqual([])

    // Another shop, validly signed, coming back with this state.
    const second = await ctx.install()
    const other = await ctx.callback(second.state!, { shop: 'other-shop.myshopify.com' })
    expect(other.status).toBe(400)
    expect(await other.text()).toContain('started for lumen-loom.myshopify.com')
    await ctx.nothingStored()

    const third = await ctx.install()
    expect((await ctx.callback(third.state!)).status).toBe(302)
    const version = (await findShopifyToken(ctx.db, 'st_demo'))?.version
    const replayed = await ctx.callback(third.state!)
    expect(replayed.status).toBe(400)
    expect(await replayed.text()).toContain('already used or has expired')
    expect((await findShopifyToken(ctx.db, 'st_demo'))?.version).toBe(version)
    expect(
      ctx.logger.lines.filter((l) => l['msg'] === 'shopify install callback refused'),
    ).not.toHaveLength(0)
  })

  it('refuses a state whose console session ended, or that has expired', async () => {
    const ctx = await setup()
    const { state } = await ctx.install()
    await ctx.app.request('/v1/agent/logout', { method: 'POST', headers: ctx.owner.write })
    const ended = await ctx.callback(state!)
    expect(ended.status).toBe(400)
    expect(await ended.text()).toContain('session that started this install has ended')
    await ctx.nothingStored()
    const owner2 = await signInAgent(ctx, 'st_demo', 'owner2@st-demo.example', 'owner')
    const late = await ctx.install(owner2.read)
    ctx.clock.advance(10 * 60_000 + 1)
    expect((await ctx.callback(late.state!)).status).toBe(400)
    await ctx.nothingStored()
  })
})
