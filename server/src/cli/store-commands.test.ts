import { describe, expect, it } from 'vitest'
import { order } from '../adapters/store/shopify/testing/fake-orders.ts'
import { FakeShop } from '../adapters/store/shopify/testing/fake-shop.ts'
import { readShopifyConfig } from '../adapters/store/shopify/shopify-config.ts'
import {
  FakeShopifyAuth,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
} from '../adapters/store/shopify/testing/fake-oauth.ts'
import {
  interceptShopify,
  TEST_KEYRING,
  TEST_SECRET_KEY,
} from '../adapters/store/shopify/testing/test-kit.ts'
import { saveOrderSnapshot } from '../adapters/store/shopify/order-cache.ts'
import { findStoreById } from '../db/stores.repository.ts'
import { seedDemoStore } from '../seed/demo-store.ts'
import { openTestDatabase, testDialect } from '../test/harness.ts'
import { runCli } from './run-cli.ts'

const mocks = interceptShopify()

async function setup(env: Record<string, string> = {}) {
  const database = await openTestDatabase()
  await seedDemoStore(database.db, new Date('2026-01-15T12:00:00Z'))
  const shop = new FakeShop()
  mocks.use(shop)
  const out: string[] = []
  const err: string[] = []
  const run = (...argv: string[]) =>
    runCli(
      argv,
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        env: {
          NODE_ENV: 'test',
          PUBLIC_URL: 'https://support.example.com',
          LOG_LEVEL: 'silent',
          SECRET_KEY: TEST_SECRET_KEY,
          ...env,
        },
      },
      { database },
    )
  return { db: database.db, shop, out, err, run }
}

const connect = (shop: FakeShop, overrides: Record<string, string> = {}) => {
  const args = {
    store: 'st_demo',
    domain: shop.domain,
    token: shop.accessToken,
    'webhook-secret': 'whsec_0123456789abcdef',
    ...overrides,
  }
  return ['store', 'connect-shopify', ...Object.entries(args).flatMap(([k, v]) => [`--${k}`, v])]
}

