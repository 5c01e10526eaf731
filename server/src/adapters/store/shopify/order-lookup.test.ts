import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../clock.ts'
import { createMemoryLogger } from '../../../logger.ts'
import { openTestDatabase, testDialect } from '../../../test/harness.ts'
import { lookupQuery } from './order-lookup.ts'
import { address, customer, order } from './testing/fake-orders.ts'
import { nameCustomer } from './testing/fake-lookup.ts'
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
  const logger = createMemoryLogger()
  const time = virtualTime()
  const shop = new FakeShop({ now: time.now })
  mocks.use(shop)
  const store = await insertShopifyStore(db, shop)
  const adapter = testRuntime({ db, clock: createManualClock(), logger }, time).adapterFor(store)
  // Ada: two orders in Lyon; Grace: one in London, by phone only on her customer record.
  const ada = customer({ email: 'ada@example.com', phone: '+33612345678' })
  const grace = customer({ email: 'grace@example.com', phone: '+447911123456' })
  const a1 = shop.addOrder(
    order({ customer: ada, createdAt: '2026-01-02T10:00:00Z', shippingAddress: address() }),
  )
  const a2 = shop.addOrder(order({ customer: ada, createdAt: '2026-01-09T10:00:00Z' }))
  const g1 = shop.addOrder(
    order({
      customer: grace,
      email: 'grace@example.com',
      createdAt: '2026-01-05T10:00:00Z',
      shippingAddress: address({ name: 'Grace Hopper', zip: 'SW1A 1AA', countryCodeV2: 'GB' }),
      billingAddress: address({ name: 'Grace Hopper', zip: 'SW1A 1AA', countryCodeV2: 'GB' }),
    }),
  )
  return { shop, adapter, a1, a2, g1, grace }
}

const ids = (page: { orders: Array<{ id: string }> }) => page.orders.map((o) => o.id)

