/**
 * Carrying out an approved address change: the order must still be unshipped as the store has
 * it now (it may have been picked since the shopper asked), then the store is told the new
 * address in one call. The history records both addresses and the call.
 */
import { addressChangeEligibility } from '@porchlight/shared/orders/address-change'
import type { Order } from '@porchlight/shared/orders/model'
import type { StoreAdapter } from '../../adapters/store/store-adapter.ts'
import type { AddressChange } from '../../db/ticket-address-changes.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import type { AppError } from '../../errors.ts'
import type { Approval } from './carry-out.ts'
import { refusal, ruleRefusal, storeFailure } from './store-failures.ts'

// Too late on the store: one code of its own, so the console says it about the address and
// not in a cancellation's words; the rule that said no is in the data.
function tooLate(rule: string): AppError | null {
  if (rule !== 'fulfillment_in_progress' && rule !== 'already_fulfilled') return null
  return refusal(
    'decision_not_allowed',
    'too_late_for_address_change',
    'The store started preparing or shipping the order since the request: its address can no longer change.',
    { rule },
  )
}

export async function carryOutAddressChange(
  adapter: StoreAdapter,
  ticket: Ticket,
  order: Order,
  change: AddressChange | undefined,
  note: string,
): Promise<Approval> {
  if (change === undefined) {
    throw refusal('decision_not_allowed', 'address_missing', 'The request holds no address.')
  }
  const offered = addressChangeEligibility(order)
  if (!offered.eligible) {
    throw tooLate(offered.reason.code) ?? ruleRefusal(order, offered.reason)
  }
  const updated = await adapter.updateShippingAddress(order.id, {
    address: change.requested,
    note,
  })
  if (!updated.ok) throw storeFailure('decision_not_allowed', updated)
  return {
    refundStatus: ticket.refund_status,
    data: {
      storeCall: 'updateShippingAddress',
      address: change.requested,
      previousAddress: order.shippingAddress,
    },
    refund: null,
    order: updated.value,
  }
}
