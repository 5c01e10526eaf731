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
 * The app over a fake Shopify store (`st_shopify`, msw), its clock on 2026-01-15 noon, with
 * an agent of that store signed in.
 */
export async function shopifyTestApp(mocks: ReturnType<typeof interceptShopify>) {
  const ctx = await createTestApp()
  const time = virtualTime(Date.parse('2026-01-15T12:00:00Z'))
  const shop = new FakeShop({ now: time.now })
  mocks.use(shop)
  await insertShopifyStore(ctx.db, shop)
  const shopify = testRuntime(ctx, time)
  const app = createApp({
    ...ctx.deps,
    shopify,
    storeAdapters: createStoreAdapterRegistry({ db: ctx.db, clock: ctx.clock, shopify }),
  })
  const agent = await signInAgent(ctx, 'st_shopify')
  return { ctx, shop, app, agent, time }
}
