import type { Address, Order } from '@porchlight/shared/orders/model'
import type { ShippingAddressInput, StoreActionResult } from '../store-adapter.ts'
import { orderUpdateShippingAddress, type MailingAddressInput } from './address-operations.ts'
import type { OrderStore } from './order-store.ts'
import { afterChange, currentOrder, fail, fromClient, rejected } from './shopify-actions.ts'

/**
 * Shopify keeps a first and a last name where we keep the one name the shopper typed: the last
 * word goes to `lastName`, the rest to `firstName` (Shopify joins them back for the label).
 */
export function mailingAddressInput(address: Address): MailingAddressInput {
  const words = address.name.trim().split(/\s+/)
  const lastName = words.pop() ?? ''
  return {
    firstName: words.length > 0 ? words.join(' ') : null,
    lastName: lastName === '' ? null : lastName,
    company: address.company,
    address1: address.line1,
    address2: address.line2,
    city: address.city,
    provinceCode: address.region,
    zip: address.postalCode,
    countryCode: address.country,
    phone: address.phone,
  }
}

/**
 * `orderUpdate` of the shipping address. Shopify's refusals come back in its words; a lost
 * answer is not sent again (the change may have happened: the agent checks the order first).
 */
export async function updateShippingAddress(
  orders: OrderStore,
  orderId: string,
  input: ShippingAddressInput,
): Promise<StoreActionResult<Order>> {
  const current = await currentOrder(orders, orderId)
  if (!current.ok) return current
  const result = await orders.deps.client.request(orderUpdateShippingAddress, {
    input: { id: current.raw.id, shippingAddress: mailingAddressInput(input.address) },
  })
  if (!result.ok) return fromClient(result, true)
  const payload = result.data.orderUpdate
  if (payload === null) return fail('store_rejected', 'Shopify did not update the order.')
  if (payload.userErrors.length > 0) return rejected(payload.userErrors)
  return afterChange(orders, orderId, current.raw)
}
