import type { ShopperIdentity } from '../store-adapter.ts'
import type { AdminClient } from './admin-client.ts'
import { normalizeEmail, normalizePhone } from './map-order.ts'
import { customerById } from './operations.ts'

export type CustomerIdentityResult =
  | { ok: true; identity: ShopperIdentity }
  | {
      ok: false
      reason:
        | 'customer_not_found'
        /** Neither an email nor a phone on the record: no session could find their orders. */
        | 'customer_has_no_contact'
        | 'customer_data_withheld'
        | 'shopify_unavailable'
    }

/**
 * Who a Shopify customer is for Porchlight: their email, else their phone (E.164), read from the
 * Admin API, the same fields the order search matches a shopper's session by.
 */
export async function customerIdentity(
  client: AdminClient,
  legacyCustomerId: string,
): Promise<CustomerIdentityResult> {
  const answer = await client.request(customerById, {
    id: `gid://shopify/Customer/${legacyCustomerId}`,
  })
  if (!answer.ok) {
    return {
      ok: false,
      reason:
        answer.failure === 'customer_data_withheld'
          ? 'customer_data_withheld'
          : 'shopify_unavailable',
    }
  }
  const customer = answer.data.customer
  if (customer === null) return { ok: false, reason: 'customer_not_found' }
  const email = normalizeEmail(customer.defaultEmailAddress?.emailAddress)
  if (email !== null) return { ok: true, identity: { kind: 'email', value: email } }
  const phone = normalizePhone(customer.defaultPhoneNumber?.phoneNumber)
  if (phone !== null) return { ok: true, identity: { kind: 'phone', value: phone } }
  return { ok: false, reason: 'customer_has_no_contact' }
}
