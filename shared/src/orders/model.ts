/**
 * The one normalized order model that every store adapter (demo, Shopify) maps into. Every
 * status is a closed union with an 'unknown' member: an upstream value we do not know maps to
 * 'unknown' (and is logged by the adapter), never to an exception.
 */

/** Money in minor units (cents) with its ISO 4217 currency, so sums are exact. */
export interface Money {
  amount: number
  currency: string
}

/** Every order status, with the safe `unknown` for upstream values we do not know. */
export const ORDER_STATUSES = ['open', 'archived', 'cancelled', 'unknown'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Every financial status of an order. */
export const FINANCIAL_STATUSES = [
  'pending',
  'authorized',
  'in_progress',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
  'unknown',
] as const
export type FinancialStatus = (typeof FINANCIAL_STATUSES)[number]

/** Every fulfilment status of an order. */
export const FULFILLMENT_STATUSES = [
  'unfulfilled',
  'in_progress',
  'partially_fulfilled',
  'fulfilled',
  'ready_for_pickup',
  'picked_up',
  'delivered',
  'returned',
  'partially_returned',
  'on_hold',
  'cancelled',
  'unknown',
] as const
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]

/** Every kind of carrier event on a shipment. */
export const SHIPMENT_EVENT_KINDS = [
  'label_created',
  'carrier_picked_up',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
  'delayed',
  'ready_for_pickup',
  'delivered',
  'failed',
  'cancelled',
  'unknown',
] as const
export type ShipmentEventKind = (typeof SHIPMENT_EVENT_KINDS)[number]

export interface ShipmentEvent {
  kind: ShipmentEventKind
  /** ISO 8601 timestamp. */
  at: string
  /** Free text from the carrier ("Arrived at sorting facility"), shown as is, never as HTML. */
  message?: string
  location?: string
}

export interface Shipment {
  id: string
  carrier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  /** ISO 8601 date or timestamp; null when the carrier gave none. */
  estimatedDeliveryAt: string | null
  /** ISO 8601 timestamp the shipment was created (fulfilled). */
  createdAt: string
  /** Events in any order; the timeline sorts them. */
  events: ShipmentEvent[]
  /** Line item ids and quantities in this shipment. */
  lines: Array<{ lineItemId: string; quantity: number }>
}

export interface LineItem {
  id: string
  title: string
  variantTitle: string | null
  sku: string | null
  quantity: number
  /** Unit price. */
  price: Money
  imageUrl: string | null
  finalSale: boolean
  giftCard: boolean
  /** Quantity already refunded or returned, so a return cannot ask for it twice. */
  refundedQuantity: number
}

export interface Address {
  name: string
  company: string | null
  line1: string
  line2: string | null
  city: string
  region: string | null
  postalCode: string | null
  /** ISO 3166-1 alpha-2. */
  country: string
  phone: string | null
}

export interface PaymentMethod {
  /** 'card', 'paypal', 'cash_on_delivery', 'bank_transfer', 'gift_card', 'other'. */
  kind: 'card' | 'paypal' | 'cash_on_delivery' | 'bank_transfer' | 'gift_card' | 'other'
  /** Shopper-facing label, e.g. "Visa •••• 4242". */
  label: string
}

export interface OrderTotals {
  subtotal: Money
  shipping: Money
  tax: Money
  discount: Money
  total: Money
  paid: Money
  refunded: Money
}

export interface Order {
  /** Our id for the order within its store (stable, URL safe). */
  id: string
  /** Shopper-facing number, e.g. "#1042". */
  name: string
  email: string | null
  /** E.164. */
  phone: string | null
  /** ISO 8601 timestamps. */
  createdAt: string
  updatedAt: string
  cancelledAt: string | null
  closedAt: string | null
  status: OrderStatus
  financialStatus: FinancialStatus
  fulfillmentStatus: FulfillmentStatus
  /** 'shipping' or 'pickup' (local pickup orders show pickup states). */
  deliveryMethod: 'shipping' | 'pickup' | 'none'
  shippingMethod: string | null
  shippingAddress: Address | null
  billingAddress: Address | null
  paymentMethod: PaymentMethod | null
  lineItems: LineItem[]
  shipments: Shipment[]
  totals: OrderTotals
  currency: string
  /** Merchant tags, e.g. 'final-sale'; eligibility rules may exclude by tag. */
  tags: string[]
  /** ISO 8601 timestamp the payment was captured; absent when the platform does not say. */
  paidAt?: string | null
  /** Why the order was cancelled, when it was. */
  cancelReason?: CancelReason | null
  /** Refunds in any order; the timeline sorts them. */
  refunds?: OrderRefund[]
  /** Returns opened for this order. */
  returns?: OrderReturn[]
  /** Orders made from this one (an exchange, a reshipment) or that this one was made from. */
  linkedOrders?: LinkedOrder[]
}

/**
 * A link between two orders of the same shopper, kept on both: `exchange` / `reshipment` on
 * the original (pointing to the new order), `exchange_of` / `reshipment_of` on the new one.
 */
export interface LinkedOrder {
  relation: 'exchange' | 'exchange_of' | 'reshipment' | 'reshipment_of'
  orderId: string
  orderName: string
  /** ISO 8601 timestamp the link was made. */
  at: string
}

export type CancelReason = 'customer' | 'declined' | 'fraud' | 'inventory' | 'other' | 'unknown'

export interface OrderRefund {
  id: string
  /** ISO 8601 timestamp. */
  createdAt: string
  amount: Money
  /** Line items refunded; empty for an appeasement or a shipping refund. */
  lines: Array<{ lineItemId: string; quantity: number }>
}

export type ReturnStatus = 'requested' | 'open' | 'closed' | 'declined' | 'cancelled' | 'unknown'

export interface OrderReturn {
  id: string
  /** ISO 8601 timestamp. */
  createdAt: string
  status: ReturnStatus
  lines: Array<{ lineItemId: string; quantity: number }>
  /** Reason code given when the return was opened (e.g. 'damaged_item'). */
  reason: string
  /** Units the store has received back so far, per line (absent: none, or not known). */
  received?: Array<{ lineItemId: string; quantity: number }>
}
