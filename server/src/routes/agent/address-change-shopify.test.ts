import { describe, expect, it } from 'vitest'
import { createStoreAdapterRegistry } from '../../adapters/store/registry.ts'
import { fulfillment, order } from '../../adapters/store/shopify/testing/fake-orders.ts'
import { FakeShop } from '../../adapters/store/shopify/testing/fake-shop.ts'
import {
  insertShopifyStore,
  interceptShopify,
  testRuntime,
  virtualTime,
} from '../../adapters/store/shopify/testing/test-kit.ts'
import { createApp } from '../../app.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'

const mocks = interceptShopify()

const moved = {
  name: 'Ada Marie Lovelace',
  line1: '3 quai Perrache',
  city: 'Lyon',
  postalCode: '69002',
  country: 'FR',
}

async function setup() {
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
  const shopper = await mintShopperSession(ctx, 'st_shopify', {
    kind: 'email',
    value: 'ada@example.com',
  })
  const file = async (orderId: string, address: Record<string, unknown> = moved) => {
    const res = await app.request(`/v1/orders/${orderId}/requests`, {
      method: 'POST',
      headers: {
        ...shopper.headers,
        'content-type': 'application/json',
        'idempotency-key': `k-${orderId}-${Math.random().toString(36).slice(2)}`,
      },
      body: JSON.stringify({
        type: 'address_change',
        reason: 'address_change',
        address,
        channel: 'chat',
        locale: 'fr',
      }),
    })
    return { status: res.status, body: await res.json() }
  }
  const decide = async (ticketId: string, version: number) => {
    const res = await app.request(`/v1/agent/tickets/${ticketId}/decision`, {
      method: 'POST',
      headers: agent.write,
      body: JSON.stringify({ version, decision: 'approve' }),
    })
    return { status: res.status, body: await res.json() }
  }
  return { ...ctx, shop, file, decide }
}

describe(`address changes on a Shopify store (${testDialect})`, () => {
  it('sends the new address with orderUpdate once, and the order reads back with it', async () => {
    const t = await setup()
    const o = t.shop.addOrder(order())
    const filed = await t.file(o.legacyResourceId)
    expect(filed.status).toBe(201)
    const approved = await t.decide(filed.body.ticketId, 1)
    expect(approved.status).toBe(200)
    expect(approved.body.ticket.requestStatus).toBe('approved')
    expect(t.shop.callsOf('PorchlightOrderUpdateAddress').map((c) => c.variables)).toEqual([
      {
        input: {
          id: o.id,
          shippingAddress: {
            firstName: 'Ada Marie',
            lastName: 'Lovelace',
            company: null,
            address1: '3 quai Perrache',
            address2: null,
            city: 'Lyon',
            provinceCode: null,
            zip: '69002',
            countryCode: 'FR',
            phone: null,
          },
        },
      },
    ])
    expect(approved.body.order.order.shippingAddress).toMatchObject({
      name: 'Ada Marie Lovelace',
      line1: '3 quai Perrache',
      postalCode: '69002',
    })
  })

  it('refuses a French address without its postal code before Shopify hears of it', async () => {
    const t = await setup()
    const o = t.shop.addOrder(order())
    const { postalCode: _zip, ...noZip } = moved
    const filed = await t.file(o.legacyResourceId, noZip)
    expect(filed.status).toBe(422)
    expect(filed.body.error).toMatchObject({
      code: 'address_invalid',
      details: { problems: [{ field: 'postalCode', code: 'required' }] },
    })
    expect(t.shop.callsOf('PorchlightOrderUpdateAddress')).toEqual([])
  })

  it('is not offered for an order Shopify shows fulfilled', async () => {
    const t = await setup()
    const shipped = t.shop.addOrder(
      order({ displayFulfillmentStatus: 'FULFILLED', fulfillments: [fulfillment([])] }),
    )
    const filed = await t.file(shipped.legacyResourceId)
    expect(filed.status).toBe(409)
    expect(filed.body.error.details.reason.code).toBe('already_fulfilled')
    expect(t.shop.callsOf('PorchlightOrderUpdateAddress')).toEqual([])
  })

  it('hands Shopify’s refusal to the agent in its words; the ticket stays as it was', async () => {
    const t = await setup()
    const o = t.shop.addOrder(order())
    const filed = await t.file(o.legacyResourceId)
    t.shop.userErrors.set('PorchlightOrderUpdateAddress', [
      { field: ['shippingAddress', 'zip'], message: 'Zip is not valid for France' },
    ])
    const refused = await t.decide(filed.body.ticketId, 1)
    expect(refused).toEqual({
      status: 422,
      body: { error: { code: 'store_rejected', message: 'Zip is not valid for France' } },
    })
    expect(o.shippingAddress?.address1).toBe('12 Rue des Lilas')
    // The failed attempt took version 2 when it claimed the ticket.
    expect((await t.decide(filed.body.ticketId, 2)).status).toBe(200)
    expect(t.shop.callsOf('PorchlightOrderUpdateAddress')).toHaveLength(2)
  })

  it('reports a lost answer as unconfirmed and does not send it again by itself', async () => {
    const t = await setup()
    const o = t.shop.addOrder(order())
    const filed = await t.file(o.legacyResourceId)
    t.shop.lostAnswers.set('PorchlightOrderUpdateAddress', [504, 504, 504, 504, 504])
    const lost = await t.decide(filed.body.ticketId, 1)
    expect([lost.status, lost.body.error.code]).toEqual([502, 'store_unavailable'])
    expect(lost.body.error.message).toContain('Check the order in Shopify')
    expect(t.shop.callsOf('PorchlightOrderUpdateAddress')).toHaveLength(1)
  })
})
