import type { OrderLookupHit } from '@porchlight/shared/api/order-lookup'
import type { Order } from '@porchlight/shared/orders/model'

/** The lookup row of a normalized order (the demo store, and orders already mapped). */
export function toLookupHit(order: Order): OrderLookupHit {
  const address = order.shippingAddress ?? order.billingAddress
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    email: order.email,
    phone: order.phone,
    customerName: address?.name || null,
    postalCode: address?.postalCode ?? null,
    status: order.status,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    total: order.totals.total,
  }
}
