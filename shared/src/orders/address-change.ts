/**
 * Whether a shopper may ask to change where an order is delivered, and why not. The only time
 * a new address can still reach the parcel is before anything is picked, packed or shipped:
 * once fulfilment has started the request is not offered (the reason says so), and an agent's
 * approval checks the same rule again on the order as the store has it then.
 */
import { checkAddress, type AddressInput, type AddressProblem } from './address-fields.ts'
import { SHIPPED_STATUSES, type Eligibility, type IneligibleReason } from './eligibility.ts'
import type { Address, Order } from './model.ts'
import { activeShipments } from './order-facts.ts'

const no = (reason: IneligibleReason): Eligibility => ({ eligible: false, reason })

/** Whether an address change is offered for this order now, and why not. */
export function addressChangeEligibility(order: Order): Eligibility {
  if (
    order.status === 'unknown' ||
    order.financialStatus === 'unknown' ||
    order.fulfillmentStatus === 'unknown'
  ) {
    return no({ code: 'status_unknown' })
  }
  if (order.status === 'cancelled' || order.cancelledAt != null)
    return no({ code: 'order_cancelled' })
  if (order.status === 'archived') return no({ code: 'order_archived' })
  if (order.deliveryMethod !== 'shipping' || order.shippingAddress === null) {
    return no({ code: 'not_shipped_to_address' })
  }
  const status = order.fulfillmentStatus
  if (
    SHIPPED_STATUSES.has(status) ||
    status === 'ready_for_pickup' ||
    activeShipments(order).length > 0
  ) {
    return no({ code: 'already_fulfilled' })
  }
  if (status === 'in_progress') return no({ code: 'fulfillment_in_progress' })
  // 'unfulfilled' and 'on_hold' (held before anything was picked): the parcel has not left.
  return { eligible: true, until: null }
}

/** Whether this address change may go ahead: offered for the order, and a complete address. */
export type AddressChangeVerdict =
  | { allowed: true; address: Address }
  | { allowed: false; reason: IneligibleReason }
  | { allowed: false; problems: AddressProblem[] }

/**
 * The one check of a request to deliver `order` to `input`: what the server applies when the
 * shopper files it and an automation rule may apply to approve it without an agent.
 */
export function addressChangeVerdict(order: Order, input: AddressInput): AddressChangeVerdict {
  const offered = addressChangeEligibility(order)
  if (!offered.eligible) return { allowed: false, reason: offered.reason }
  const checked = checkAddress(input)
  if (!checked.ok) return { allowed: false, problems: checked.problems }
  return { allowed: true, address: checked.address }
}
