/**
 * How a status looks, as codes: the tone of its badge (what the colour means) and how far along
 * the delivery is (ordered, shipped, out for delivery, delivered). The widget draws them; the
 * words stay the status's own, so the colour never carries the meaning alone.
 */
import type { DisplayStatusCode } from './display-status.ts'
import type { ShipmentState } from './order-facts.ts'

export type StatusTone = 'progress' | 'attention' | 'done' | 'cancelled'

export const DELIVERY_STEPS = ['ordered', 'shipped', 'out_for_delivery', 'delivered'] as const
export type DeliveryStep = (typeof DELIVERY_STEPS)[number]

type Status = DisplayStatusCode | ShipmentState

const tones: Record<Status, StatusTone> = {
  unfulfilled: 'progress',
  processing: 'progress',
  pending_delivery: 'progress',
  in_transit: 'progress',
  out_for_delivery: 'progress',
  ready_for_pickup: 'progress',
  // The shopper has something to do or to know: a missed delivery, a parcel lost, no status.
  attempted_delivery: 'attention',
  failed_delivery: 'attention',
  status_unavailable: 'attention',
  delivered: 'done',
  partially_refunded: 'done',
  cancelled: 'cancelled',
  refunded: 'cancelled',
}

/** The badge's tone of an order's or a parcel's status. */
export function statusTone(code: Status): StatusTone {
  return tones[code]
}

// Index into DELIVERY_STEPS of the step reached; absent where no delivery is under way
// (cancelled, refunded, or a status that says nothing about where the parcels are).
const steps: Partial<Record<Status, number>> = {
  unfulfilled: 0,
  processing: 0,
  pending_delivery: 1,
  in_transit: 1,
  out_for_delivery: 2,
  attempted_delivery: 2,
  ready_for_pickup: 2,
  failed_delivery: 2,
  delivered: 3,
}

/** How many of the four delivery steps are reached (1-4), or null when none applies. */
export function deliveryProgress(code: Status): number | null {
  const step = steps[code]
  return step === undefined ? null : step + 1
}