describe(`CLI: store connect-shopify (${testDialect})`, () => {
  it('checks the credentials with a test query, then saves them on the store', async () => {
    const { run, shop, db, out } = await setup()
    expect(await run(...connect(shop, { domain: 'Lumen-Loom.myshopify.com' }))).toBe(0)
    const store = await findStoreById(db, 'st_demo')
    expect(store?.adapterKind).toBe('shopify')
    expect(store?.adapterConfig).toEqual({
      mode: 'legacy',
      domain: 'lumen-loom.myshopify.com',
      // Sealed at rest (AES-256-GCM under SECRET_KEY), never the plaintext.
      accessToken: expect.stringMatching(/^pl1\./),
      webhookSecret: expect.stringMatching(/^pl1\./),
      shopName: 'Lumen & Loom',
      // Everything the shop granted, sorted.
      scopes: [...shop.scopes].sort(),
      customerAccess: 'unknown',
    })
    expect(JSON.stringify(store?.adapterConfig)).not.toContain(shop.accessToken)
    expect(readShopifyConfig(store!.adapterConfig, 'st_demo', TEST_KEYRING)?.connection).toEqual({
      mode: 'legacy',
      domain: 'lumen-loom.myshopify.com',
      accessToken: shop.accessToken,
      webhookSecret: 'whsec_0123456789abcdef',
    })
    expect(shop.callsOf('PorchlightShop')).toHaveLength(1)
    expect(out.join('\n')).toContain(
      'Connected st_demo to "Lumen & Loom" (lumen-loom.myshopify.com)',
    )
    expect(out.join('\n')).toContain('https://support.example.com/v1/webhooks/shopify/st_demo')
    expect(out).toContain('  fulfillment_events/create')
    expect(out).toContain('  app/uninstalled')
    // Made by Porchlight itself: the merchant adds none by hand.
    expect(shop.webhooks.topics()).toEqual([
      'APP_UNINSTALLED',
      'FULFILLMENTS_CREATE',
      'FULFILLMENTS_UPDATE',
      'FULFILLMENT_EVENTS_CREATE',
      'ORDERS_CANCELLED',
      'ORDERS_UPDATED',
    ])
  })

  it('saves nothing when Shopify refuses the token', async () => {
    const { run, shop, db, err } = await setup()
    expect(await run(...connect(shop, { token: 'shpat_revoked_token_1' }))).toBe(1)
    expect(err.join('\n')).toContain('shopify_auth_failed')
    expect((await findStoreById(db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('names the scopes the app is missing', async () => {
    const { run, shop, db, err } = await setup()
    shop.scopes = ['read_orders', 'read_customers']
    expect(await run(...connect(shop))).toBe(1)
    expect(err[0]).toBe(
      'Not connected (missing_scopes): The app lacks these Admin API scopes: read_fulfillments, write_orders, read_returns, write_returns.',
    )
    expect((await findStoreById(db, 'st_demo'))?.adapterKind).toBe('demo')
  })

  it('accepts write scopes as covering their read scopes', async () => {
    const { run, shop } = await setup()
    shop.scopes = ['write_orders', 'read_customers', 'write_returns', 'write_fulfillments']
    expect(await run(...connect(shop))).toBe(0)
  })

  it('refuses a domain that is not a myshopify.com shop, without any request', async () => {
    const { run, shop, err } = await setup()
    expect(await run(...connect(shop, { domain: 'evil.example.com' }))).toBe(1)
    expect(err[0]).toContain('invalid_config')
    expect(shop.requests).toBe(0)
  })

  it('reports an unknown store', async () => {
    const { run, shop, err } = await setup()
    expect(await run(...connect(shop, { store: 'st_nope' }))).toBe(1)
    expect(err[0]).toContain('store_not_found')
  })

  it('forgets orders cached from the previous shop when the domain changes', async () => {
    const { run, shop, db } = await setup()
    expect(await run(...connect(shop))).toBe(0)
    await saveOrderSnapshot(db, {
      storeId: 'st_demo',
      orderId: '1',
      email: 'a@example.com',
      customerEmail: null,
      phone: null,
      customerId: null,
      orderJson: JSON.stringify(order()),
      version: 1,
      orderCreatedAt: 1,
      fetchedAt: 1,
    })
    const other = new FakeShop({ domain: 'other-shop.myshopify.com' })
    mocks.use(other)
    expect(await run(...connect(other))).toBe(0)
    const rows = await db.selectFrom('shopify_orders').selectAll().execute()
    expect(rows).toEqual([])
  })

  it('takes secrets from the environment, and explains usage mistakes', async () => {
    const { shop, out, err } = await setup()
    const database = await openTestDatabase()
    await seedDemoStore(database.db, new Date())
    const io = {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SECRET_KEY: TEST_SECRET_KEY,
        SHOPIFY_ACCESS_TOKEN: shop.accessToken,
        SHOPIFY_WEBHOOK_SECRET: 'whsec_from_the_environment',
      },
    }
    const args = ['store', 'connect-shopify', '--store', 'st_demo', '--domain', shop.domain]
    expect(await runCli(args, io, { database })).toBe(0)
    const store = await findStoreById(database.db, 'st_demo')
    const opened = readShopifyConfig(store!.adapterConfig, 'st_demo', TEST_KEYRING)?.connection
    expect(opened?.webhookSecret).toBe('whsec_from_the_environment')

    expect(
      await runCli(
        ['store', 'connect-shopify', '--store', 'st_demo'],
        { ...io, env: { NODE_ENV: 'test' } },
        { database },
      ),
    ).toBe(2)
    expect(err.join('\n')).toContain('--domain is required')
    expect(await runCli([...args, '--colour', 'red'], io, { database })).toBe(2)
    expect(await runCli(['store', 'explode'], io, { database })).toBe(2)
    expect(await runCli(['store', 'connect-shopify', '--help'], io, { database })).toBe(0)
    expect(out.join('\n')).toContain('SHOPIFY_ACCESS_TOKEN')
  })

  it('connects a Dev Dashboard app by client ID, the secret from the environment', async () => {
    const { shop, out, err, db, run } = await setup({ SHOPIFY_CLIENT_SECRET: TEST_CLIENT_SECRET })
    const auth = new FakeShopifyAuth(shop)
    mocks.server.use(...auth.handlers())
    const args = ['store', 'connect-shopify', '--store', 'st_demo', '--domain', shop.domain]
    expect(await run(...args, '--client-id', TEST_CLIENT_ID)).toBe(0)
    expect(auth.requests.map((r) => r.grantType)).toEqual(['client_credentials'])
    expect(out.join('\n')).toContain('client credentials; the token renews itself')
    expect(out.join('\n')).toContain('Customer data the app may read: not known yet')
    const store = await findStoreById(db, 'st_demo')
    expect(JSON.stringify(store?.adapterConfig)).not.toContain(TEST_CLIENT_SECRET)
    expect(
      readShopifyConfig(store!.adapterConfig, 'st_demo', TEST_KEYRING)?.connection,
    ).toMatchObject({
      mode: 'client_credentials',
      clientId: TEST_CLIENT_ID,
      clientSecret: TEST_CLIENT_SECRET,
    })
    // A wrong secret: refused in plain words, exit 1.
    expect(
      await run(...args, '--client-id', TEST_CLIENT_ID, '--client-secret', 'shpss_wrong_0000'),
    ).toBe(1)
    expect(err.join('\n')).toContain('shopify_credentials_rejected')
    expect(await run(...args, '--client-id', TEST_CLIENT_ID, '--legacy')).toBe(2)
  })
})
