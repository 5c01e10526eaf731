import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../logger.ts'
import { AdminClient, fixedToken, type AdminClientOptions } from './admin-client.ts'
import { CostLimiter } from './cost-limiter.ts'
import { orderById, orderCancel, refundCreate, shopInfo } from './operations.ts'
import { order } from './testing/fake-orders.ts'
import { FakeShop } from './testing/fake-shop.ts'
import { interceptShopify, virtualTime } from './testing/test-kit.ts'

const mocks = interceptShopify()

function setup(
  overrides: Partial<AdminClientOptions> = {},
  bucket?: { maximumAvailable: number; restoreRate: number },
) {
  const time = virtualTime()
  const shop = new FakeShop({ now: time.now, ...(bucket ? { bucket } : {}) })
  mocks.use(shop)
  const logger = createMemoryLogger()
  const limiter = new CostLimiter({ now: time.now, sleep: time.sleep })
  const client = new AdminClient({
    domain: shop.domain,
    tokens: fixedToken(shop.accessToken),
    apiVersion: '2026-10',
    limiter,
    logger,
    sleep: time.sleep,
    random: () => 0.5,
    ...overrides,
  })
  return { time, shop, logger, client, limiter }
}

describe('Shopify Admin GraphQL client', () => {
  it('posts the named operation with its variables to the pinned API version', async () => {
    const { shop, client } = setup()
    const o = shop.addOrder(order())
    const result = await client.request(orderById, { id: o.id })
    expect(result).toEqual({ ok: true, data: { order: o } })
    expect(client.endpoint).toBe(`https://${shop.domain}/admin/api/2026-10/graphql.json`)
    expect(shop.calls).toEqual([
      {
        operation: 'PorchlightOrder',
        query: orderById.document,
        variables: { id: o.id },
        data: { order: o },
      },
    ])
  })

  it('retries a query through transient 5xx answers with jittered exponential back-off', async () => {
    const { shop, client, time, logger } = setup()
    shop.failures = [503, 502]
    const result = await client.request(shopInfo, {})
    expect(result.ok).toBe(true)
    expect(shop.requests).toBe(3)
    // random() = 0.5 of a ceiling that doubles: 250 ms, then 500 ms.
    expect(time.sleeps).toEqual([125, 250])
    expect(logger.lines.filter((l) => l['msg'] === 'shopify retry')).toHaveLength(2)
  })

  it('gives up after its attempts and says Shopify is unavailable', async () => {
    const { shop, client } = setup({ maxAttempts: 3 })
    shop.failures = [500, 503, 504, 500]
    const result = await client.request(shopInfo, {})
    expect(result).toMatchObject({ ok: false, failure: 'unavailable' })
    expect(shop.requests).toBe(3)
  })

  it('never retries a mutation after a 5xx, since it may have run', async () => {
    const { shop, client, time } = setup()
    shop.failures = [503]
    const result = await client.request(orderCancel, {
      orderId: 'gid://shopify/Order/1',
      reason: 'CUSTOMER',
      refundMethod: { originalPaymentMethodsRefund: false },
      restock: false,
      staffNote: null,
      notifyCustomer: false,
    })
    expect(result).toMatchObject({ ok: false, failure: 'unavailable' })
    expect(shop.requests).toBe(1)
    expect(time.sleeps).toEqual([])
  })

  it('retries a mutation sent with its idempotency key, which Shopify runs once', async () => {
    const { shop, client } = setup()
    shop.failures = [503]
    const result = await client.request(refundCreate, {
      idempotencyKey: 'porchlight-tk_1-refund-1',
      input: {
        orderId: 'gid://shopify/Order/1',
        currency: 'EUR',
        note: null,
        notify: true,
        refundLineItems: [],
        transactions: [],
      },
    })
    expect(result).toMatchObject({ ok: true })
    expect(shop.requests).toBe(2)
  })

  it('retries network errors for queries', async () => {
    let calls = 0
    const flaky: typeof fetch = (input, init) => {
      calls++
      if (calls === 1) return Promise.reject(new TypeError('fetch failed'))
      return globalThis.fetch(input, init)
    }
    const { client } = setup({ fetch: flaky })
    expect((await client.request(shopInfo, {})).ok).toBe(true)
    expect(calls).toBe(2)
  })

  it('backs off on THROTTLED by waiting for the bucket Shopify reports, then succeeds', async () => {
    const { shop, client, time } = setup({}, { maximumAvailable: 1000, restoreRate: 50 })
    shop.addOrder(order({ legacyResourceId: '77' }))
    // Another app process spent the bucket behind our back.
    shop.bucket.available = 100
    const result = await client.request(orderById, { id: 'gid://shopify/Order/77' })
    expect(result.ok).toBe(true)
    expect(shop.throttledCount).toBe(1)
    // 487 requested with 100 left at 50/s: about 7.7 s of waiting, in virtual time.
    const waited = time.sleeps.reduce((a, b) => a + b, 0)
    expect(waited).toBeGreaterThanOrEqual(7_700)
    expect(waited).toBeLessThan(9_000)
  })

  it('backs off on a bare HTTP 429, honouring Retry-After when given', async () => {
    const { shop, client, time } = setup()
    shop.failures = [429]
    expect((await client.request(shopInfo, {})).ok).toBe(true)
    expect(time.sleeps).toEqual([125])
  })

  it('reports a refused token as unauthorized without retrying', async () => {
    const { shop } = setup()
    const client = new AdminClient({
      domain: shop.domain,
      tokens: fixedToken('shpat_wrong_token_000'),
      apiVersion: '2026-10',
      limiter: new CostLimiter({ now: () => 0, sleep: async () => {} }),
      logger: createMemoryLogger(),
      sleep: async () => {},
      random: () => 0,
    })
    const result = await client.request(shopInfo, {})
    expect(result).toMatchObject({ ok: false, failure: 'unauthorized' })
    expect(shop.requests).toBe(1)
  })

  it('reports GraphQL errors with Shopify messages, and missing scopes as unauthorized', async () => {
    const { shop, client } = setup()
    shop.graphqlErrors.set('PorchlightShop', [
      {
        message: "Field 'teleport' doesn't exist on type 'Shop'",
        extensions: { code: 'undefinedField' },
      },
    ])
    expect(await client.request(shopInfo, {})).toEqual({
      ok: false,
      failure: 'query_failed',
      message: "Field 'teleport' doesn't exist on type 'Shop'",
    })
    shop.graphqlErrors.set('PorchlightShop', [
      { message: 'Access denied for customers field.', extensions: { code: 'ACCESS_DENIED' } },
    ])
    expect(await client.request(shopInfo, {})).toMatchObject({ ok: false, failure: 'unauthorized' })
  })
})
