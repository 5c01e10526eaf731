import { describe, expect, it } from 'vitest'
import { legacyId } from '../../adapters/store/shopify/operations.ts'
import { fakeVariant, setLineProduct } from '../../adapters/store/shopify/testing/fake-exchanges.ts'
import { fulfillment, lineItem, order } from '../../adapters/store/shopify/testing/fake-orders.ts'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { mintShopperSession, testDialect } from '../../test/harness.ts'
import { shopifyTestAppWithAgent } from '../../test/shopify-test-app.ts'

const mocks = interceptShopify()

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

/** A delivered Shopify order of one linen throw in Sand / Small, whose Large has one unit left. */
async function setup() {
  const { ctx, shop, app, agent } = await shopifyTestAppWithAgent(mocks)
  const li = lineItem()
  const o = shop.addOrder(
    order({
      lines: [li],
      displayFulfillmentStatus: 'FULFILLED',
      fulfillments: [
        fulfillment([li], { deliveredAt: '2026-01-12T10:00:00Z', displayStatus: 'DELIVERED' }),
      ],
    }),
  )
  const variants = [
    fakeVariant(801, 'Sand / Small', 3),
    fakeVariant(802, 'Sand / Large', 1),
    fakeVariant(803, 'Oat / Small', 0),
  ]
  const product = { id: 'gid://shopify/Product/80', title: 'Linen throw', variants }
  setLineProduct(shop, li.id, product, variants[0]!.id)
  const lineItemId = legacyId(li.id)
  const shopper = await mintShopperSession(ctx, 'st_shopify', {
    kind: 'email',
    value: 'ada@example.com',
  })
  let key = 0
  const fileExchange = (variantId: string) =>
    json(
      app.request(`/v1/orders/${o.legacyResourceId}/requests`, {
        method: 'POST',
        headers: {
          ...shopper.headers,
          'content-type': 'application/json',
          'idempotency-key': `shopify-exchange-${++key}`,
        },
        body: JSON.stringify({
          type: 'return',
          reason: 'doesnt_fit',
          lines: [{ lineItemId, quantity: 1, exchangeVariantId: variantId }],
          channel: 'help-center',
          locale: 'en',
        }),
      }),
    )
  const decide = (ticketId: string, body: Record<string, unknown>) =>
    json(
      app.request(`/v1/agent/tickets/${ticketId}/decision`, {
        method: 'POST',
        headers: agent.write,
        body: JSON.stringify({ decision: 'approve', ...body }),
      }),
    )
  return { ctx, shop, app, agent, shopper, o, lineItemId, variants, fileExchange, decide }
}

describe(`exchanges on Shopify (${testDialect})`, () => {
  it('offers the in-stock variants and makes the exchange as a return with exchange items', async () => {
    const s = await setup()
    const offered = await json(
      s.app.request(`/v1/orders/${s.o.legacyResourceId}/lines/${s.lineItemId}/exchange-options`, {
        headers: s.shopper.headers,
      }),
    )
    expect(offered.status, JSON.stringify(offered.body)).toBe(200)
    expect(offered.body).toEqual({
      lineItemId: s.lineItemId,
      productTitle: 'Linen throw',
      options: [
        {
          variantId: '802',
          title: 'Sand / Large',
          price: { amount: 4900, currency: 'EUR' },
          available: 1,
        },
      ],
    })
    const filed = await s.fileExchange('802')
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    const approved = await s.decide(filed.body.ticketId, { version: 1 })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const calls = s.shop.callsOf('PorchlightReturnCreate')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.variables).toMatchObject({
      returnInput: {
        orderId: s.o.id,
        exchangeLineItems: [{ variantId: 'gid://shopify/ProductVariant/802', quantity: 1 }],
        returnLineItems: [{ quantity: 1 }],
      },
    })
    // No refund: the large one goes out instead; the return is not asked for separately.
    expect(s.shop.callsOf('PorchlightRefundCreate')).toEqual([])
    expect(s.shop.callsOf('PorchlightReturnRequest')).toEqual([])
    const event = approved.body.history.find((e: { kind: string }) => e.kind === 'approved')
    expect(event.data).toMatchObject({
      storeCall: 'createExchange',
      exchange: { orderId: null, orderName: `${s.o.name}-R1` },
    })
  })

  it('refuses another product’s variant or one out of stock when the shopper asks', async () => {
    const s = await setup()
    const foreign = await s.fileExchange('999')
    expect(foreign.status).toBe(422)
    expect(foreign.body.error.code).toBe('exchange_variant_not_allowed')
    const soldOut = await s.fileExchange('803')
    expect(soldOut.status).toBe(409)
    expect(soldOut.body.error.code).toBe('exchange_out_of_stock')
  })

  it('refuses at approval a variant that ran out since, without a store call', async () => {
    const s = await setup()
    const filed = await s.fileExchange('802')
    expect(filed.status).toBe(201)
    s.variants[1]!.inventoryQuantity = 0
    const refused = await s.decide(filed.body.ticketId, { version: 1 })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('exchange_out_of_stock')
    expect(s.shop.callsOf('PorchlightReturnCreate')).toEqual([])
  })

  it('sends one returnCreate when two approvals arrive at once', async () => {
    const s = await setup()
    const filed = await s.fileExchange('802')
    const answers = await Promise.all(
      [1, 2].map(() => s.decide(filed.body.ticketId, { version: 1 })),
    )
    // One makes it; the other is refused as busy, or, if it read the ticket once the first had
    // finished, answers the approved ticket as it is (deciding again the same way).
    expect(answers.map((a) => a.status)).toContain(200)
    for (const a of answers) expect([200, 409]).toContain(a.status)
    expect(s.shop.callsOf('PorchlightReturnCreate')).toHaveLength(1)
  })

  it('answers Shopify’s refusal in its words and leaves the ticket requested', async () => {
    const s = await setup()
    const filed = await s.fileExchange('802')
    s.shop.userErrors.set('PorchlightReturnCreate', [
      {
        field: ['returnInput'],
        message: 'Exchanges are not enabled on this shop',
        code: 'INVALID',
      },
    ])
    const refused = await s.decide(filed.body.ticketId, { version: 1 })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({
      code: 'store_rejected',
      message: 'Exchanges are not enabled on this shop',
    })
    const view = await (
      await s.app.request(`/v1/agent/tickets/${filed.body.ticketId}`, { headers: s.agent.read })
    ).json()
    expect(view.ticket.requestStatus).toBe('requested')
  })

  it('says the store did not confirm when Shopify times out, and does not send it twice', async () => {
    const s = await setup()
    const filed = await s.fileExchange('802')
    s.shop.operationFailures.set('PorchlightReturnCreate', [504])
    const lost = await s.decide(filed.body.ticketId, { version: 1 })
    expect(lost.status).toBe(502)
    expect(lost.body.error.code).toBe('store_unavailable')
    expect(s.shop.callsOf('PorchlightReturnCreate').length).toBeLessThanOrEqual(1)
    const view = await (
      await s.app.request(`/v1/agent/tickets/${filed.body.ticketId}`, { headers: s.agent.read })
    ).json()
    expect(view.ticket.requestStatus).toBe('requested')
  })
})
