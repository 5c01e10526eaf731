import { describe, expect, it } from 'vitest'
import { order } from '../../adapters/store/shopify/testing/fake-orders.ts'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { insertTicket } from '../../db/tickets.repository.ts'
import { testDialect } from '../../test/harness.ts'
import { shopifyTestAppWithAgent } from '../../test/shopify-test-app.ts'

const mocks = interceptShopify()

async function setup() {
  const { ctx, shop, app, agent } = await shopifyTestAppWithAgent(mocks)
  const o = shop.addOrder(order())
  const ticket = await insertTicket(ctx.db, {
    store_id: 'st_shopify',
    type: 'cancel',
    status: 'open',
    request_status: 'requested',
    channel: 'help-center',
    order_id: o.legacyResourceId,
    order_name: o.name,
    identity_kind: 'email',
    identity_value: 'ada@example.com',
    locale: 'en',
    created_at: ctx.clock.now().getTime(),
    updated_at: ctx.clock.now().getTime(),
  })
  const decide = (version: number) =>
    app.request(`/v1/agent/tickets/${ticket.id}/decision`, {
      method: 'POST',
      headers: agent.write,
      body: JSON.stringify({ version, decision: 'approve' }),
    })
  const refund = (version: number, cents: number) =>
    app.request(`/v1/agent/tickets/${ticket.id}/refunds`, {
      method: 'POST',
      headers: agent.write,
      body: JSON.stringify({ version, amount: { amount: cents, currency: 'EUR' } }),
    })
  return { ...ctx, shop, ticket, o, decide, refund }
}

describe(`decisions on a Shopify store (${testDialect})`, () => {
  it('cancels through orderCancel, refunding to the original payment method', async () => {
    const t = await setup()
    const res = await t.decide(1)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.ticket).toMatchObject({ requestStatus: 'approved', refundStatus: 'released' })
    expect(body.order.order.status).toBe('cancelled')
    expect(t.shop.callsOf('PorchlightOrderCancel').map((c) => c.variables)).toEqual([
      expect.objectContaining({
        reason: 'CUSTOMER',
        refundMethod: { originalPaymentMethodsRefund: true },
        restock: true,
      }),
    ])
  })

  it('hands Shopify’s own refusal to the console as store_rejected, in Shopify’s words', async () => {
    const t = await setup()
    t.shop.userErrors.set('PorchlightOrderCancel', [
      { field: ['orderId'], message: 'Cannot cancel an order with pending fulfillments' },
    ])
    const res = await t.decide(1)
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      error: {
        code: 'store_rejected',
        message: 'Cannot cancel an order with pending fulfillments',
      },
    })
    // The ticket is back as it was, ready for another try.
    expect((await t.decide(2)).status).toBe(200)
    expect(t.shop.callsOf('PorchlightOrderCancel')).toHaveLength(2)
  })

  it('an agent retrying a refund whose answer was lost gets the same refund, not a second', async () => {
    const t = await setup()
    // Shopify refunds but every answer is lost on the way back (the client tries 5 times).
    t.shop.lostAnswers.set('PorchlightRefundCreate', [504, 504, 504, 504, 504])
    const lost = await t.refund(1, 1000)
    expect(lost.status).toBe(502)
    expect(t.o.refunds).toHaveLength(1)
    // The failed attempt took version 2 when it claimed the ticket.
    const retry = await t.refund(2, 1000)
    expect(retry.status).toBe(200)
    expect(t.o.refunds).toHaveLength(1)
    const { ticket } = (await retry.json()) as { ticket: { version: number } }
    // A second, deliberate refund on the same ticket is a new one.
    const second = await t.refund(ticket.version, 500)
    expect(second.status).toBe(200)
    expect(t.o.refunds).toHaveLength(2)
    const keys = t.shop.callsOf('PorchlightRefundCreate').map((c) => c.variables['idempotencyKey'])
    expect(new Set(keys)).toEqual(
      new Set([`porchlight-${t.ticket.id}-refund-1`, `porchlight-${t.ticket.id}-refund-2`]),
    )
  })
})
