import { describe, expect, it } from 'vitest'
import {
  FakeShopifyAuth,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
} from '../../adapters/store/shopify/testing/fake-oauth.ts'
import { SAMPLE_EMAIL, sampleShop } from '../../adapters/store/shopify/testing/sample-shop.ts'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { findShopifyToken } from '../../db/shopify-tokens.repository.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'

const mocks = interceptShopify()
const PATH = '/v1/agent/settings/shopify'

async function setup() {
  const ctx = await createTestApp({
    env: { SHOPIFY_APP_CLIENT_ID: TEST_CLIENT_ID, SHOPIFY_APP_CLIENT_SECRET: TEST_CLIENT_SECRET },
  })
  const shop = sampleShop({ today: ctx.clock.now() })
  const auth = new FakeShopifyAuth(shop)
  mocks.server.use(...auth.handlers(), ...shop.handlers())
  const owner = await signInAgent(ctx, 'st_demo', 'owner@st-demo.example', 'owner')
  const agent = await signInAgent(ctx)
  const good = {
    mode: 'client_credentials',
    domain: shop.domain,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
  }
  const put = (body: unknown, headers = owner.write) =>
    ctx.app.request(PATH, { method: 'PUT', headers, body: JSON.stringify(body) })
  return { ...ctx, shop, auth, owner, agent, good, put }
}

describe(`console settings: the three ways to connect Shopify (${testDialect})`, () => {
  it('connects by client credentials, and no answer ever carries a secret or token', async () => {
    const ctx = await setup()
    const answers: string[] = []
    const saved = await ctx.put(ctx.good)
    expect(saved.status).toBe(200)
    answers.push(await saved.text())
    expect(JSON.parse(answers[0]!)).toMatchObject({
      connected: true,
      mode: 'client_credentials',
      clientId: TEST_CLIENT_ID,
      customerAccess: 'level_2',
      token: { state: 'ok', message: null },
      oauthAvailable: true,
    })
    const tokenAtConnect = ctx.shop.accessToken
    // Every answer an agent or owner can get about the store, and an order read that renews.
    for (const headers of [ctx.owner.read, ctx.agent.read]) {
      for (const path of [PATH, '/v1/agent/session', '/v1/openapi.json']) {
        answers.push(await (await ctx.app.request(path, { headers })).text())
      }
    }
    ctx.clock.advance(86_399_000)
    const shopper = await mintShopperSession(ctx, 'st_demo', { kind: 'email', value: SAMPLE_EMAIL })
    const orders = await ctx.app.request('/v1/orders?limit=5', { headers: shopper.headers })
    expect(orders.status).toBe(200)
    answers.push(await orders.text())
    answers.push(await (await ctx.app.request(PATH, { headers: ctx.owner.read })).text())
    expect(ctx.auth.requests).toHaveLength(2)
    const refreshed = ctx.shop.accessToken
    expect(refreshed).not.toBe(tokenAtConnect)
    for (const secret of [TEST_CLIENT_SECRET, tokenAtConnect, refreshed]) {
      for (const answer of answers) expect(answer).not.toContain(secret)
      expect(JSON.stringify(ctx.logger.lines)).not.toContain(secret)
      const stored = JSON.stringify([
        (await findStoreById(ctx.db, 'st_demo'))?.adapterConfig,
        await findShopifyToken(ctx.db, 'st_demo'),
      ])
      expect(stored).not.toContain(secret)
    }
  })

  it('refuses agents who are not owners in every mode, before asking Shopify anything', async () => {
    const ctx = await setup()
    const legacy = {
      domain: ctx.shop.domain,
      accessToken: ctx.shop.accessToken,
      webhookSecret: 'whsec_0123456789',
    }
    for (const body of [ctx.good, legacy, { ...legacy, mode: 'legacy' }]) {
      const res = await ctx.put(body, ctx.agent.write)
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('owner_required')
    }
    const install = await ctx.app.request(`/shopify/install?shop=${ctx.shop.domain}`, {
      headers: ctx.agent.read,
    })
    expect(install.status).toBe(403)
    expect(ctx.auth.requests).toEqual([])
    expect(ctx.shop.requests).toBe(0)
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('explains a refused client secret in plain words and keeps the old connection', async () => {
    const ctx = await setup()
    const res = await ctx.put({ ...ctx.good, clientSecret: 'shpss_not_the_secret_00' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('shopify_credentials_rejected')
    expect(body.error.message).toContain('Check that the app is installed on the shop')
    expect(body.error.message).not.toContain('shpss_')
    expect((await findStoreById(ctx.db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('shows the owner why renewal fails once the app is revoked; shoppers get orders unavailable', async () => {
    const ctx = await setup()
    expect((await ctx.put(ctx.good)).status).toBe(200)
    ctx.clock.advance(5 * 60_000)
    ctx.auth.revoke()
    const shopper = await mintShopperSession(ctx, 'st_demo', { kind: 'email', value: SAMPLE_EMAIL })
    const orders = await ctx.app.request('/v1/orders?limit=5', { headers: shopper.headers })
    expect(orders.status).toBe(503)
    expect(((await orders.json()) as { error: { code: string } }).error.code).toBe(
      'store_not_answering',
    )
    const settings = (await (await ctx.app.request(PATH, { headers: ctx.owner.read })).json()) as {
      token: { state: string; message: string }
    }
    expect(settings.token.state).toBe('failing')
    expect(settings.token.message).toContain('client secret may be wrong or rotated')
  })

  it('labels a legacy token as legacy', async () => {
    const ctx = await setup()
    const res = await ctx.put({
      domain: ctx.shop.domain,
      accessToken: ctx.shop.accessToken,
      webhookSecret: 'whsec_0123456789',
    })
    expect(await res.json()).toMatchObject({ mode: 'legacy', clientId: null, token: null })
    expect(await findShopifyToken(ctx.db, 'st_demo')).toBeUndefined()
  })
})
