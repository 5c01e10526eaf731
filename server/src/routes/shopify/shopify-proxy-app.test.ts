import { describe, expect, it } from 'vitest'
import { signedProxyQuery } from '../../adapters/store/shopify/testing/app-proxy-kit.ts'
import {
  FakeShopifyAuth,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
} from '../../adapters/store/shopify/testing/fake-oauth.ts'
import { SAMPLE_EMAIL, sampleShop } from '../../adapters/store/shopify/testing/sample-shop.ts'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

/**
 * The app proxy of this server's own OAuth app: one proxy URL (`/v1/shopify/proxy`) for every
 * shop the app is installed on, so the store is found by the signed `shop` parameter.
 */
const mocks = interceptShopify()
const APP_ENV = {
  SHOPIFY_APP_CLIENT_ID: TEST_CLIENT_ID,
  SHOPIFY_APP_CLIENT_SECRET: TEST_CLIENT_SECRET,
}

async function installed(env: Record<string, string> = APP_ENV) {
  const ctx = await createTestApp({ env })
  const shop = sampleShop({ today: ctx.clock.now() })
  const auth = new FakeShopifyAuth(shop)
  mocks.server.use(...auth.handlers(), ...shop.handlers())
  const owner = await signInAgent(ctx, 'st_demo', 'owner@st-demo.example', 'owner')
  const start = await ctx.app.request(`/shopify/install?shop=${shop.domain}`, {
    headers: owner.read,
  })
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!
  const params: Record<string, string> = {
    code: auth.issueCode(),
    shop: shop.domain,
    state,
    timestamp: String(Math.floor(ctx.clock.now().getTime() / 1000)),
  }
  const done = await ctx.app.request(
    `/shopify/callback?${new URLSearchParams({ ...params, hmac: auth.sign(params) })}`,
    { headers: { cookie: `pl_shopify_install=${state}` } },
  )
  expect(done.status).toBe(302)
  const ask = (over: Record<string, string> = {}, secret = TEST_CLIENT_SECRET) =>
    ctx.app.request(
      `/v1/shopify/proxy/identity?${signedProxyQuery(
        {
          shop: shop.domain,
          logged_in_customer_id: '7001',
          path_prefix: '/apps/porchlight',
          timestamp: String(Math.floor(ctx.clock.now().getTime() / 1000)),
          ...over,
        },
        secret,
      )}`,
    )
  return { ...ctx, shop, ask }
}

const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code

describe(`Shopify app proxy of this server's OAuth app (${testDialect})`, () => {
  it('finds the store by the signed shop and answers a grant that opens its session', async () => {
    const ctx = await installed()
    const res = await ctx.ask()
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const { grant } = (await res.json()) as { grant: string }
    const traded = await ctx.app.request(
      '/v1/auth/grant',
      jsonRequest('POST', { grant }, { 'x-porchlight-key': DEMO_WIDGET_KEY }),
    )
    expect(traded.status).toBe(200)
    expect(((await traded.json()) as { identity: unknown }).identity).toEqual({
      kind: 'email',
      value: SAMPLE_EMAIL,
    })
  })

  it('refuses another secret, a shop it is not installed on, and a server without an app', async () => {
    const ctx = await installed()
    const forged = await ctx.ask({}, 'shpss_another_apps_secret')
    expect(forged.status).toBe(401)
    expect(await codeOf(forged)).toBe('proxy_signature_invalid')
    const elsewhere = await ctx.ask({ shop: 'elsewhere.myshopify.com' })
    expect(elsewhere.status).toBe(404)
    expect(await codeOf(elsewhere)).toBe('proxy_not_configured')
    const notAShop = await ctx.ask({ shop: 'evil.example.com' })
    expect(await codeOf(notAShop)).toBe('proxy_not_configured')
    expect(ctx.logger.lines.filter((l) => l['msg'] === 'app proxy identity refused')).toHaveLength(
      3,
    )
    // Nothing was handed out for any of them.
    expect(await ctx.db.selectFrom('identity_grants').selectAll().execute()).toEqual([])

    const bare = await createTestApp()
    const none = await bare.app.request('/v1/shopify/proxy/identity?shop=x.myshopify.com')
    expect(none.status).toBe(404)
    expect(await codeOf(none)).toBe('not_found')
  })
})
