import { describe, expect, it } from 'vitest'
import {
  FakeShopifyAuth,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
} from '../../adapters/store/shopify/testing/fake-oauth.ts'
import { signedProxyQuery } from '../../adapters/store/shopify/testing/app-proxy-kit.ts'
import type { FakeShop } from '../../adapters/store/shopify/testing/fake-shop.ts'
import { SAMPLE_EMAIL, sampleShop } from '../../adapters/store/shopify/testing/sample-shop.ts'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

/**
 * Signed-in shoppers skip the code: Shopify's app proxy forwards the storefront's request for
 * the customer's identity, signed; Porchlight answers a one-time grant the panel trades for a
 * session. The proxy requests are signed here as Shopify does, with the app's client secret.
 */
const mocks = interceptShopify()
const AGENT_SETTINGS = '/v1/agent/settings/shopify'
/** Ada, the sample shop's customer with orders in every state. */
const ADA_ID = '7001'

type Ctx = Awaited<ReturnType<typeof setup>>

async function connect(
  ctx: Awaited<ReturnType<typeof createTestApp>>,
  storeId: string,
  shop: FakeShop,
) {
  const auth = new FakeShopifyAuth(shop)
  mocks.server.use(...auth.handlers(), ...shop.handlers())
  const owner = await signInAgent(ctx, storeId, `owner@${storeId}.example`, 'owner')
  const res = await ctx.app.request(AGENT_SETTINGS, {
    method: 'PUT',
    headers: owner.write,
    body: JSON.stringify({
      mode: 'client_credentials',
      domain: shop.domain,
      clientId: TEST_CLIENT_ID,
      clientSecret: TEST_CLIENT_SECRET,
    }),
  })
  expect(res.status).toBe(200)
}

async function setup() {
  const ctx = await createTestApp()
  const shop = sampleShop({ today: ctx.clock.now() })
  await connect(ctx, 'st_demo', shop)
  return { ...ctx, shop }
}

/** The query Shopify forwards to the proxy URL, signed with `secret` (the app's by default). */
function proxyQuery(
  ctx: Ctx,
  params: Record<string, string> = {},
  secret = TEST_CLIENT_SECRET,
): URLSearchParams {
  const all: Record<string, string> = {
    shop: ctx.shop.domain,
    logged_in_customer_id: ADA_ID,
    path_prefix: '/apps/porchlight',
    timestamp: String(Math.floor(ctx.clock.now().getTime() / 1000)),
    ...params,
  }
  return signedProxyQuery(all, secret)
}

const askIdentity = (ctx: Ctx, query: URLSearchParams, storeId = 'st_demo') =>
  ctx.app.request(`/v1/shopify/proxy/${storeId}/identity?${query}`)

const redeem = (ctx: Ctx, grant: string, key = DEMO_WIDGET_KEY) =>
  ctx.app.request('/v1/auth/grant', jsonRequest('POST', { grant }, { 'x-porchlight-key': key }))

async function grantOf(ctx: Ctx): Promise<string> {
  const res = await askIdentity(ctx, proxyQuery(ctx))
  expect(res.status).toBe(200)
  return ((await res.json()) as { grant: string }).grant
}

const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code

const logged = (ctx: Ctx, msg: string, why: string) =>
  ctx.logger.lines.some((l) => l['msg'] === msg && l['why'] === why)

const count = async (ctx: Ctx, table: 'identity_grants' | 'shopper_sessions') =>
  (await ctx.db.selectFrom(table).selectAll().execute()).length

