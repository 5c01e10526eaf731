import { createStoreAdapterRegistry } from '../adapters/store/registry.ts'
import { FakeShop } from '../adapters/store/shopify/testing/fake-shop.ts'
import {
  insertShopifyStore,
  type interceptShopify,
  testRuntime,
  virtualTime,
} from '../adapters/store/shopify/testing/test-kit.ts'
import { createApp } from '../app.ts'
import { signInAgent } from './agents.ts'
import { createTestApp } from './harness.ts'

/**
 * The test app with the `st_shopify` store connected to a fake shop that msw answers for. The
 * shop starts empty (`shop.addOrder` gives it orders); its clock is on 2026-01-15 noon.
 */
export async function shopifyTestApp(mocks: ReturnType<typeof interceptShopify>) {
  const ctx = await createTestApp()
  const time = virtualTime(Date.parse('2026-01-15T12:00:00Z'))
  const shop = new FakeShop({ now: time.now })
  mocks.use(shop)
  await insertShopifyStore(ctx.db, shop)
  const shopify = testRuntime(ctx, time)
  const deps = {
    ...ctx.deps,
    shopify,
    storeAdapters: createStoreAdapterRegistry({ db: ctx.db, clock: ctx.clock, shopify }),
  }
  return { ...ctx, ctx, deps, shop, app: createApp(deps), time }
}

/** The same, with an agent of `st_shopify` signed in. */
export async function shopifyTestAppWithAgent(mocks: ReturnType<typeof interceptShopify>) {
  const t = await shopifyTestApp(mocks)
  return { ...t, agent: await signInAgent(t.ctx, 'st_shopify') }
}
