/**
 * The demo store receiving returned units: counted against the open return, refunded in the
 * same write when a refund is owed, and the return closed once everything came back. Pure,
 * like the other demo mutations; refusals are values with a code.
 */
import type { Order } from '@porchlight/shared/orders/model'
import type { ReceiveReturnInput } from '../store-adapter.ts'
import { refundOrder, type Mutation } from './demo-order-mutations.ts'

type Result = { ok: true; value: Mutation<Order> } | { ok: false; code: string; message: string }

const refuse = (code: string, message: string) => ({ ok: false as const, code, message })

export function receiveReturn(
  source: Order,
  input: ReceiveReturnInput,
  now: Date,
  refundId: string,
): Result {
  const found = (source.returns ?? []).find((r) => r.id === input.returnId)
  if (found === undefined) return refuse('return_not_found', 'No such return on this order.')
  if (found.status !== 'open') return refuse('return_not_open', `This return is ${found.status}.`)
  if (input.lines.length === 0) return refuse('invalid_lines', 'Name the units that arrived.')
  const received = new Map((found.received ?? []).map((l) => [l.lineItemId, l.quantity]))
  const expected = new Map<string, number>()
  for (const l of found.lines)
    expected.set(l.lineItemId, (expected.get(l.lineItemId) ?? 0) + l.quantity)
  for (const line of input.lines) {
    const left = (expected.get(line.lineItemId) ?? 0) - (received.get(line.lineItemId) ?? 0)
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > left) {
      return refuse(
        'receipt_exceeds_return',
        `Line ${line.lineItemId} has ${Math.max(0, left)} unit(s) still to come back.`,
      )
    }
    received.set(line.lineItemId, (received.get(line.lineItemId) ?? 0) + line.quantity)
  }
  let order = structuredClone(source)
  let refundLog: Record<string, unknown> = {}
  if (input.refund !== null && input.refund.amount > 0) {
    const refunded = refundOrder(
      order,
      { amount: input.refund, lines: input.lines, ...(input.note ? { note: input.note } : {}) },
      now,
      refundId,
    )
    if (!refunded.ok) return refunded
    order = refunded.value.order
    refundLog = { refundId, amount: input.refund }
  }
  const at = now.toISOString()
  const ret = (order.returns ?? []).find((r) => r.id === input.returnId)
  if (ret === undefined) throw new Error('the return vanished from its copy')
  ret.received = [...received].map(([lineItemId, quantity]) => ({ lineItemId, quantity }))
  const complete = [...expected].every(([id, qty]) => (received.get(id) ?? 0) >= qty)
  if (complete) ret.status = 'closed'
  order.updatedAt = at
  if (complete && order.fulfillmentStatus === 'fulfilled') {
    const all = order.lineItems.every((l) => l.refundedQuantity >= l.quantity)
    order.fulfillmentStatus = all ? 'returned' : 'partially_returned'
  }
  return {
    ok: true,
    value: {
      order,
      value: order,
      log: {
        at,
        action: 'return',
        details: {
          returnId: input.returnId,
          received: input.lines,
          closed: complete,
          ...refundLog,
        },
      },
    },
  }
}
