import type { MailingAddressInput } from '../address-operations.ts'
import type { UserError } from '../shopify-types.ts'
import { tail, type FakeShop } from './fake-shop.ts'

/**
 * The fake shop's `orderUpdate` of a shipping address: the stored order reads back with the
 * new address, as Shopify's would. Refusals beyond an unknown order are scripted by the test
 * (`shop.userErrors`): what Shopify refuses after fulfilment is Shopify's to say, not ours.
 */
export function updateAddress(
  shop: FakeShop,
  v: Record<string, unknown>,
  injected: UserError[] | undefined,
) {
  const input = v['input'] as { id: string; shippingAddress: MailingAddressInput }
  const order = shop.orders.get(tail(input.id))
  if (injected !== undefined) return { order: null, userErrors: injected }
  if (order === undefined) {
    return { order: null, userErrors: [{ field: ['id'], message: 'Order does not exist' }] }
  }
  const a = input.shippingAddress
  order.shippingAddress = {
    name: [a.firstName, a.lastName].filter((p) => p !== null && p !== '').join(' '),
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    provinceCode: a.provinceCode,
    province: a.provinceCode,
    zip: a.zip,
    countryCodeV2: a.countryCode,
    phone: a.phone,
  }
  order.updatedAt = shop.nowIso()
  return { order: { id: order.id }, userErrors: [] }
}
