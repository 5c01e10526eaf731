import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { FakeShop } from '../../adapters/store/shopify/testing/fake-shop.ts'
import { SAMPLE_EMAIL, sampleShop } from '../../adapters/store/shopify/testing/sample-shop.ts'
import { readShopifyConfig } from '../../adapters/store/shopify/shopify-config.ts'
import {
  interceptShopify,
  TEST_KEYRING,
  TEST_PUBLIC_URL,
} from '../../adapters/store/shopify/testing/test-kit.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { logInAgent } from '../../services/agents/agent-sessions.ts'
import { hashPassword } from '../../services/agents/passwords.ts'
import { insertOtherStore } from '../../test/agents.ts'
import { SUBSCRIBED_TOPICS } from '../../adapters/store/shopify/webhook-subscriptions.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'

const mocks = interceptShopify()
const PATH = '/v1/agent/settings/shopify'
const SECRET = 'whsec_settings_0123456789'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

async function agentOf(ctx: Ctx, storeId: string, role: 'owner' | 'agent') {
  const email = `${role}@${storeId}.example`
  await ctx.db
    .insertInto('agents')
    .values({
      id: `ag_${storeId}_${role}`,
      store_id: storeId,
      email,
      name: `${role} of ${storeId}`,
      password_hash: await hashPassword('agent-password'),
      role,
      created_at: 0,
    })
    .execute()
  const login = await logInAgent(ctx.db, {
    email,
    password: 'agent-password',
    storeId,
    now: ctx.clock.now(),
  })
  if (!login.ok) throw new Error(login.code)
  const cookie = `pl_agent=${login.token}`
  return {
    read: { cookie },
    write: { cookie, 'x-csrf-token': login.csrfToken, 'content-type': 'application/json' },
  }
}

async function setup(given?: FakeShop) {
  // Shopify subscribes only public HTTPS addresses.
  const ctx = await createTestApp({ env: { PUBLIC_URL: TEST_PUBLIC_URL } })
  // The recently delivered order is dated from the app's clock, as the e2e shop is.
  const shop = given ?? sampleShop({ today: ctx.clock.now() })
  mocks.use(shop)
  const owner = await agentOf(ctx, 'st_demo', 'owner')
  const put = (body: unknown, headers: Record<string, string> = owner.write) =>
    ctx.app.request(PATH, { method: 'PUT', headers, body: JSON.stringify(body) })
  const good = { domain: shop.domain, accessToken: shop.accessToken, webhookSecret: SECRET }
  return { ...ctx, shop, owner, put, good }
}

const errorCode = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code

