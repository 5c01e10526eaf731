import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../clock.ts'
import { openDatabase, type DatabaseHandle } from '../../../db/database.ts'
import { findShopifyToken } from '../../../db/shopify-tokens.repository.ts'
import { findStoreById, type Store } from '../../../db/stores.repository.ts'
import { AppError } from '../../../errors.ts'
import { createMemoryLogger } from '../../../logger.ts'
import { openTestDatabase, testDialect } from '../../../test/harness.ts'
import { connectShopifyStore } from './connect-store.ts'
import { FakeShopifyAuth, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './testing/fake-oauth.ts'
import { SAMPLE_EMAIL, sampleShop } from './testing/sample-shop.ts'
import {
  interceptShopify,
  TEST_KEYRING,
  TEST_PUBLIC_URL,
  testRuntime,
  virtualTime,
} from './testing/test-kit.ts'
import { RETRY_FAILED_RENEWAL_MS } from './token-keeper.ts'

const mocks = interceptShopify()
const DAY_MS = 86_399_000

async function setup(db?: DatabaseHandle) {
  const database = db ?? (await openTestDatabase())
  const clock = createManualClock()
  const logger = createMemoryLogger()
  const shop = sampleShop({ today: clock.now() })
  const auth = new FakeShopifyAuth(shop)
  mocks.server.use(...auth.handlers(), ...shop.handlers())
  await database.db
    .insertInto('stores')
    .values({
      id: 'st_cc',
      name: 'Client credentials store',
      widget_key: 'pk_cc_key',
      allowed_origins: '[]',
      settings: '{}',
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: 0,
    })
    .execute()
  const deps = {
    apiVersion: '2026-10',
    publicUrl: TEST_PUBLIC_URL,
    logger,
    keyring: TEST_KEYRING,
    now: () => clock.now().getTime(),
  }
  const connect = (clientSecret = TEST_CLIENT_SECRET) =>
    connectShopifyStore(
      database.db,
      {
        storeId: 'st_cc',
        mode: 'client_credentials',
        domain: shop.domain,
        clientId: TEST_CLIENT_ID,
        clientSecret,
      },
      deps,
    )
  const runtime = () => testRuntime({ db: database.db, clock, logger }, virtualTime())
  const store = async () => (await findStoreById(database.db, 'st_cc')) as Store
  const list = async (r = runtime()) =>
    r.adapterFor(await store()).listOrders({ kind: 'email', value: SAMPLE_EMAIL }, { limit: 5 })
  return { ...database, clock, logger, shop, auth, connect, runtime, store, list }
}

describe(`Shopify client credentials (${testDialect})`, () => {
  it('connects with the client ID and secret, keeping only sealed secrets and the expiry', async () => {
    const ctx = await setup()
    const result = await ctx.connect()
    expect(result).toMatchObject({
      ok: true,
      mode: 'client_credentials',
      customerAccess: 'level_2',
    })
    expect(ctx.auth.requests).toEqual([
      { grantType: 'client_credentials', clientId: TEST_CLIENT_ID, body: expect.any(Object) },
    ])
    const store = await ctx.store()
    const row = await findShopifyToken(ctx.db, 'st_cc')
    expect(row?.expires_at).toBe(ctx.clock.now().getTime() + DAY_MS)
    const stored = JSON.stringify([store.adapterConfig, row])
    expect(stored).not.toContain(TEST_CLIENT_SECRET)
    expect(stored).not.toContain(ctx.shop.accessToken)
    expect(store.adapterConfig).toMatchObject({
      mode: 'client_credentials',
      clientId: TEST_CLIENT_ID,
    })
    expect((await ctx.list()).orders.length).toBeGreaterThan(0)
    expect(ctx.auth.requests).toHaveLength(1)
  })

  it('refuses a wrong secret in plain words and saves nothing', async () => {
    const ctx = await setup()
    const result = await ctx.connect('shpss_wrong_secret_000000')
    expect(result).toMatchObject({ ok: false, code: 'shopify_credentials_rejected' })
    expect(!result.ok && result.message).toContain('Shopify refused this client ID and secret')
    expect((await ctx.store()).adapterKind).toBe('demo')
    expect(await findShopifyToken(ctx.db, 'st_cc')).toBeUndefined()
  })

  it('renews the token once 80% of its life has passed, before it expires', async () => {
    const ctx = await setup()
    await ctx.connect()
    const first = ctx.shop.accessToken
    ctx.clock.advance(DAY_MS * 0.79)
    await ctx.list()
    expect(ctx.auth.requests).toHaveLength(1)
    ctx.clock.advance(DAY_MS * 0.02)
    await ctx.list()
    expect(ctx.auth.requests).toHaveLength(2)
    expect(ctx.shop.accessToken).not.toBe(first)
    const row = await findShopifyToken(ctx.db, 'st_cc')
    expect(row).toMatchObject({ version: 2, renewals: 1, failure: null })
    expect(row?.expires_at).toBe(ctx.clock.now().getTime() + DAY_MS)
    await ctx.list()
    expect(ctx.auth.requests).toHaveLength(2)
  })

  it('renews once on a 401 and sends the request again', async () => {
    const ctx = await setup()
    await ctx.connect()
    ctx.clock.advance(60_000)
    // Shopify stops honouring the token early (say the merchant reinstalled the app).
    ctx.shop.accessToken = 'shpat_someone_elses_token'
    const { orders } = await ctx.list()
    expect(orders.length).toBeGreaterThan(0)
    expect(ctx.auth.requests).toHaveLength(2)
    expect((await findShopifyToken(ctx.db, 'st_cc'))?.version).toBe(2)
  })

  it('does not renew again and again when Shopify refuses the token it just issued', async () => {
    const ctx = await setup()
    await ctx.connect()
    ctx.clock.advance(60_000)
    ctx.auth.shopAcceptsIssued = false
    ctx.shop.accessToken = 'shpat_someone_elses_token'
    for (let i = 0; i < 3; i++) {
      await expect(ctx.list()).rejects.toMatchObject({ code: 'store_not_answering', status: 503 })
    }
    // One renewal after the first 401; the later 401s hit a token just issued.
    expect(ctx.auth.requests).toHaveLength(2)
    ctx.clock.advance(RETRY_FAILED_RENEWAL_MS)
    ctx.auth.shopAcceptsIssued = true
    expect((await ctx.list()).orders.length).toBeGreaterThan(0)
    expect(ctx.auth.requests).toHaveLength(3)
  })

  it('a revoked app: orders unavailable for shoppers, the reason for the owner, no hammering', async () => {
    const ctx = await setup()
    await ctx.connect()
    // Some time later, the merchant rotates the secret (or uninstalls the app).
    ctx.clock.advance(5 * 60_000)
    ctx.auth.revoke()
    const refused = await ctx.list().catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({ code: 'store_not_answering', status: 503 })
    const row = await findShopifyToken(ctx.db, 'st_cc')
    expect(row).toMatchObject({ failure: 'credentials_rejected', lease_owner: null })
    expect(row?.failure_message).toContain("refused the app's credentials")
    const asked = ctx.auth.requests.length
    await expect(ctx.list()).rejects.toMatchObject({ code: 'store_not_answering' })
    expect(ctx.auth.requests).toHaveLength(asked)
    expect(JSON.stringify(ctx.logger.lines)).not.toContain(TEST_CLIENT_SECRET)
  })

  for (const status of [402, 423, 503]) {
    it(`Shopify answering ${status} to a renewal: orders unavailable, then it recovers by itself`, async () => {
      const ctx = await setup()
      await ctx.connect()
      ctx.clock.advance(DAY_MS + 1)
      ctx.auth.failures = [status]
      await expect(ctx.list()).rejects.toMatchObject({ code: 'store_not_answering', status: 503 })
      expect((await findShopifyToken(ctx.db, 'st_cc'))?.failure).toBe('shopify_unavailable')
      ctx.clock.advance(RETRY_FAILED_RENEWAL_MS)
      expect((await ctx.list()).orders.length).toBeGreaterThan(0)
      expect(await findShopifyToken(ctx.db, 'st_cc')).toMatchObject({ failure: null, renewals: 1 })
    })
  }

  it('two app instances on one database renew an expired token once between them', async () => {
    const ctx = await setup()
    await ctx.connect()
    // On PostgreSQL the second instance has its own connection pool on the same schema.
    const url = process.env['TEST_DATABASE_URL']
    const second =
      testDialect === 'postgres' && url !== undefined
        ? await openDatabase(url, { schema: ctx.schema })
        : ctx
    try {
      const a = ctx.runtime()
      const b = testRuntime({ db: second.db, clock: ctx.clock, logger: ctx.logger }, virtualTime())
      ctx.clock.advance(DAY_MS + 1)
      ctx.auth.delayMs = 150
      const [x, y] = await Promise.all([ctx.list(a), ctx.list(b), ctx.list(a), ctx.list(b)])
      expect(x.orders.length).toBeGreaterThan(0)
      expect(y.orders).toEqual(x.orders)
      expect(ctx.auth.requests).toHaveLength(2)
      expect(await findShopifyToken(ctx.db, 'st_cc')).toMatchObject({
        renewals: 1,
        lease_owner: null,
      })
    } finally {
      if (second !== ctx) await second.close()
    }
  })
})
