import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../clock.ts'
import { createMemoryLogger } from '../../../logger.ts'
import { openTestDatabase, testDialect } from '../../../test/harness.ts'
import { pickReturnReason } from './shopify-actions.ts'
import { fulfillment, lineItem, order, saleTransaction } from './testing/fake-orders.ts'
import { FakeShop } from './testing/fake-shop.ts'
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
  const time = virtualTime(Date.parse('2026-01-15T12:00:00Z'))
  const shop = new FakeShop({ now: time.now })
  mocks.use(shop)
  const store = await insertShopifyStore(db, shop)
  const adapter = testRuntime({ db, clock, logger }, time).adapterFor(store)
  return { shop, adapter, time }
}

const eur = (amount: number) => ({ amount, currency: 'EUR' })

describe(`Shopify decisions: cancel (${testDialect})`, () => {
  it('approve-cancel round trip: orderCancel with the agent decision, then the order reads cancelled', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order({ legacyResourceId: '820982911946154508' }))
    expect((await adapter.getOrder(o.legacyResourceId))?.status).toBe('open')

    const result = await adapter.cancelOrder(o.legacyResourceId, {
      reason: 'customer',
      refund: true,
      restock: true,
      staffNote: 'Ticket tk_42: shopper asked before shipping',
    })

    expect(shop.callsOf('PorchlightOrderCancel').map((c) => c.variables)).toEqual([
      {
        orderId: 'gid://shopify/Order/820982911946154508',
        reason: 'CUSTOMER',
        refundMethod: { originalPaymentMethodsRefund: true },
        restock: true,
        staffNote: 'Ticket tk_42: shopper asked before shipping',
        notifyCustomer: true,
      },
    ])
    // Shopify cancels in a job: we waited for it before reading the order back.
    expect(shop.callsOf('PorchlightJob')).toHaveLength(1)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.status).toBe('cancelled')
    expect(result.value.financialStatus).toBe('refunded')
    expect(result.value.fulfillmentStatus).toBe('cancelled')
    const calls = shop.callsOf('PorchlightOrder').length
    const after = await adapter.getOrder(o.legacyResourceId)
    expect(after?.status).toBe('cancelled')
    expect(after?.cancelledAt).not.toBeNull()
    // Served from the cache the action refreshed.
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(calls)
  })

  it("returns Shopify's own refusal as store_rejected", async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order({ cancelledAt: '2026-01-09T00:00:00Z' }))
    const result = await adapter.cancelOrder(o.legacyResourceId, {
      reason: 'other',
      refund: false,
      restock: false,
    })
    expect(result).toEqual({
      ok: false,
      code: 'store_rejected',
      message: 'Order has already been cancelled',
    })
  })

  it('knows orders that do not exist, and does not retry a cancel Shopify did not confirm', async () => {
    const { shop, adapter } = await setup()
    expect(
      await adapter.cancelOrder('123', { reason: 'other', refund: false, restock: false }),
    ).toMatchObject({
      ok: false,
      code: 'order_not_found',
    })
    const o = shop.addOrder(order())
    shop.operationFailures.set('PorchlightOrderCancel', [504])
    const result = await adapter.cancelOrder(o.legacyResourceId, {
      reason: 'fraud',
      refund: false,
      restock: true,
    })
    expect(result).toMatchObject({ ok: false, code: 'store_unavailable' })
    expect(result).toMatchObject({ message: expect.stringContaining('Check the order in Shopify') })
    // One read of the order, one mutation attempt, no second attempt.
    expect(shop.requests).toBe(3)
    expect(o.cancelledAt).toBeNull()
  })
})

