import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../clock.ts'
import { createMemoryLogger } from '../../../logger.ts'
import { openTestDatabase, testDialect } from '../../../test/harness.ts'
import type { Limiter } from './cost-limiter.ts'
import { customer, order } from './testing/fake-orders.ts'
import { FakeShop } from './testing/fake-shop.ts'
import {
  insertShopifyStore,
  interceptShopify,
  testRuntime,
  virtualTime,
} from './testing/test-kit.ts'

const mocks = interceptShopify()

/**
 * Many shoppers at once against a shop on the smallest plan (1,000-point bucket, 50 points a
 * second), in virtual time shared by the fake shop's bucket and our limiter.
 */
async function crowd(options: { bypassLimiter: boolean }) {
  const { db } = await openTestDatabase()
  const clock = createManualClock()
  const logger = createMemoryLogger()
  const time = virtualTime()
  const shop = new FakeShop({ now: time.now, bucket: { maximumAvailable: 1000, restoreRate: 50 } })
  mocks.use(shop)
  const store = await insertShopifyStore(db, shop)
  // Control run: a limiter that never waits, to show the fake bucket does catch overdrafts.
  const unlimited: Limiter = {
    acquire: async (operation) => ({ id: 0, operation, cost: 0 }),
    settle() {},
  }
  const runtime = testRuntime({ db, clock, logger }, time, {
    ...(options.bypassLimiter ? { createLimiter: () => unlimited } : {}),
  })
  const adapter = runtime.adapterFor(store)
  const ids: string[] = []
  for (let i = 0; i < 50; i++) {
    const email = `shopper${i}@example.com`
    ids.push(shop.addOrder(order({ email, customer: customer({ email }) })).legacyResourceId)
  }
  const results = await Promise.allSettled(ids.map((id) => adapter.getOrder(id)))
  return { shop, time, results, ids }
}

describe(`Shopify cost-based throttling (${testDialect})`, () => {
  it('queues 50 simultaneous lookups so the shop bucket is never overdrawn', async () => {
    const { shop, time, results, ids } = await crowd({ bypassLimiter: false })
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true)
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value?.id : null))).toEqual(ids)
    expect(shop.throttledCount).toBe(0)
    expect(shop.lowestAvailable).toBeGreaterThanOrEqual(0)
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(50)
    // Each lookup really costs 43 points: 50 of them need ~2,150 points from a 1,000 bucket
    // refilling at 50/s, so the crowd had to be spread over at least 23 s of (virtual) time.
    const waited = time.sleeps.reduce((a, b) => a + b, 0)
    expect(waited).toBeGreaterThan(20_000)
  })

  it('control: without the limiter the same crowd is throttled by the shop', async () => {
    const { shop } = await crowd({ bypassLimiter: true })
    expect(shop.throttledCount).toBeGreaterThan(0)
  })
})