describe(`Shopify app proxy identity (${testDialect})`, () => {
  it('answers a signed-in customer a one-time grant that opens a session on their orders', async () => {
    const ctx = await setup()
    const res = await askIdentity(ctx, proxyQuery(ctx))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as { grant: string; expiresInSeconds: number }
    expect(body.expiresInSeconds).toBe(60)
    expect(body.grant).toMatch(/^plg_[\w-]{43}$/)
    // The customer was read through the Admin API, by the id Shopify signed.
    expect(ctx.shop.callsOf('PorchlightCustomerById').map((c) => c.variables)).toEqual([
      { id: `gid://shopify/Customer/${ADA_ID}` },
    ])
    // Stored hashed: the grant itself is nowhere in the database.
    const rows = await ctx.db.selectFrom('identity_grants').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(body.grant.slice(4))

    const traded = await redeem(ctx, body.grant)
    expect(traded.status).toBe(200)
    expect(traded.headers.get('cache-control')).toBe('no-store')
    const session = (await traded.json()) as { token: string; identity: unknown }
    expect(session.identity).toEqual({ kind: 'email', value: SAMPLE_EMAIL })
    const orders = await ctx.app.request('/v1/orders?limit=20', {
      headers: { authorization: `Bearer ${session.token}` },
    })
    expect(orders.status).toBe(200)
    const list = (await orders.json()) as { orders: Array<{ name: string }> }
    expect(list.orders.map((o) => o.name)).toContain('#1001')
    expect(await count(ctx, 'identity_grants')).toBe(0)
  })

  it('refuses a signature made with another secret, or a parameter changed after signing', async () => {
    const ctx = await setup()
    const forged = proxyQuery(ctx, {}, 'shpss_not_the_app_secret_0123456789')
    expect(await codeOf(await askIdentity(ctx, forged))).toBe('proxy_signature_invalid')
    const moved = proxyQuery(ctx, { logged_in_customer_id: '1' })
    moved.set('logged_in_customer_id', ADA_ID)
    const res = await askIdentity(ctx, moved)
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('proxy_signature_invalid')
    const unsigned = proxyQuery(ctx)
    unsigned.delete('signature')
    expect(await codeOf(await askIdentity(ctx, unsigned))).toBe('proxy_signature_invalid')
    expect(logged(ctx, 'app proxy identity refused', 'bad_signature')).toBe(true)
    // Nothing asked of Shopify, nothing stored.
    expect(ctx.shop.callsOf('PorchlightCustomerById')).toEqual([])
    expect(await count(ctx, 'identity_grants')).toBe(0)
  })

  it('refuses a request whose timestamp is over 90 seconds from the clock', async () => {
    const ctx = await setup()
    const signed = proxyQuery(ctx)
    ctx.clock.advance(91_000)
    const res = await askIdentity(ctx, signed)
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('proxy_request_stale')
    const ahead = String(Math.floor(ctx.clock.now().getTime() / 1000) + 91)
    expect(await codeOf(await askIdentity(ctx, proxyQuery(ctx, { timestamp: ahead })))).toBe(
      'proxy_request_stale',
    )
    // Within the window it still works.
    ctx.clock.advance(-2_000)
    expect((await askIdentity(ctx, signed)).status).toBe(200)
    expect(logged(ctx, 'app proxy identity refused', 'stale_timestamp')).toBe(true)
  })

  it('refuses when nobody is signed in to the storefront, or the shop does not know them', async () => {
    const ctx = await setup()
    const signedOut = await askIdentity(ctx, proxyQuery(ctx, { logged_in_customer_id: '' }))
    expect(signedOut.status).toBe(401)
    expect(await codeOf(signedOut)).toBe('customer_signed_out')
    const unknown = await askIdentity(ctx, proxyQuery(ctx, { logged_in_customer_id: '999999' }))
    expect(await codeOf(unknown)).toBe('customer_unknown')
    expect(logged(ctx, 'app proxy identity refused', 'no_customer')).toBe(true)
    expect(logged(ctx, 'app proxy identity refused', 'customer_not_found')).toBe(true)
    // An app not approved for protected customer data cannot learn who the customer is.
    ctx.shop.customerDataWithheld = true
    const withheld = await askIdentity(ctx, proxyQuery(ctx))
    expect(await codeOf(withheld)).toBe('customer_unknown')
    expect(logged(ctx, 'app proxy identity refused', 'customer_data_withheld')).toBe(true)
    expect(await count(ctx, 'identity_grants')).toBe(0)
  })

  it('refuses a request signed for another shop of the same app, and stores without an app', async () => {
    const ctx = await setup()
    await insertOtherStore(ctx)
    await connect(ctx, 'st_other', sampleShop({ domain: 'other-shop.myshopify.com' }))
    // Ada's shop signed it, with the app's one secret: the other store's shop must not accept it.
    const res = await askIdentity(ctx, proxyQuery(ctx), 'st_other')
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('proxy_shop_mismatch')
    expect(logged(ctx, 'app proxy identity refused', 'other_shop')).toBe(true)
    await insertOtherStore(ctx, 'st_plain', 'pk_plain_store')
    const demo = await askIdentity(ctx, proxyQuery(ctx), 'st_plain')
    expect(demo.status).toBe(404)
    expect(await codeOf(demo)).toBe('proxy_not_configured')
    expect(await codeOf(await askIdentity(ctx, proxyQuery(ctx), 'st_nope'))).toBe('store_not_found')
    expect(await count(ctx, 'identity_grants')).toBe(0)
  })
})

