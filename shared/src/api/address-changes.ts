/**
 * An address change request as agents read it: where the order was going when the shopper
 * asked and where they want it to go, side by side.
 *
 *   GET /v1/agent/tickets/:id/address-change   -> 200 AddressChangeView
 *        404 ticket_not_found (not this store's ticket)
 *        404 address_change_not_found (the ticket is not an address change)
 *
 * Approving it is the decision every request takes (POST /v1/agent/tickets/:id/decision): the
 * store is given `requested` in one call, and the history's `approved` entry carries
 * `data.storeCall: "updateShippingAddress"`, `data.address` and `data.previousAddress`.
 */
import type { AddressField } from '../orders/address-fields.ts'
import type { Address } from '../orders/model.ts'

export interface AddressChangeView {
  /** The order's shipping address when the shopper asked; null when the store had none. */
  previous: Address | null
  /** The address the shopper asked for, as checked and stored. */
  requested: Address
  /** The fields in which the two differ. */
  changed: AddressField[]
  requestedAt: string
}

/** Stable error codes of the address change route's own. */
export const ADDRESS_CHANGE_ERROR_CODES = ['address_change_not_found'] as const
export type AddressChangeErrorCode = (typeof ADDRESS_CHANGE_ERROR_CODES)[number]