describe(`Shopify decisions: refund (${testDialect})`, () => {
  it('refunds to the original charge and refuses more than what remains', async () => {
    const { shop, adapter } = await setup()
    const sale = saleTransaction('54.90')
    const o = shop.addOrder(order({ transactions: [sale] }))

    const first = await adapter.refund(o.legacyResourceId, {
      amount: eur(1000),
      note: 'Late parcel',
    })
    expect(first).toMatchObject({ ok: true, value: { financialStatus: 'partially_refunded' } })
    expect(shop.callsOf('PorchlightRefundCreate')[0]?.variables).toEqual({
      idempotencyKey: expect.stringMatching(/^porchlight-[0-9a-f-]{36}$/),
      input: {
        orderId: o.id,
        currency: 'EUR',
        note: 'Late parcel',
        notify: true,
        refundLineItems: [],
        transactions: [
          {
            orderId: o.id,
            parentId: sale.id,
            gateway: 'shopify_payments',
            kind: 'REFUND',
            amount: '10.00',
          },
        ],
      },
    })

    const tooMuch = await adapter.refund(o.legacyResourceId, { amount: eur(4491) })
    expect(tooMuch).toEqual({
      ok: false,
      code: 'refund_exceeds_remaining',
      message: 'Only 44.90 EUR remains refundable on this order.',
    })
    expect(shop.callsOf('PorchlightRefundCreate')).toHaveLength(1)

    const rest = await adapter.refund(o.legacyResourceId, { amount: eur(4490) })
    expect(rest).toMatchObject({ ok: true, value: { financialStatus: 'refunded' } })
    expect(await adapter.refund(o.legacyResourceId, { amount: eur(1) })).toMatchObject({
      code: 'refund_exceeds_remaining',
    })
  })

  it('sends a refund whose answer was lost again with the same key, and Shopify refunds once', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order({ transactions: [saleTransaction('54.90')] }))
    shop.lostAnswers.set('PorchlightRefundCreate', [504])
    const result = await adapter.refund(o.legacyResourceId, {
      amount: eur(1000),
      idempotencyKey: 'porchlight-tk_1-refund-1',
    })
    expect(result).toMatchObject({ ok: true, value: { financialStatus: 'partially_refunded' } })
    const sent = shop.callsOf('PorchlightRefundCreate').map((c) => c.variables['idempotencyKey'])
    expect(sent).toEqual(['porchlight-tk_1-refund-1', 'porchlight-tk_1-refund-1'])
    expect(o.refunds).toHaveLength(1)
    expect(o.totalRefundedSet.presentmentMoney.amount).toBe('10.00')
  })

  it('lets a later retry with the same key find the refund a timed-out call made', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order({ transactions: [saleTransaction('54.90')] }))
    shop.lostAnswers.set('PorchlightRefundCreate', [504, 504, 504, 504, 504])
    const key = 'porchlight-tk_2-refund-1'
    const lost = await adapter.refund(o.legacyResourceId, {
      amount: eur(1000),
      idempotencyKey: key,
    })
    expect(lost).toMatchObject({ ok: false, code: 'store_unavailable' })
    expect(o.refunds).toHaveLength(1)
    const again = await adapter.refund(o.legacyResourceId, {
      amount: eur(1000),
      idempotencyKey: key,
    })
    expect(again.ok).toBe(true)
    expect(o.refunds).toHaveLength(1)
    expect(o.totalRefundedSet.presentmentMoney.amount).toBe('10.00')
  })

  it('splits a refund over several charges, and marks refunded lines', async () => {
    const { shop, adapter } = await setup()
    const li = lineItem({ quantity: 2, currentQuantity: 2, refundableQuantity: 2 })
    const card = saleTransaction('30.00')
    const gift = saleTransaction('24.90', { gateway: 'gift_card', paymentDetails: null })
    const o = shop.addOrder(order({ lines: [li], transactions: [card, gift] }))
    const lineId = li.id.split('/').pop() as string
    const result = await adapter.refund(o.legacyResourceId, {
      amount: eur(4000),
      lines: [{ lineItemId: lineId, quantity: 1 }],
    })
    expect(result.ok).toBe(true)
    const input = shop.callsOf('PorchlightRefundCreate')[0]?.variables['input'] as {
      transactions: Array<{ parentId: string; amount: string }>
      refundLineItems: unknown
    }
    expect(input.transactions.map((t) => [t.parentId, t.amount])).toEqual([
      [card.id, '30.00'],
      [gift.id, '10.00'],
    ])
    expect(input.refundLineItems).toEqual([
      { lineItemId: li.id, quantity: 1, restockType: 'NO_RESTOCK' },
    ])
    if (result.ok) expect(result.value.lineItems[0]?.refundedQuantity).toBe(1)
  })

  it('reports a refund Shopify made even when reading the order back fails', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order())
    await adapter.getOrder(o.legacyResourceId)
    shop.afterCall = (operation) => {
      if (operation === 'PorchlightRefundCreate') {
        shop.operationFailures.set('PorchlightOrder', Array(5).fill(503))
      }
    }
    const result = await adapter.refund(o.legacyResourceId, { amount: eur(1000) })
    expect(result).toMatchObject({ ok: true, value: { id: o.legacyResourceId } })
    shop.afterCall = undefined
    // The cache was expired, not refreshed with the old state: the next read asks Shopify.
    expect((await adapter.getOrder(o.legacyResourceId))?.financialStatus).toBe('partially_refunded')
  })

  it('checks currency, amount and lines before asking Shopify', async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order())
    const id = o.legacyResourceId
    expect(await adapter.refund(id, { amount: { amount: 500, currency: 'USD' } })).toMatchObject({
      code: 'currency_mismatch',
    })
    expect(await adapter.refund(id, { amount: eur(0) })).toMatchObject({ code: 'invalid_amount' })
    expect(await adapter.refund(id, { amount: eur(-5) })).toMatchObject({ code: 'invalid_amount' })
    expect(
      await adapter.refund(id, { amount: eur(100), lines: [{ lineItemId: '1', quantity: 1 }] }),
    ).toMatchObject({ code: 'invalid_lines' })
    expect(shop.callsOf('PorchlightRefundCreate')).toEqual([])
  })

  it("passes Shopify's userErrors through with Shopify's message", async () => {
    const { shop, adapter } = await setup()
    const o = shop.addOrder(order())
    shop.userErrors.set('PorchlightRefundCreate', [
      {
        field: ['transactions', '0', 'parentId'],
        message: 'Transaction cannot be refunded: the payment is still pending',
      },
    ])
    expect(await adapter.refund(o.legacyResourceId, { amount: eur(500) })).toEqual({
      ok: false,
      code: 'store_rejected',
      message: 'Transaction cannot be refunded: the payment is still pending',
    })
  })
})

