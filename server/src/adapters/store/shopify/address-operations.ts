import { op } from './operation-document.ts'
import type { UserError } from './shopify-types.ts'

/**
 * Sending an order to another address (Admin API 2026-10): `orderUpdate` with the new
 * `shippingAddress`. `MailingAddressInput` has no single name field, and its `country` and
 * `province` are deprecated for `countryCode` and `provinceCode`, which are what we send.
 */

export interface MailingAddressInput {
  firstName: string | null
  lastName: string | null
  company: string | null
  address1: string
  address2: string | null
  city: string
  provinceCode: string | null
  zip: string | null
  countryCode: string
  phone: string | null
}

export interface OrderUpdateVariables {
  input: { id: string; shippingAddress: MailingAddressInput }
}

export const orderUpdateShippingAddress = op<
  { orderUpdate: { order: { id: string } | null; userErrors: UserError[] } | null },
  OrderUpdateVariables
>(
  'PorchlightOrderUpdateAddress',
  'mutation',
  10,
  `mutation PorchlightOrderUpdateAddress($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { id }
      userErrors { field message }
    }
  }`,
)
