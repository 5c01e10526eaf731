import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../clock.ts'
import { createMemoryLogger } from '../../../logger.ts'
import { openTestDatabase, testDialect } from '../../../test/harness.ts'
import { orderSearch } from './operations.ts'
import { unwrapCursor, wrapCursor } from './shopify-adapter.ts'
import { customer, order } from './testing/fake-orders.ts'
import { FakeShop } from './testing/fake-shop.ts'
import { parseSearch } from './testing/fake-search.ts'
import {
  insertShopifyStore,
  interceptShopify,
  testRuntime,
  virtualTime,
} from './testing/test-kit.ts'

const mocks = interceptShopify()

async function setup() {
  const { db } = await openTestDatabase()
  const clock = createManualClock()
  const logger = createMemoryLogger()
  const time = virtualTime()
  const shop = new FakeShop({ now: time.now })
  mocks.use(shop)
  const store = await insertShopifyStore(db, shop)
  const runtime = testRuntime({ db, clock, logger }, time)
  const adapter = runtime.adapterFor(store)
  return { db, clock, logger, shop, store, runtime, adapter, time }
}

const ada = { kind: 'email', value: 'ada@example.com' } as const

describe(`Shopify adapter: lookups (${testDialect})`, () => {
  it('lists the orders of a verified email, newest first, searching through a variable', async () => {
    const { shop, adapter } = await setup()
    const older = shop.addOrder(order({ createdAt: '2026-01-02T10:00:00Z' }))
    const newer = shop.addOrder(order({ createdAt: '2026-01-09T10:00:00Z' }))
    shop.addOrder(
      order({ email: 'grace@example.com', customer: customer({ email: 'grace@example.com' }) }),
    )
    const page = await adapter.listOrders(
      { kind: 'email', value: 'Ada@Example.com' },
      { limit: 10 },
    )
    expect(page.orders.map((o) => o.id)).toEqual([newer.legacyResourceId, older.legacyResourceId])
    expect(page.nextCursor).toBeNull()
    const search = shop.callsOf('PorchlightOrderSearch')[0]
    expect(search?.variables).toEqual({ query: 'email:"ada@example.com"', first: 10, after: null })
    expect(search?.query).toBe(orderSearch.document)
  })

  it('keeps an email with quotes, colons and OR one exact term: no other shopper leaks in', async () => {
    const { shop, adapter } = await setup()
    shop.addOrder(
      order({ email: 'grace@example.com', customer: customer({ email: 'grace@example.com' }) }),
    )
    const hostile = 'x" OR email:* OR "@example.com'
    // The control: had the value been pasted into the query, it would match everybody.
    const pasted = parseSearch(`email:${hostile}`)
    expect(pasted.length).toBeGreaterThan(1)
    const page = await adapter.listOrders({ kind: 'email', value: hostile }, { limit: 10 })
    expect(page.orders).toEqual([])
    const sent = shop.callsOf('PorchlightOrderSearch')[0]
    expect(sent?.variables['query']).toBe('email:"x\\" or email:* or \\"@example.com"')
    expect(sent?.query).not.toContain('example.com')
    expect(shop.searches.at(-1)?.parsed).toEqual([
      [{ field: 'email', value: 'x" or email:* or "@example.com', quoted: true }],
    ])
  })

  it('keeps only exact email matches when Shopify search is looser', async () => {
    const { shop, adapter } = await setup()
    shop.fuzzySearch = true
    const mine = shop.addOrder(order())
    shop.addOrder(
      order({
        email: 'ada@example.com.attacker.io',
        customer: customer({ email: 'x@attacker.io' }),
      }),
    )
    const page = await adapter.listOrders(ada, { limit: 10 })
    expect(page.orders.map((o) => o.id)).toEqual([mine.legacyResourceId])
    // The look-alike was returned by the search, and dropped by us.
    expect(shop.searches.at(-1)?.parsed[0]?.[0]?.value).toBe('ada@example.com')
  })

  it('finds orders of a verified phone through the customers carrying exactly that number', async () => {
    const { shop, adapter } = await setup()
    const grace = customer({ email: 'grace@example.com', phone: '+33698765432' })
    const lookalike = customer({ email: 'other@example.com', phone: '+33698765433' })
    const g1 = shop.addOrder(
      order({ email: 'grace@example.com', customer: grace, createdAt: '2026-01-05T00:00:00Z' }),
    )
    const g2 = shop.addOrder(
      order({ email: null, customer: grace, createdAt: '2026-01-07T00:00:00Z' }),
    )
    shop.addOrder(order({ email: 'other@example.com', customer: lookalike }))
    const page = await adapter.listOrders(
      { kind: 'phone', value: '+33 6 98 76 54 32' },
      { limit: 10 },
    )
    expect(page.orders.map((o) => o.id)).toEqual([g2.legacyResourceId, g1.legacyResourceId])
    expect(page.orders[0]?.phone).toBe('+33698765432')
    expect(shop.callsOf('PorchlightCustomersByPhone')[0]?.variables).toEqual({
      query: 'phone:"+33698765432"',
    })
    expect(shop.callsOf('PorchlightOrderSearch')[0]?.variables['query']).toBe(
      `customer_id:"${grace.legacyResourceId}"`,
    )
  })

  it('finds nothing, and searches no orders, for a phone no customer has', async () => {
    const { shop, adapter } = await setup()
    shop.addOrder(order())
    expect(
      await adapter.listOrders({ kind: 'phone', value: '+447700900123' }, { limit: 5 }),
    ).toEqual({
      orders: [],
      nextCursor: null,
    })
    expect(shop.callsOf('PorchlightOrderSearch')).toEqual([])
  })

  it('pages with Shopify cursors and refuses forged ones', async () => {
    const { shop, adapter } = await setup()
    for (const day of ['01', '02', '03'])
      shop.addOrder(order({ createdAt: `2026-01-${day}T00:00:00Z` }))
    const first = await adapter.listOrders(ada, { limit: 2 })
    expect(first.orders).toHaveLength(2)
    // The order API takes only URL-safe cursors; Shopify's ("Mg==") is base64.
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]{1,200}$/)
    const second = await adapter.listOrders(ada, { limit: 2, cursor: first.nextCursor as string })
    expect(shop.callsOf('PorchlightOrderSearch')[1]?.variables['after']).toBe('Mg==')
    expect(second.orders).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    for (const forged of ['") { shop { name } } #', 'Mg==', 'x', 'b', `s${'_'.repeat(8)}`]) {
      await expect(adapter.listOrders(ada, { limit: 2, cursor: forged })).rejects.toMatchObject({
        code: 'invalid_cursor',
      })
    }
  })

  it('re-spells any cursor Shopify gives losslessly and URL-safe, no longer than base64 needs', () => {
    const cursors = [
      'eyJsYXN0X2lkIjo0MjA1MjQ5NDEzNDk4LCJsYXN0X3ZhbHVlIjoiMjAyNi0wMS0xMCJ9',
      'Mw==',
      'a+b/c==',
      'not-base64_at-all',
      'YQ',
    ]
    for (const c of cursors) {
      const wrapped = wrapCursor(c)
      expect(wrapped).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(unwrapCursor(wrapped)).toBe(c)
    }
    expect(wrapCursor(cursors[0]!).length).toBeLessThanOrEqual(cursors[0]!.length + 1)
  })
})

