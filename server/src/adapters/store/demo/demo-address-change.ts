/**
 * The demo store sending an order to another address. It refuses where a warehouse would: the
 * order is cancelled, or something is already picked or on its way. Pure, like the other demo
 * mutations; refusals are values with a code.
 */
import { SHIPPED_STATUSES } from '@porchlight/shared/orders/eligibility'
import type { Order } from '@porchlight/shared/orders/model'
import { activeShipments } from '@porchlight/shared/orders/order-facts'
import type { ShippingAddressInput } from '../store-adapter.ts'
import type { Mutation } from './demo-order-mutations.ts'

type Result = { ok: true; value: Mutation<Order> } | { ok: false; code: string; message: string }

const refuse = (code: string, message: string) => ({ ok: false as const, code, message })

export function changeShippingAddress(
  source: Order,
  input: ShippingAddressInput,
  now: Date,
): Result {
  if (source.status === 'cancelled' || source.cancelledAt != null) {
    return refuse('order_already_cancelled', 'This order is cancelled.')
  }
  if (
    SHIPPED_STATUSES.has(source.fulfillmentStatus) ||
    source.fulfillmentStatus === 'in_progress' ||
    activeShipments(source).length > 0
  ) {
    return refuse('order_fulfilled', 'This order is already being prepared or shipped.')
  }
  const order = structuredClone(source)
  const at = now.toISOString()
  order.shippingAddress = { ...input.address }
  order.updatedAt = at
  const details: Record<string, unknown> = { previous: source.shippingAddress }
  if (input.note !== undefined) details['note'] = input.note
  return { ok: true, value: { order, value: order, log: { at, action: 'address', details } } }
}
