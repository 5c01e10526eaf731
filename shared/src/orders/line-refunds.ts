/**
 * What remains refundable on each line of an order and in total, from the order alone (so
 * refunds made in the store's own admin count too). A refund that names lines is shared among
 * them by their value; one that names none (shipping, an order-wide gesture) only lowers the
 * total. A line never shows more than the order has left.
 */
import type { Money, Order } from './model.ts'

export interface LineRefundable {
  lineItemId: string
  title: string
  /** Unit price × quantity. */
  value: number
  /** Money of refunds attributed to this line. */
  refunded: number
  /** What may still be refunded on it, in minor units. */
  refundable: number
}

/** Paid and not yet refunded, in minor units. */
export function orderRefundable(order: Order): number {
  return Math.max(0, order.totals.paid.amount - order.totals.refunded.amount)
}

/** Each refund's amount shared among the lines it names, by their value (remainder to the last). */
function refundedPerLine(order: Order): Map<string, number> {
  const price = new Map(order.lineItems.map((l) => [l.id, l.price.amount]))
  const per = new Map<string, number>()
  for (const refund of order.refunds ?? []) {
    const weights = refund.lines
      .filter((l) => price.has(l.lineItemId))
      .map((l) => ({ id: l.lineItemId, weight: (price.get(l.lineItemId) ?? 0) * l.quantity }))
    const sum = weights.reduce((s, w) => s + w.weight, 0)
    let left = refund.amount.amount
    weights.forEach((w, i) => {
      const share =
        i === weights.length - 1 || sum === 0
          ? left
          : Math.round((refund.amount.amount * w.weight) / sum)
      left -= share
      per.set(w.id, (per.get(w.id) ?? 0) + share)
    })
  }
  return per
}

/** Every line's remainder and the order's, in the order's currency. */
export function lineRefundables(order: Order): { lines: LineRefundable[]; total: Money } {
  const total = orderRefundable(order)
  const refunded = refundedPerLine(order)
  const lines = order.lineItems.map((l) => {
    const value = l.price.amount * l.quantity
    const done = refunded.get(l.id) ?? 0
    return {
      lineItemId: l.id,
      title: l.title,
      value,
      refunded: done,
      refundable: Math.min(total, Math.max(0, value - done)),
    }
  })
  return { lines, total: { amount: total, currency: order.currency } }
}

/**
 * The refund owed for units that came back: unit price × units per line, never more than the
 * line's remainder, and all of it never more than the order's.
 */
export function receiptRefund(
  order: Order,
  received: Array<{ lineItemId: string; quantity: number }>,
): Money {
  const { lines, total } = lineRefundables(order)
  let sum = 0
  for (const r of received) {
    const item = order.lineItems.find((l) => l.id === r.lineItemId)
    const line = lines.find((l) => l.lineItemId === r.lineItemId)
    if (item === undefined || line === undefined) continue
    sum += Math.min(item.price.amount * r.quantity, line.refundable)
  }
  return { amount: Math.min(sum, total.amount), currency: order.currency }
}