describe(`Shopify decisions: returns (${testDialect})`, () => {
  function shippedOrder() {
    const li = lineItem({ quantity: 2, currentQuantity: 2, refundableQuantity: 2 })
    const other = lineItem({ title: 'Candle' })
    const f = fulfillment([li], { displayStatus: 'DELIVERED', deliveredAt: '2026-01-12T10:00:00Z' })
    return {
      li,
      other,
      f,
      raw: order({
        lines: [li, other],
        fulfillments: [f],
        displayFulfillmentStatus: 'PARTIALLY_FULFILLED',
      }),
    }
  }

  it('requests the return on the shipped items and approves it', async () => {
    const { shop, adapter } = await setup()
    const { li, f, raw } = shippedOrder()
    shop.addOrder(raw)
    const result = await adapter.createReturn(raw.legacyResourceId, {
      lines: [{ lineItemId: li.id.split('/').pop() as string, quantity: 2 }],
      reason: 'damaged',
      note: 'The box was crushed',
    })
    expect(result.ok).toBe(true)
    const request = shop.callsOf('PorchlightReturnRequest')[0]?.variables
    expect(request).toEqual({
      input: {
        orderId: raw.id,
        returnLineItems: [
          {
            fulfillmentLineItemId: f.fulfillmentLineItems.nodes[0]?.id,
            quantity: 2,
            returnReasonDefinitionId: shop.returnReasons.find(
              (r) => r.handle === 'damaged-or-defective',
            )?.id,
            customerNote: 'damaged - The box was crushed',
          },
        ],
      },
    })
    const [returnGid] = [...shop.returns.keys()]
    expect(shop.callsOf('PorchlightReturnApprove')[0]?.variables).toEqual({
      input: { id: returnGid },
    })
    expect(shop.returns.get(returnGid as string)?.status).toBe('OPEN')
    if (result.ok) expect(result.value.returnId).toBe(returnGid?.split('/').pop())
  })

  it('refuses to return what was not shipped, before asking Shopify', async () => {
    const { shop, adapter } = await setup()
    const { li, other, raw } = shippedOrder()
    shop.addOrder(raw)
    const id = raw.legacyResourceId
    const tail = (x: { id: string }) => x.id.split('/').pop() as string
    expect(
      await adapter.createReturn(id, {
        lines: [{ lineItemId: tail(other), quantity: 1 }],
        reason: 'unwanted',
      }),
    ).toMatchObject({ ok: false, code: 'not_returnable' })
    expect(
      await adapter.createReturn(id, {
        lines: [{ lineItemId: tail(li), quantity: 3 }],
        reason: 'unwanted',
      }),
    ).toMatchObject({ ok: false, code: 'not_returnable' })
    expect(shop.callsOf('PorchlightReturnRequest')).toEqual([])
  })

  it('reports an approval Shopify refused', async () => {
    const { shop, adapter } = await setup()
    const { li, raw } = shippedOrder()
    shop.addOrder(raw)
    shop.userErrors.set('PorchlightReturnApprove', [
      { field: ['input', 'id'], message: 'Return is not approvable', code: 'INVALID_STATE' },
    ])
    const result = await adapter.createReturn(raw.legacyResourceId, {
      lines: [{ lineItemId: li.id.split('/').pop() as string, quantity: 1 }],
      reason: 'size too small',
    })
    expect(result).toEqual({
      ok: false,
      code: 'store_rejected',
      message: 'Shopify opened the return request but did not approve it: Return is not approvable',
    })
  })

  it.each([
    ['Damaged in transit', 'damaged-or-defective'],
    ['wrong_item', 'wrong-item'],
    ['not as described', 'not-as-described'],
    ['size_too_small', 'too-small'],
    ['too big', 'too-large'],
    ['colour', 'color'],
    ['changed my mind', 'changed-mind'],
    ['anything else', 'other'],
  ])('maps the return reason %s to the shop’s definition %s', (reason, handle) => {
    expect(pickReturnReason(new FakeShop().returnReasons, reason)?.handle).toBe(handle)
  })

  it('skips deleted definitions, and sends no definition when none fits', () => {
    const defs = new FakeShop().returnReasons
    const deleted = defs.map((d) => (d.handle === 'wrong-item' ? { ...d, deleted: true } : d))
    expect(pickReturnReason(deleted, 'wrong item')?.handle).toBe('other')
    expect(pickReturnReason([], 'wrong item')).toBeNull()
  })
})
