import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Kysely } from 'kysely'
import type { Clock } from '../../../../clock.ts'
import type { Database } from '../../../../db/schema.ts'
import { findStoreById, type Store } from '../../../../db/stores.repository.ts'
import { makeKeyring } from '../../../../keyring.ts'
import type { Logger } from '../../../../logger.ts'
import { ShopifyRuntime, type ShopifyRuntimeOptions } from '../shopify-runtime.ts'
import type { FakeShop } from './fake-shop.ts'

export const WEBHOOK_SECRET = 'whsec_test_secret_0123456789abcdef'

/** A public HTTPS address, as Shopify requires of a webhook subscription (PUBLIC_URL). */
export const TEST_PUBLIC_URL = 'https://support.lumen-loom.test'

/** The SECRET_KEY of test apps (test/harness.ts), so both open each other's sealed secrets. */
export const TEST_SECRET_KEY = 'test-secret-key-that-is-long-enough-000'
export const TEST_KEYRING = makeKeyring(TEST_SECRET_KEY)

/**
 * One msw server per test file; nothing leaves the process (unhandled requests fail the
 * test). Each test installs its shop's handlers with `mocks.use(shop)`.
 */
export function interceptShopify() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return { server, use: (shop: FakeShop) => server.use(...shop.handlers()) }
}

/** Virtual time: sleeping advances the clock at once, so back-off costs no real time. */
export function virtualTime(start = 1_000_000) {
  let now = start
  const sleeps: number[] = []
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
      // Let other promise chains run, as a real timer would.
      await new Promise((resolve) => setImmediate(resolve))
    },
  }
}

export async function insertShopifyStore(
  db: Kysely<Database>,
  shop: FakeShop,
  storeId = 'st_shopify',
  createdAt = 0,
): Promise<Store> {
  await db
    .insertInto('stores')
    .values({
      id: storeId,
      name: 'Lumen & Loom (Shopify)',
      widget_key: `pk_${storeId.replace(/[^A-Za-z0-9]/g, '')}_key`,
      allowed_origins: '[]',
      settings: '{}',
      adapter_kind: 'shopify',
      adapter_config: JSON.stringify({
        domain: shop.domain,
        accessToken: shop.accessToken,
        webhookSecret: WEBHOOK_SECRET,
      }),
      created_at: createdAt,
    })
    .execute()
  return (await findStoreById(db, storeId)) as Store
}

export function testRuntime(
  ctx: { db: Kysely<Database>; clock: Clock; logger: Logger },
  time: ReturnType<typeof virtualTime>,
  extra: Partial<ShopifyRuntimeOptions> = {},
): ShopifyRuntime {
  return new ShopifyRuntime({
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger,
    apiVersion: '2026-10',
    keyring: TEST_KEYRING,
    sleep: time.sleep,
    monotonicNow: time.now,
    random: () => 0.5,
    refreshDelaysMs: [1000, 3000],
    ...extra,
  })
}