describe(`Shopify order lookup for agents (${testDialect})`, () => {
  it('finds an order by number and by email, in Shopify search syntax sent as a variable', async () => {
    const { shop, adapter, a1, a2 } = await setup()
    const byNumber = await adapter.searchOrders({ number: a1.name }, { limit: 10 })
    expect(ids(byNumber)).toEqual([a1.legacyResourceId])
    expect(shop.callsOf('PorchlightOrderLookup')[0]?.variables).toEqual({
      query: `name:"${a1.name}"`,
      first: 10,
      after: null,
    })
    const byEmail = await adapter.searchOrders({ email: 'ada@example.com' }, { limit: 10 })
    expect(ids(byEmail)).toEqual([a2.legacyResourceId, a1.legacyResourceId])
    expect(byEmail.orders[0]).toMatchObject({
      name: a2.name,
      email: 'ada@example.com',
      customerName: 'Ada Lovelace',
      postalCode: '69003',
      status: 'open',
      financialStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      total: { amount: 5490, currency: 'EUR' },
    })
  })

  it('narrows by a created-date range with quoted timestamps', async () => {
    const { shop, adapter, g1, a2 } = await setup()
    const page = await adapter.searchOrders(
      {
        createdFrom: Date.parse('2026-01-05T00:00:00Z'),
        createdBefore: Date.parse('2026-01-10T00:00:00Z'),
      },
      { limit: 10 },
    )
    expect(ids(page)).toEqual([a2.legacyResourceId, g1.legacyResourceId])
    const query = shop.callsOf('PorchlightOrderLookup')[0]?.variables['query']
    expect(query).toBe(`created_at:>="2026-01-05T00:00:00Z" created_at:<"2026-01-10T00:00:00Z"`)
  })

  it('finds orders by phone and by last name through the customers that match exactly', async () => {
    const { shop, adapter, g1, grace } = await setup()
    const byPhone = await adapter.searchOrders({ phone: '+447911123456' }, { limit: 10 })
    expect(ids(byPhone)).toEqual([g1.legacyResourceId])
    expect(shop.callsOf('PorchlightCustomerLookup')[0]?.variables).toEqual({
      query: 'phone:"+447911123456"',
      first: 50,
    })
    expect(shop.callsOf('PorchlightOrderLookup')[0]?.variables['query']).toBe(
      `customer_id:"${grace.legacyResourceId}"`,
    )
    const byName = await adapter.searchOrders({ lastName: 'hopper' }, { limit: 10 })
    expect(ids(byName)).toEqual([g1.legacyResourceId])
    // Nobody of that name: no order search at all.
    const before = shop.callsOf('PorchlightOrderLookup').length
    expect((await adapter.searchOrders({ firstName: 'alan' }, { limit: 10 })).orders).toEqual([])
    expect(shop.callsOf('PorchlightOrderLookup')).toHaveLength(before)
  })

  it('groups several customers in parentheses so the other filters still apply to each', async () => {
    const { shop, adapter, a1, a2 } = await setup()
    const namesake = customer({ email: 'other@example.com' })
    const other = shop.addOrder(
      order({ customer: namesake, email: 'other@example.com', createdAt: '2026-01-03T10:00:00Z' }),
    )
    nameCustomer(shop, namesake.legacyResourceId, { firstName: 'Ada', lastName: 'Lovelace' })
    const page = await adapter.searchOrders(
      { lastName: 'lovelace', email: 'ada@example.com' },
      { limit: 10 },
    )
    expect(ids(page)).toEqual([a2.legacyResourceId, a1.legacyResourceId])
    expect(ids(page)).not.toContain(other.legacyResourceId)
    const query = String(shop.callsOf('PorchlightOrderLookup')[0]?.variables['query'])
    expect(query).toMatch(/^email:"ada@example.com" \(customer_id:"\d+" OR customer_id:"\d+"\)$/)
    // Read as Shopify reads it: every alternative keeps the email term.
    for (const group of parseSearch(query)) expect(group.map((t) => t.field)).toContain('email')
  })

  it('finds an order by postal code typed any way, keeping only exact postal codes', async () => {
    const { adapter, g1 } = await setup()
    const page = await adapter.searchOrders({ postalCode: 'SW1A1AA' }, { limit: 10 })
    expect(ids(page)).toEqual([]) // Shopify's free text holds "SW1A 1AA", not "SW1A1AA"
    const spaced = await adapter.searchOrders({ postalCode: '69003' }, { limit: 10 })
    expect(spaced.orders.map((o) => o.postalCode)).toEqual(['69003', '69003'])
    expect(ids(spaced)).not.toContain(g1.legacyResourceId)
  })

  it('keeps a hostile value one quoted term: it never widens the search', async () => {
    const { shop, adapter } = await setup()
    const hostile = 'x" OR name:* OR "y'
    const page = await adapter.searchOrders({ number: hostile }, { limit: 10 })
    expect(page.orders).toEqual([])
    expect(shop.searches.at(-1)?.parsed).toEqual([
      [{ field: 'name', value: hostile, quoted: true }],
    ])
  })

  it('pages with Shopify cursors wrapped in ours', async () => {
    const { adapter, a1, a2, g1 } = await setup()
    const first = await adapter.searchOrders({}, { limit: 2 })
    expect(ids(first)).toEqual([a2.legacyResourceId, g1.legacyResourceId])
    expect(first.nextCursor).not.toBeNull()
    const second = await adapter.searchOrders({}, { limit: 2, cursor: first.nextCursor ?? '' })
    expect(ids(second)).toEqual([a1.legacyResourceId])
    expect(second.nextCursor).toBeNull()
  })

  it('says the store is not answering when Shopify fails, and withheld data as such', async () => {
    const { shop, adapter } = await setup()
    shop.operationFailures.set('PorchlightOrderLookup', [503, 503, 503, 503, 503, 503])
    await expect(adapter.searchOrders({}, { limit: 10 })).rejects.toMatchObject({
      code: 'store_not_answering',
    })
    shop.operationFailures.clear()
    shop.customerDataWithheld = true
    await expect(adapter.searchOrders({ email: 'a@b.co' }, { limit: 10 })).rejects.toMatchObject({
      code: 'customer_data_withheld',
    })
  })
})

describe('lookup query', () => {
  it('is empty with no filter: every order, newest first', () => {
    expect(lookupQuery({}, null)).toBe('')
  })
})
