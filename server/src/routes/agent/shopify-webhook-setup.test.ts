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
import { findShopifyToken } from '../../db/shopify-tokens.repository.ts'
import { listWebhookSubscriptions } from '../../db/shopify-webhooks.repository.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'

const mocks = interceptShopify()
const PATH = '/v1/agent/settings/shopify'
const HOOK_URL = `${TEST_PUBLIC_URL}/v1/webhooks/shopify/st_demo`
const LEGACY_API_SECRET = 'shpss_legacy_custom_app_api_secret_key'

async function setup(publicUrl = TEST_PUBLIC_URL) {
  const ctx = await createTestApp({ env: { PUBLIC_URL: publicUrl } })
  const shop = sampleShop({ today: ctx.clock.now() })
  const auth = new FakeShopifyAuth(shop)
  mocks.server.use(...auth.handlers(), ...shop.handlers())
  const owner = await signInAgent(ctx, 'st_demo', 'owner@st-demo.example', 'owner')
  const agent = await signInAgent(ctx)
  const clientCredentials = {
    mode: 'client_credentials',
    domain: shop.domain,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
  }
  const legacy = {
    mode: 'legacy',
    domain: shop.domain,
    accessToken: shop.accessToken,
    webhookSecret: LEGACY_API_SECRET,
  }
  const call = async (
    method: string,
    body?: unknown,
    headers: Record<string, string> = owner.write,
  ) => {
    const res = await ctx.app.request(PATH, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  let n = 0
  const hook = async (topic: string, payload: unknown, key: string | null) => {
    const body = JSON.stringify(payload)
    const res = await ctx.app.request('/v1/webhooks/shopify/st_demo', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-shop-domain': shop.domain,
        'x-shopify-event-id': `ev-${++n}`,
        ...(key === null ? {} : { 'x-shopify-hmac-sha256': signShopifyBody(body, key) }),
      },
      body,
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  const shopperOrders = async () => {
    const { headers } = await mintShopperSession(ctx, 'st_demo', {
      kind: 'email',
      value: SAMPLE_EMAIL,
    })
    return (await ctx.app.request('/v1/orders?limit=5', { headers })).status
  }
  return { ...ctx, shop, auth, owner, agent, clientCredentials, legacy, call, hook, shopperOrders }
}

const asked = (shop: ReturnType<typeof sampleShop>) =>
  shop.callsOf('PorchlightWebhookCreate').map((c) => c.variables)
const everyTopic = SUBSCRIBED_TOPICS.map((t) => ({
  topic: t.toUpperCase().replace('/', '_'),
  webhookSubscription: { uri: HOOK_URL, format: 'JSON' },
}))

describe(`Shopify webhooks Porchlight sets up itself (${testDialect})`, () => {
  it('subscribes every topic on a client-credentials connect, once, and checks the result', async () => {
    const t = await setup()
    const saved = await t.call('PUT', t.clientCredentials)
    expect(saved.status).toBe(200)
    expect(asked(t.shop)).toEqual(everyTopic)
    // Listed before (nothing there) and after (to compare with what was asked for).
    expect(t.shop.callsOf('PorchlightWebhookSubscriptions').map((c) => c.variables)).toEqual([
      { uri: HOOK_URL },
      { uri: HOOK_URL },
    ])
    expect(saved.body.subscribedTopics).toEqual([...SUBSCRIBED_TOPICS].sort())
    expect(saved.body.warnings).toEqual([])
    const recorded = await listWebhookSubscriptions(t.db, 'st_demo')
    expect(recorded.map((r) => r.subscription_id).sort()).toEqual(
      [...t.shop.webhooks.byId.keys()].sort(),
    )
    // A reconnect finds them and asks for nothing new.
    expect((await t.call('PUT', t.clientCredentials)).status).toBe(200)
    expect(asked(t.shop)).toHaveLength(SUBSCRIBED_TOPICS.length)
    expect(t.shop.webhooks.topics()).toHaveLength(SUBSCRIBED_TOPICS.length)
    // Shopify signs the app's subscriptions with the client secret: accepted; any other key not.
    const payload = { id: 1, updated_at: '2026-01-15T12:00:00Z' }
    expect((await t.hook('orders/updated', payload, TEST_CLIENT_SECRET)).status).toBe(200)
    expect((await t.hook('orders/updated', payload, LEGACY_API_SECRET)).status).toBe(401)
  })

  it('subscribes them on a legacy connect too, verified with the custom app’s API secret key', async () => {
    const t = await setup()
    expect((await t.call('PUT', t.legacy)).status).toBe(200)
    expect(asked(t.shop)).toEqual(everyTopic)
    const payload = { id: 1, updated_at: '2026-01-15T12:00:00Z' }
    expect((await t.hook('orders/updated', payload, LEGACY_API_SECRET)).status).toBe(200)
    expect((await t.hook('orders/updated', payload, TEST_CLIENT_SECRET)).status).toBe(401)
  })

  it('keeps the connection and warns the owner when Shopify refuses subscriptions', async () => {
    // Shopify takes only public HTTPS addresses: a server on http://localhost gets none.
    const t = await setup('http://localhost:8787')
    const saved = await t.call('PUT', t.clientCredentials)
    expect(saved.status).toBe(200)
    expect(saved.body.connected).toBe(true)
    expect(saved.body.subscribedTopics).toEqual([])
    const warning = saved.body.warnings.find((w: any) => w.code === 'webhooks_missing')
    expect(warning.message).toContain('orders/updated (Address protocol is not supported')
    expect(warning.message).toContain('PUBLIC_URL')
    expect(await t.shopperOrders()).toBe(200)

    // One refusal among the topics names that topic only, and stays until a reconnect mends it.
    const u = await setup()
    u.shop.userErrors.set('PorchlightWebhookCreate', [
      { field: ['webhookSubscription'], message: 'Webhook limit reached for this shop' },
    ])
    const partial = await u.call('PUT', u.clientCredentials)
    expect(partial.body.subscribedTopics).toHaveLength(SUBSCRIBED_TOPICS.length - 1)
    const words = partial.body.warnings.map((w: any) => w.message).join(' ')
    expect(words).toContain(`${SUBSCRIBED_TOPICS[0]} (Webhook limit reached for this shop)`)
    expect((await u.call('GET', undefined, u.owner.read)).body.warnings).toEqual(
      partial.body.warnings,
    )
    const mended = await u.call('PUT', u.clientCredentials)
    expect(mended.body.warnings).toEqual([])
    expect(mended.body.subscribedTopics).toHaveLength(SUBSCRIBED_TOPICS.length)
  })

  it('deletes its own subscriptions when an owner disconnects, and only an owner may', async () => {
    const t = await setup()
    await t.call('PUT', t.clientCredentials)
    // A subscription of the shop at another address is not ours to delete.
    t.shop.webhooks.byId.set('gid://shopify/WebhookSubscription/1', {
      id: 'gid://shopify/WebhookSubscription/1',
      topic: 'ORDERS_UPDATED',
      uri: 'https://elsewhere.example/hooks',
    })
    const ours = (await listWebhookSubscriptions(t.db, 'st_demo')).map((r) => r.subscription_id)
    const refused = await t.call('DELETE', undefined, t.agent.write)
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'owner_required' } } })
    expect(t.shop.callsOf('PorchlightWebhookDelete')).toEqual([])

    const off = await t.call('DELETE')
    expect(off.status).toBe(200)
    expect(off.body).toMatchObject({ connected: false, subscribedTopics: [] })
    expect(
      t.shop
        .callsOf('PorchlightWebhookDelete')
        .map((c) => c.variables['id'])
        .sort(),
    ).toEqual(ours.sort())
    expect([...t.shop.webhooks.byId.keys()]).toEqual(['gid://shopify/WebhookSubscription/1'])
    expect(await findShopifyToken(t.db, 'st_demo')).toBeUndefined()
    expect(await t.shopperOrders()).toBe(503)
    // Disconnecting again changes nothing and asks Shopify nothing.
    expect((await t.call('DELETE')).status).toBe(200)
    expect(t.shop.callsOf('PorchlightWebhookDelete')).toHaveLength(ours.length)
  })

  it('disconnects the store on app/uninstalled, once, and still honours privacy topics after', async () => {
    const t = await setup()
    await t.call('PUT', t.clientCredentials)
    expect(await t.shopperOrders()).toBe(200)
    const forged = await t.hook('app/uninstalled', { id: 1 }, 'not-the-client-secret-at-all')
    expect(forged).toMatchObject({
      status: 401,
      body: { error: { code: 'webhook_signature_invalid' } },
    })
    expect((await t.call('GET', undefined, t.owner.read)).body.connected).toBe(true)

    const gone = await t.hook(
      'app/uninstalled',
      { id: 1, domain: t.shop.domain },
      TEST_CLIENT_SECRET,
    )
    expect(gone).toEqual({ status: 200, body: { status: 'disconnected' } })
    expect(await findShopifyToken(t.db, 'st_demo')).toBeUndefined()
    expect(await listWebhookSubscriptions(t.db, 'st_demo')).toEqual([])
    expect(await t.shopperOrders()).toBe(503)
    const seen = await t.call('GET', undefined, t.agent.read)
    expect(seen.body.connected).toBe(false)
    expect(seen.body.warnings.map((w: any) => w.code)).toEqual(['app_uninstalled'])
    // Shopify already removed the app's subscriptions; Porchlight asks it nothing.
    expect(t.shop.callsOf('PorchlightWebhookDelete')).toEqual([])

    const again = await t.hook('app/uninstalled', { id: 1 }, TEST_CLIENT_SECRET)
    expect(again).toEqual({ status: 200, body: { status: 'already_disconnected' } })
    const late = await t.hook(
      'orders/updated',
      { id: 1, updated_at: '2026-01-15T12:00:00Z' },
      TEST_CLIENT_SECRET,
    )
    expect(late.body).toEqual({ status: 'ignored', reason: 'the store is not connected' })
    // shop/redact comes 48 hours after an uninstall, signed with the same client secret.
    const redact = await t.hook('shop/redact', { shop_domain: t.shop.domain }, TEST_CLIENT_SECRET)
    expect(redact).toMatchObject({ status: 200, body: { status: 'redacted' } })
    expect((await t.hook('shop/redact', { shop_domain: t.shop.domain }, null)).status).toBe(401)

    // Connecting again undoes the disconnect.
    const back = await t.call('PUT', t.clientCredentials)
    expect(back.body).toMatchObject({ connected: true, warnings: [] })
  })
})
