import { describe, expect, it } from 'vitest'
import type { Order } from './model.ts'
import { lineRefundables, receiptRefund } from './line-refunds.ts'

const eur = (amount: number) => ({ amount, currency: 'EUR' })

function order(refunds: Order['refunds'], paid = 9000): Order {
  const line = (id: string, price: number, quantity: number) => ({
    id,
    title: `Item ${id}`,
    variantTitle: null,
    sku: null,
    quantity,
    price: eur(price),
    imageUrl: null,
    finalSale: false,
    giftCard: false,
    refundedQuantity: 0,
  })
  const refunded = (refunds ?? []).reduce((s, r) => s + r.amount.amount, 0)
  return {
    lineItems: [line('a', 2000, 2), line('b', 5000, 1)],
    refunds,
    currency: 'EUR',
    totals: { paid: eur(paid), refunded: eur(refunded) },
  } as unknown as Order
}

const refund = (amount: number, lines: Array<[string, number]>) => ({
  id: `r${amount}`,
  createdAt: '2026-01-01T00:00:00Z',
  amount: eur(amount),
  lines: lines.map(([lineItemId, quantity]) => ({ lineItemId, quantity })),
})

describe('lineRefundables', () => {
  it('is each line’s value before any refund', () => {
    const { lines, total } = lineRefundables(order([]))
    expect(lines.map((l) => [l.lineItemId, l.refundable])).toEqual([
      ['a', 4000],
      ['b', 5000],
    ])
    expect(total).toEqual(eur(9000))
  })

  it('takes a refund naming one line off that line only', () => {
    const { lines, total } = lineRefundables(order([refund(1500, [['b', 1]])]))
    expect(lines.map((l) => l.refundable)).toEqual([4000, 3500])
    expect(total).toEqual(eur(7500))
  })

  it('shares a refund naming several lines by their value', () => {
    const { lines } = lineRefundables(order([refund(900, [['a', 2], ['b', 1]])]))
    expect(lines.map((l) => l.refunded)).toEqual([400, 500])
  })

  it('never shows a line more than the order has left', () => {
    const { lines } = lineRefundables(order([refund(6000, [])], 9000))
    expect(lines.map((l) => l.refundable)).toEqual([3000, 3000])
  })
})

describe('receiptRefund', () => {
  it('refunds the units that came back, within the line’s remainder', () => {
    expect(receiptRefund(order([]), [{ lineItemId: 'a', quantity: 1 }])).toEqual(eur(2000))
    const appeased = order([refund(4500, [['b', 1]])])
    expect(receiptRefund(appeased, [{ lineItemId: 'b', quantity: 1 }])).toEqual(eur(500))
  })
})