describe(`Shopify adapter: the order cache (${testDialect})`, () => {
  it('reads an order once, then serves it from the cache', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order())
    const first = await adapter.getOrder(o.legacyResourceId)
    const again = await adapter.getOrder(o.legacyResourceId)
    expect(again).toEqual(first)
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(1)
  })

  it('lists from the cache when Shopify reports no newer change, and refetches changed orders', async () => {
    const { shop, adapter } = await setup()
    shop.addOrder(order({ createdAt: '2026-01-02T00:00:00Z' }))
    const b = shop.addOrder(order({ createdAt: '2026-01-03T00:00:00Z' }))
    await adapter.listOrders(ada, { limit: 10 })
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(2)
    await adapter.listOrders(ada, { limit: 10 })
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(2)
    b.updatedAt = '2026-01-14T00:00:00Z'
    b.displayFulfillmentStatus = 'IN_PROGRESS'
    const page = await adapter.listOrders(ada, { limit: 10 })
    expect(shop.callsOf('PorchlightOrder').at(-1)?.variables['id']).toBe(b.id)
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(3)
    expect(page.orders[0]?.fulfillmentStatus).toBe('in_progress')
  })

  it('re-reads a snapshot older than the maximum age', async () => {
    const { shop, adapter, clock } = await setup()
    const o = shop.addOrder(order())
    await adapter.getOrder(o.legacyResourceId)
    clock.advance(16 * 60_000)
    await adapter.getOrder(o.legacyResourceId)
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(2)
  })

  it('answers undefined for orders Shopify does not have, without asking for malformed ids', async () => {
    const { shop, adapter } = await setup()
    expect(await adapter.getOrder('999999')).toBeUndefined()
    expect(await adapter.getOrder('gid://shopify/Order/1')).toBeUndefined()
    expect(await adapter.getOrder('1 OR 1=1')).toBeUndefined()
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(1)
  })

  it('serves a stale snapshot while Shopify is down, and says so when it has none', async () => {
    const { shop, adapter, clock, logger } = await setup()
    const o = shop.addOrder(order())
    await adapter.getOrder(o.legacyResourceId)
    clock.advance(60 * 60_000)
    shop.failures = Array(10).fill(503)
    expect((await adapter.getOrder(o.legacyResourceId))?.id).toBe(o.legacyResourceId)
    expect(logger.lines.some((l) => l['msg'] === 'serving a stale shopify order')).toBe(true)
    shop.failures = Array(10).fill(503)
    await expect(adapter.getOrder('424242')).rejects.toMatchObject({
      code: 'store_not_answering',
      status: 503,
    })
  })

  it('says the shop withholds customer data instead of listing no orders', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order({ customer: customer({ phone: '+33612345678' }) }))
    shop.customerDataWithheld = true
    const withheld = { code: 'customer_data_withheld', status: 503 }
    await expect(adapter.listOrders(ada, { limit: 5 })).rejects.toMatchObject(withheld)
    await expect(
      adapter.listOrders({ kind: 'phone', value: '+33612345678' }, { limit: 5 }),
    ).rejects.toMatchObject(withheld)
    await expect(adapter.getOrder(o.legacyResourceId)).rejects.toMatchObject(withheld)
    // Once the app is approved, the same shopper sees the order.
    shop.customerDataWithheld = false
    expect((await adapter.listOrders(ada, { limit: 5 })).orders.map((x) => x.id)).toEqual([
      o.legacyResourceId,
    ])
  })

  it('lists cached orders of the shopper when the search itself fails', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order())
    shop.addOrder(
      order({ email: 'grace@example.com', customer: customer({ email: 'grace@example.com' }) }),
    )
    await adapter.listOrders(ada, { limit: 10 })
    shop.failures = Array(10).fill(502)
    const page = await adapter.listOrders(ada, { limit: 10 })
    expect(page.orders.map((x) => x.id)).toEqual([o.legacyResourceId])
  })

  it('logs values from newer API versions and still shows the order', async () => {
    const { shop, adapter, logger } = await setup()
    const o = shop.addOrder(order({ displayFulfillmentStatus: 'SHIPPED_BY_DRONE' }))
    expect((await adapter.getOrder(o.legacyResourceId))?.fulfillmentStatus).toBe('unknown')
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'unknown shopify enum value',
        field: 'OrderDisplayFulfillmentStatus',
        value: 'SHIPPED_BY_DRONE',
        orderId: o.legacyResourceId,
      }),
    )
  })
})