describe(`console settings: Shopify connection (${testDialect})`, () => {
  it('tells any agent the store is not connected, and only owners may change that', async () => {
    const ctx = await setup()
    const agent = await agentOf(ctx, 'st_demo', 'agent')
    const res = await ctx.app.request(PATH, { headers: agent.read })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      connected: false,
      domain: null,
      shopName: null,
      scopes: null,
      warnings: [],
      webhookUrl: `${TEST_PUBLIC_URL}/v1/webhooks/shopify/st_demo`,
      apiVersion: '2026-10',
      canEdit: false,
    })
    expect(
      (
        (await (await ctx.app.request(PATH, { headers: ctx.owner.read })).json()) as {
          canEdit: boolean
        }
      ).canEdit,
    ).toBe(true)
  })

  it('connects after a test query, saves the secrets, and never sends them back', async () => {
    const ctx = await setup()
    const res = await ctx.put({ ...ctx.good, domain: ' Lumen-Loom.myshopify.com ' })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({
      connected: true,
      domain: 'lumen-loom.myshopify.com',
      shopName: 'Lumen & Loom',
      scopes: [
        'read_all_orders',
        'read_customers',
        'read_fulfillments',
        'read_orders',
        'read_returns',
        'write_orders',
        'write_returns',
      ],
    })
    expect(ctx.shop.callsOf('PorchlightShop')).toHaveLength(1)
    const store = await findStoreById(ctx.db, 'st_demo')
    expect(store?.adapterKind).toBe('shopify')
    // Sealed at rest; they open to what the owner gave.
    expect(JSON.stringify(store?.adapterConfig)).not.toContain(ctx.shop.accessToken)
    expect(JSON.stringify(store?.adapterConfig)).not.toContain(SECRET)
    expect(readShopifyConfig(store!.adapterConfig, 'st_demo', TEST_KEYRING)?.connection).toEqual({
      mode: 'legacy',
      domain: 'lumen-loom.myshopify.com',
      accessToken: ctx.shop.accessToken,
      webhookSecret: SECRET,
    })
    const read = await (await ctx.app.request(PATH, { headers: ctx.owner.read })).text()
    for (const body of [text, read]) {
      expect(body).not.toContain(ctx.shop.accessToken)
      expect(body).not.toContain(SECRET)
    }
    expect(JSON.stringify(ctx.logger.lines)).not.toContain(ctx.shop.accessToken)
  })

  it('puts the shop’s orders in front of the store’s shoppers once connected', async () => {
    const ctx = await setup()
    const shopper = await mintShopperSession(ctx, 'st_demo', { kind: 'email', value: SAMPLE_EMAIL })
    expect((await ctx.put(ctx.good)).status).toBe(200)
    const res = await ctx.app.request('/v1/orders?limit=50', { headers: shopper.headers })
    expect(res.status).toBe(200)
    const { orders } = (await res.json()) as { orders: Array<{ name: string }> }
    expect(orders.map((o) => o.name)).toEqual([
      '#1001',
      '#1005',
      '#1002',
      '#1008',
      '#1003',
      '#1004',
      '#1006',
      '#1007',
    ])
    expect(ctx.shop.callsOf('PorchlightOrderSearch').length).toBeGreaterThan(0)
  })

  it('refuses agents who are not owners, before asking Shopify anything', async () => {
    const ctx = await setup()
    const agent = await agentOf(ctx, 'st_demo', 'agent')
    const res = await ctx.put(ctx.good, agent.write)
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('owner_required')
    expect(ctx.shop.requests).toBe(0)
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('needs the session and its CSRF token, and changes only the agent’s own store', async () => {
    const ctx = await setup()
    const anonymous = await ctx.app.request(PATH)
    expect(anonymous.status).toBe(401)
    const forged = await ctx.put(ctx.good, { ...ctx.owner.write, 'x-csrf-token': 'nope' })
    expect(forged.status).toBe(403)
    expect(await errorCode(forged)).toBe('csrf_failed')
    await insertOtherStore(ctx)
    const other = await agentOf(ctx, 'st_other', 'owner')
    expect((await ctx.put(ctx.good, other.write)).status).toBe(200)
    expect((await findStoreById(ctx.db, 'st_other'))?.adapterKind).toBe('shopify')
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
    // The shop check, the customer-data probe and the webhook subscriptions (listed, asked
    // for, listed again), for st_other alone.
    expect(ctx.shop.callsOf('PorchlightShop')).toHaveLength(1)
    expect(ctx.shop.requests).toBe(2 + 2 + SUBSCRIBED_TOPICS.length)
  })

  it('refuses a domain outside myshopify.com without any request', async () => {
    const ctx = await setup()
    for (const domain of ['evil.example.com', 'shop.myshopify.com.evil.io', 'https://x']) {
      const res = await ctx.put({ ...ctx.good, domain })
      expect(res.status).toBe(400)
      expect(await errorCode(res)).toBe('shopify_domain_invalid')
    }
    expect(ctx.shop.requests).toBe(0)
  })

  it('names a rejected token, saving nothing', async () => {
    const ctx = await setup()
    const res = await ctx.put({ ...ctx.good, accessToken: 'shpat_revoked_0000000' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('shopify_token_rejected')
    expect(body.error.message).toContain('refused this Admin API token')
    expect(body.error.message).not.toContain('shpat_revoked')
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('lists the missing scopes', async () => {
    const shop = sampleShop()
    shop.scopes = ['read_orders', 'read_customers', 'write_returns']
    const ctx = await setup(shop)
    const res = await ctx.put(ctx.good)
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      error: {
        code: 'shopify_scopes_missing',
        details: { missing: ['read_fulfillments', 'write_orders'] },
      },
    })
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('connects without read_all_orders, and warns that older orders are invisible', async () => {
    const shop = sampleShop()
    shop.scopes = shop.scopes.filter((s) => s !== 'read_all_orders')
    const ctx = await setup(shop)
    const res = await ctx.put(ctx.good)
    expect(res.status).toBe(200)
    const warnings = [
      {
        code: 'read_all_orders_missing',
        message:
          'The app lacks read_all_orders: orders older than 60 days are invisible without it.',
      },
    ]
    expect(await res.json()).toMatchObject({ connected: true, warnings })
    const again = await ctx.app.request(PATH, { headers: ctx.owner.read })
    expect(await again.json()).toMatchObject({ warnings })
  })

  it('refuses a token that belongs to another shop', async () => {
    const ctx = await setup()
    mocks.server.use(
      http.post('https://alias-shop.myshopify.com/admin/api/:version/graphql.json', () =>
        HttpResponse.json({
          data: {
            shop: { name: 'Someone else', myshopifyDomain: 'someone-else.myshopify.com' },
            currentAppInstallation: { accessScopes: [{ handle: 'write_orders' }] },
          },
        }),
      ),
    )
    const res = await ctx.put({ ...ctx.good, domain: 'alias-shop.myshopify.com' })
    expect(res.status).toBe(422)
    expect(await errorCode(res)).toBe('shopify_shop_mismatch')
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('says when the shop cannot be reached, and validates the fields', async () => {
    const ctx = await setup()
    ctx.shop.failures = [503, 503]
    const down = await ctx.put(ctx.good)
    expect(down.status).toBe(502)
    expect(await errorCode(down)).toBe('shopify_unreachable')
    const missing = await ctx.put({ domain: ctx.shop.domain, accessToken: ctx.shop.accessToken })
    expect(missing.status).toBe(400)
    expect(await errorCode(missing)).toBe('validation_failed')
    const extra = await ctx.put({ ...ctx.good, role: 'owner' })
    expect(await errorCode(extra)).toBe('validation_failed')
    const short = await ctx.put({ ...ctx.good, webhookSecret: 'abc' })
    expect(await errorCode(short)).toBe('validation_failed')
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
  })
})