describe(`POST /v1/auth/grant (${testDialect})`, () => {
  it('opens one session when a grant is traded twice at the same moment', async () => {
    const ctx = await setup()
    const grant = await grantOf(ctx)
    const answers = await Promise.all([redeem(ctx, grant), redeem(ctx, grant)])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401])
    const refused = answers.find((r) => r.status === 401) as Response
    expect(await codeOf(refused)).toBe('grant_invalid')
    expect(await count(ctx, 'shopper_sessions')).toBe(1)
    expect(await codeOf(await redeem(ctx, grant))).toBe('grant_invalid')
    expect(await count(ctx, 'shopper_sessions')).toBe(1)
    expect(logged(ctx, 'identity grant refused', 'unknown_or_used')).toBe(true)
  })

  it('refuses a grant after its 60 seconds', async () => {
    const ctx = await setup()
    const grant = await grantOf(ctx)
    ctx.clock.advance(60_000)
    const res = await redeem(ctx, grant)
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('grant_invalid')
    expect(logged(ctx, 'identity grant refused', 'expired')).toBe(true)
    expect(await count(ctx, 'shopper_sessions')).toBe(0)
  })

  it('refuses a grant of another store, which stays good for its own', async () => {
    const ctx = await setup()
    await insertOtherStore(ctx)
    const grant = await grantOf(ctx)
    const res = await redeem(ctx, grant, 'pk_other_store')
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('grant_invalid')
    expect(logged(ctx, 'identity grant refused', 'other_store')).toBe(true)
    expect(await count(ctx, 'shopper_sessions')).toBe(0)
    expect((await redeem(ctx, grant)).status).toBe(200)
  })

  it('answers a made-up or malformed grant as any refused one, and bad bodies with 400', async () => {
    const ctx = await setup()
    const madeUp = `plg_${'A'.repeat(43)}`
    for (const grant of [madeUp, 'plg_short', 'x'.repeat(200)]) {
      const res = await redeem(ctx, grant)
      expect(res.status).toBe(401)
      expect(await codeOf(res)).toBe('grant_invalid')
    }
    const extra = await ctx.app.request(
      '/v1/auth/grant',
      jsonRequest(
        'POST',
        { grant: madeUp, identity: SAMPLE_EMAIL },
        {
          'x-porchlight-key': DEMO_WIDGET_KEY,
        },
      ),
    )
    expect(extra.status).toBe(400)
    const missing = await ctx.app.request(
      '/v1/auth/grant',
      jsonRequest('POST', {}, { 'x-porchlight-key': DEMO_WIDGET_KEY }),
    )
    expect(missing.status).toBe(400)
    expect(await count(ctx, 'shopper_sessions')).toBe(0)
  })
})
