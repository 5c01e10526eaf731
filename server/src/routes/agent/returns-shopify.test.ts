import { describe, expect, it } from 'vitest'
import { legacyId } from '../../adapters/store/shopify/operations.ts'
import {
  fulfillment,
  lineItem,
  money,
  order,
} from '../../adapters/store/shopify/testing/fake-orders.ts'
import { addReverseDelivery } from '../../adapters/store/shopify/testing/fake-returns.ts'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { insertTicket } from '../../db/tickets.repository.ts'
import { signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { shopifyTestAppWithAgent } from '../../test/shopify-test-app.ts'

const mocks = interceptShopify()

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

/** A delivered Shopify order of two units at 49.00 EUR, and an approved return of both. */
async function setup() {
  const { ctx, shop, app, agent } = await shopifyTestAppWithAgent(mocks)
  const li = lineItem({ quantity: 2, currentQuantity: 2, refundableQuantity: 2 })
  const o = shop.addOrder(
    order({
      lines: [li],
      totalPriceSet: money('103.90'),
      totalReceivedSet: money('103.90'),
      displayFulfillmentStatus: 'FULFILLED',
      fulfillments: [
        fulfillment([li], { deliveredAt: '2026-01-12T10:00:00Z', displayStatus: 'DELIVERED' }),
      ],
    }),
  )
  const lineItemId = legacyId(li.id)
  const ticket = await insertTicket(ctx.db, {
    store_id: 'st_shopify',
    type: 'return',
    status: 'open',
    request_status: 'requested',
    channel: 'help-center',
    order_id: o.legacyResourceId,
    order_name: o.name,
    identity_kind: 'email',
    identity_value: 'ada@example.com',
    locale: 'en',
    reason: 'damaged_item',
    lines: [{ lineItemId, quantity: 2 }],
    created_at: ctx.clock.now().getTime(),
    updated_at: ctx.clock.now().getTime(),
  })
  const post = (path: string, body: unknown) =>
    json(app.request(path, { method: 'POST', headers: agent.write, body: JSON.stringify(body) }))
  const version = async () =>
    (await (await app.request(`/v1/agent/tickets/${ticket.id}`, { headers: agent.read })).json())
      .ticket.version as number
  const approved = await post(`/v1/agent/tickets/${ticket.id}/decision`, {
    version: 1,
    decision: 'approve',
  })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  const receive = async (quantity: number, v?: number) =>
    post(`/v1/agent/tickets/${ticket.id}/receipts`, {
      version: v ?? (await version()),
      lines: [{ lineItemId, quantity }],
    })
  const progress = async () =>
    json(app.request(`/v1/agent/tickets/${ticket.id}/return`, { headers: agent.read }))
  const returnGid = () => [...shop.returns.keys()][0]!
  return { ...ctx, app, shop, o, ticket, lineItemId, post, version, receive, progress, returnGid }
}

describe(`returns after approval on a Shopify store (${testDialect})`, () => {
  it('uses the return’s name as reference and the label of the reverse delivery the shop made', async () => {
    const t = await setup()
    const first = await t.progress()
    expect(first.body).toMatchObject({ reference: `${t.o.name}-R1`, label: null })
    expect(t.shop.callsOf('PorchlightReturn')).toHaveLength(1)

    const none = await t.post(`/v1/agent/tickets/${t.ticket.id}/return-label`, {
      version: await t.version(),
      fromStore: true,
    })
    expect(none.status).toBe(400)
    expect(none.body.error.code).toBe('label_invalid')

    addReverseDelivery(t.shop, t.returnGid(), 'https://cdn.shopify.com/labels/rl-1.pdf')
    const got = await t.post(`/v1/agent/tickets/${t.ticket.id}/return-label`, {
      version: await t.version(),
      fromStore: true,
    })
    expect(got.status, JSON.stringify(got.body)).toBe(200)
    expect((await t.progress()).body.label).toEqual({
      kind: 'url',
      url: 'https://cdn.shopify.com/labels/rl-1.pdf',
    })
  })

  it('processes a partial receipt with returnProcess, refunding only what came back', async () => {
    const t = await setup()
    const one = await t.receive(1)
    expect(one.status, JSON.stringify(one.body)).toBe(200)
    const calls = t.shop.callsOf('PorchlightReturnProcess')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.variables['input']).toMatchObject({
      returnId: t.returnGid(),
      returnLineItems: [{ id: expect.stringContaining('ReturnLineItem'), quantity: 1 }],
      financialTransfer: {
        issueRefund: {
          orderTransactions: [
            {
              parentId: t.o.transactions[0]!.id,
              transactionAmount: { amount: '49.00', currencyCode: 'EUR' },
            },
          ],
        },
      },
    })
    expect(t.o.totalRefundedSet.presentmentMoney.amount).toBe('49.00')
    expect(one.body.order.order.totals.refunded.amount).toBe(4900)
    expect(one.body.ticket.refundStatus).toBe('pending_release')

    // Beyond what the return still expects: refused here, Shopify never asked.
    const tooMany = await t.receive(2)
    expect(tooMany.body.error.code).toBe('receipt_exceeds_return')
    expect(t.shop.callsOf('PorchlightReturnProcess')).toHaveLength(1)

    const rest = await t.receive(1)
    expect(rest.body.ticket.refundStatus).toBe('released')
    expect(t.shop.returns.get(t.returnGid())?.status).toBe('CLOSED')
    expect(t.o.totalRefundedSet.presentmentMoney.amount).toBe('98.00')
  })

  it('makes one returnProcess call for simultaneous receipts', async () => {
    const t = await setup()
    const v = await t.version()
    const results = await Promise.all(Array.from({ length: 5 }, () => t.receive(2, v)))
    expect(t.shop.callsOf('PorchlightReturnProcess')).toHaveLength(1)
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409])
    expect(t.o.totalRefundedSet.presentmentMoney.amount).toBe('98.00')
  })

  it('leaves the ticket as it was when Shopify refuses, with Shopify’s words', async () => {
    const t = await setup()
    t.shop.userErrors.set('PorchlightReturnProcess', [
      {
        field: ['input'],
        message: 'Return line items have already been processed',
        code: 'INVALID_STATE',
      },
    ])
    const refused = await t.receive(1)
    expect(refused.status).toBe(422)
    expect(refused.body.error).toEqual({
      code: 'store_rejected',
      message: 'Return line items have already been processed',
    })
    expect((await t.progress()).body.lines[0].received).toBe(0)
    expect(t.o.totalRefundedSet.presentmentMoney.amount).toBe('0.00')
    expect((await t.receive(1)).status).toBe(200)
  })

  it('refunds part of one line with refundCreate, naming the line, with its idempotency key', async () => {
    const t = await setup()
    const res = await t.post(`/v1/agent/tickets/${t.ticket.id}/appeasements`, {
      version: await t.version(),
      lineItemId: t.lineItemId,
      amount: { amount: 1200, currency: 'EUR' },
      reason: 'damaged',
      comment: 'Scratched, kept by the shopper',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [call] = t.shop.callsOf('PorchlightRefundCreate')
    expect(call!.variables).toMatchObject({
      idempotencyKey: `porchlight-${t.ticket.id}-appeasement-1`,
      input: {
        refundLineItems: [{ lineItemId: t.o.lineItems.nodes[0]!.id, quantity: 1 }],
        transactions: [expect.objectContaining({ amount: '12.00', kind: 'REFUND' })],
      },
    })
    const left = await json(
      t.app.request(`/v1/agent/tickets/${t.ticket.id}/refundable`, {
        headers: (await signInAgent(t, 'st_shopify', 'reader@example.com')).read,
      }),
    )
    expect(left.body.lines[0].refundable.amount).toBe(9800 - 1200)
  })
})
