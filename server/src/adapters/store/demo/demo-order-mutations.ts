import { SHIPPED_STATUSES } from '@porchlight/shared/orders/eligibility'
/**
 * What the demo store does to an order when an agent's decision is carried out: cancel, refund,
 * open a return. Pure functions over a copy of the order; expected refusals are values with a
 * code, the way a real platform would refuse them.
 */
import type { FulfillmentStatus, Order, OrderRefund } from '@porchlight/shared/orders/model'
import {
  activeShipments,
  quantitiesInReturns,
  shippedQuantities,
} from '@porchlight/shared/orders/order-facts'
import type { CancelInput, RefundInput, ReturnInput, StoreActionResult } from '../store-adapter.ts'

/** A merchant-side note kept beside the order (restock, staff note), never shown to shoppers. */
export interface StaffLogEntry {
  at: string
  action: 'cancel' | 'refund' | 'return' | 'exchange' | 'address'
  details: Record<string, unknown>
}

export interface Mutation<T> {
  order: Order
  value: T
  log: StaffLogEntry
}

type Result<T> = { ok: true; value: Mutation<T> } | { ok: false; code: string; message: string }

const refuse = (code: string, message: string) => ({ ok: false as const, code, message })

/** Money paid and not yet refunded, in minor units. */
export function refundable(order: Order): number {
  return Math.max(0, order.totals.paid.amount - order.totals.refunded.amount)
}

/** Cancels an order nothing of which has shipped, refunding what was paid when asked. */
export function cancelOrder(
  source: Order,
  input: CancelInput,
  now: Date,
  refundId: string,
): Result<Order> {
  if (source.status === 'cancelled' || source.cancelledAt != null) {
    return refuse('order_already_cancelled', 'This order is already cancelled.')
  }
  if (SHIPPED_STATUSES.has(source.fulfillmentStatus) || activeShipments(source).length > 0) {
    return refuse('order_fulfilled', 'Items of this order have shipped; open a return instead.')
  }
  const order = structuredClone(source)
  const at = now.toISOString()
  order.status = 'cancelled'
  order.cancelledAt = at
  order.closedAt = at
  order.updatedAt = at
  order.cancelReason = input.reason
  order.fulfillmentStatus = 'cancelled'
  const owed = refundable(order)
  if (input.refund && owed > 0) {
    addRefund(order, {
      id: refundId,
      createdAt: at,
      amount: { amount: owed, currency: order.currency },
      lines: order.lineItems
        .filter((l) => l.quantity > l.refundedQuantity)
        .map((l) => ({ lineItemId: l.id, quantity: l.quantity - l.refundedQuantity })),
    })
  } else if (order.totals.paid.amount === 0) {
    // Nothing was captured: the authorization (or the promise to pay on delivery) lapses.
    order.financialStatus = 'voided'
  }
  const details = { reason: input.reason, refund: input.refund, restock: input.restock }
  return {
    ok: true,
    value: {
      order,
      value: order,
      log: { at, action: 'cancel', details: withNote(details, input.staffNote) },
    },
  }
}

/** Refunds an amount no larger than what was paid and not yet refunded. */
export function refundOrder(
  source: Order,
  input: RefundInput,
  now: Date,
  refundId: string,
): Result<Order> {
  const { amount } = input
  if (amount.currency !== source.currency) {
    return refuse('currency_mismatch', `Refunds of this order are in ${source.currency}.`)
  }
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    return refuse('invalid_amount', 'The amount must be a positive whole number of minor units.')
  }
  if (amount.amount > refundable(source)) {
    return refuse('amount_exceeds_refundable', 'The amount is more than is left to refund.')
  }
  const lines = input.lines ?? []
  for (const line of lines) {
    const item = source.lineItems.find((l) => l.id === line.lineItemId)
    if (item === undefined || !Number.isInteger(line.quantity) || line.quantity <= 0) {
      return refuse('invalid_lines', `Line ${line.lineItemId} is not on this order.`)
    }
    if (line.quantity > item.quantity - item.refundedQuantity) {
      return refuse('invalid_lines', `Line ${line.lineItemId} has fewer units left to refund.`)
    }
  }
  const order = structuredClone(source)
  const at = now.toISOString()
  order.updatedAt = at
  addRefund(order, { id: refundId, createdAt: at, amount, lines })
  return {
    ok: true,
    value: {
      order,
      value: order,
      log: { at, action: 'refund', details: withNote({ refundId, amount }, input.note) },
    },
  }
}

/** Opens a return for units that were fulfilled and are not refunded or already returning. */
export function openReturn(
  source: Order,
  input: ReturnInput,
  now: Date,
  returnId: string,
): Result<{ returnId: string }> {
  if (source.status === 'cancelled' || source.cancelledAt != null) {
    return refuse('order_cancelled', 'A cancelled order cannot be returned.')
  }
  if (input.lines.length === 0) return refuse('invalid_lines', 'Name at least one line to return.')
  if (input.reason.trim() === '') return refuse('invalid_reason', 'Give a reason for the return.')
  const shipped = shippedQuantities(source)
  const returning = quantitiesInReturns(source)
  const asked = new Map<string, number>()
  for (const line of input.lines) {
    const item = source.lineItems.find((l) => l.id === line.lineItemId)
    if (item === undefined || !Number.isInteger(line.quantity) || line.quantity <= 0) {
      return refuse('invalid_lines', `Line ${line.lineItemId} is not on this order.`)
    }
    const total = (asked.get(item.id) ?? 0) + line.quantity
    asked.set(item.id, total)
    const fulfilled = Math.min(item.quantity, shipped.get(item.id) ?? 0)
    if (fulfilled === 0) return refuse('not_fulfilled', `Line ${item.id} has not shipped yet.`)
    const left =
      Math.min(fulfilled, item.quantity - item.refundedQuantity) - (returning.get(item.id) ?? 0)
    if (total > left) {
      return refuse(
        'invalid_lines',
        `Line ${item.id} has only ${Math.max(0, left)} unit(s) to return.`,
      )
    }
  }
  const order = structuredClone(source)
  const at = now.toISOString()
  order.updatedAt = at
  order.returns = [
    ...(order.returns ?? []),
    { id: returnId, createdAt: at, status: 'open', lines: input.lines, reason: input.reason },
  ]
  return {
    ok: true,
    value: {
      order,
      value: { returnId },
      log: { at, action: 'return', details: withNote({ returnId }, input.note) },
    },
  }
}

function addRefund(order: Order, refund: OrderRefund): void {
  order.refunds = [...(order.refunds ?? []), refund]
  order.totals.refunded = {
    amount: order.totals.refunded.amount + refund.amount.amount,
    currency: order.currency,
  }
  for (const line of refund.lines) {
    const item = order.lineItems.find((l) => l.id === line.lineItemId)
    if (item !== undefined) item.refundedQuantity += line.quantity
  }
  order.financialStatus =
    order.totals.refunded.amount >= order.totals.paid.amount ? 'refunded' : 'partially_refunded'
}

function withNote(details: Record<string, unknown>, note: string | undefined) {
  return note === undefined ? details : { ...details, note }
}

/** The outcome as the StoreAdapter interface answers it. */
export function asActionResult<T>(result: Result<T>): StoreActionResult<T> {
  return result.ok ? { ok: true, value: result.value.value } : result
}
