import type {
  CancelReason,
  FinancialStatus,
  FulfillmentStatus,
  ShipmentEventKind,
} from '@porchlight/shared/orders/model'

/**
 * Shopify enums to our closed unions. Shopify adds enum values in new API versions
 * (CARRIER_PICKED_UP and DELAYED arrived in 2025-10); anything not listed here becomes
 * 'unknown' and is reported through `onUnknown` so an operator sees it in the logs, and the
 * order still shows.
 */
export type OnUnknown = (field: string, value: string) => void

const financial: Record<string, FinancialStatus> = {
  PENDING: 'pending',
  AUTHORIZED: 'authorized',
  PARTIALLY_PAID: 'partially_paid',
  PAID: 'paid',
  PARTIALLY_REFUNDED: 'partially_refunded',
  REFUNDED: 'refunded',
  VOIDED: 'voided',
  // An authorization that lapsed holds no money any more, like a voided one.
  EXPIRED: 'voided',
}

export function mapFinancialStatus(value: string | null, onUnknown: OnUnknown): FinancialStatus {
  if (value === null) return 'unknown'
  const mapped = financial[value]
  if (mapped === undefined) onUnknown('OrderDisplayFinancialStatus', value)
  return mapped ?? 'unknown'
}

const fulfillment: Record<string, FulfillmentStatus> = {
  UNFULFILLED: 'unfulfilled',
  OPEN: 'unfulfilled',
  // Restocked items were never sent; Shopify itself now reports these as UNFULFILLED.
  RESTOCKED: 'unfulfilled',
  // Scheduled (prepaid subscriptions) items wait for a later date: nothing has left yet.
  SCHEDULED: 'unfulfilled',
  PENDING_FULFILLMENT: 'in_progress',
  IN_PROGRESS: 'in_progress',
  ON_HOLD: 'on_hold',
  // The fulfilment service refused some items: the merchant has to act, the order waits.
  REQUEST_DECLINED: 'on_hold',
  PARTIALLY_FULFILLED: 'partially_fulfilled',
  FULFILLED: 'fulfilled',
  FULFILLMENT_NOT_REQUIRED: 'fulfilled',
}

export function mapFulfillmentStatus(value: string, onUnknown: OnUnknown): FulfillmentStatus {
  const mapped = fulfillment[value]
  if (mapped === undefined) onUnknown('OrderDisplayFulfillmentStatus', value)
  return mapped ?? 'unknown'
}

const eventKinds: Record<string, ShipmentEventKind> = {
  LABEL_PURCHASED: 'label_created',
  LABEL_PRINTED: 'label_created',
  CONFIRMED: 'shipped',
  CARRIER_PICKED_UP: 'carrier_picked_up',
  IN_TRANSIT: 'in_transit',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  ATTEMPTED_DELIVERY: 'attempted_delivery',
  DELAYED: 'delayed',
  READY_FOR_PICKUP: 'ready_for_pickup',
  // The shopper collected it: for the timeline that is the delivery.
  PICKED_UP: 'delivered',
  DELIVERED: 'delivered',
  FAILURE: 'failed',
}

/** A FulfillmentEventStatus (one tracking event) to our shipment event kind. */
export function mapEventStatus(value: string, onUnknown: OnUnknown): ShipmentEventKind {
  const mapped = eventKinds[value]
  if (mapped === undefined) onUnknown('FulfillmentEventStatus', value)
  return mapped ?? 'unknown'
}

// FulfillmentDisplayStatus: the shipment's current state. States with an event counterpart
// map to that kind; states that only say "it was sent" map to null (the shipment's creation
// already says so).
const displayKinds: Record<string, ShipmentEventKind | null> = {
  ATTEMPTED_DELIVERY: 'attempted_delivery',
  CANCELED: 'cancelled',
  CARRIER_PICKED_UP: 'carrier_picked_up',
  CONFIRMED: null,
  DELAYED: 'delayed',
  DELIVERED: 'delivered',
  FAILURE: 'failed',
  FULFILLED: null,
  IN_TRANSIT: 'in_transit',
  LABEL_PRINTED: 'label_created',
  LABEL_PURCHASED: 'label_created',
  LABEL_VOIDED: 'cancelled',
  MARKED_AS_FULFILLED: null,
  NOT_DELIVERED: 'failed',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  PICKED_UP: 'delivered',
  READY_FOR_PICKUP: 'ready_for_pickup',
  SUBMITTED: null,
}

/** A FulfillmentDisplayStatus to the event kind it implies, null when it implies none. */
export function mapDisplayStatus(
  value: string | null,
  onUnknown: OnUnknown,
): ShipmentEventKind | null {
  if (value === null) return null
  if (!(value in displayKinds)) {
    onUnknown('FulfillmentDisplayStatus', value)
    return 'unknown'
  }
  return displayKinds[value] ?? null
}

const cancelReasons: Record<string, CancelReason> = {
  CUSTOMER: 'customer',
  DECLINED: 'declined',
  FRAUD: 'fraud',
  INVENTORY: 'inventory',
  OTHER: 'other',
  // A staff mistake is the store's own reason, not one a shopper needs told apart.
  STAFF: 'other',
}

/** An OrderCancelReason to ours; null when the order gives none. */
export function mapCancelReason(
  value: string | null | undefined,
  onUnknown: OnUnknown,
): CancelReason | null {
  if (value === null || value === undefined) return null
  const mapped = cancelReasons[value]
  if (mapped === undefined) onUnknown('OrderCancelReason', value)
  return mapped ?? 'unknown'
}

/** Exposed for tests: every Shopify value this module knows, per enum. */
export const knownValues = {
  OrderCancelReason: Object.keys(cancelReasons),
  OrderDisplayFinancialStatus: Object.keys(financial),
  OrderDisplayFulfillmentStatus: Object.keys(fulfillment),
  FulfillmentEventStatus: Object.keys(eventKinds),
  FulfillmentDisplayStatus: Object.keys(displayKinds),
}
