/**
 * The shapes our GraphQL documents ask Shopify for (Admin API 2026-10). Enum-typed fields are
 * plain strings on purpose: a value added by a later API version must reach the mapper as
 * data, where it becomes 'unknown', instead of failing a type guard.
 */

export interface MoneyV2 {
  amount: string
  currencyCode: string
}

export interface MoneyBag {
  presentmentMoney: MoneyV2
}

export interface MailingAddress {
  name: string | null
  company: string | null
  address1: string | null
  address2: string | null
  city: string | null
  provinceCode: string | null
  province: string | null
  zip: string | null
  countryCodeV2: string | null
  phone: string | null
}

export interface RawLineItem {
  id: string
  title: string
  variantTitle: string | null
  sku: string | null
  quantity: number
  currentQuantity: number
  refundableQuantity: number
  isGiftCard: boolean
  originalUnitPriceSet: MoneyBag
  image: { url: string } | null
}

export interface RawFulfillmentEvent {
  id: string
  status: string
  happenedAt: string
  createdAt: string
  message: string | null
  city: string | null
  province: string | null
  country: string | null
  estimatedDeliveryAt: string | null
}

export interface RawFulfillmentLineItem {
  id: string
  quantity: number
  lineItem: { id: string }
}

export interface RawFulfillment {
  id: string
  legacyResourceId: string
  name: string | null
  status: string
  displayStatus: string | null
  createdAt: string
  updatedAt: string
  inTransitAt: string | null
  deliveredAt: string | null
  estimatedDeliveryAt: string | null
  trackingInfo: Array<{ company: string | null; number: string | null; url: string | null }>
  events: { nodes: RawFulfillmentEvent[] }
  fulfillmentLineItems: { nodes: RawFulfillmentLineItem[] }
}

export interface RawTransaction {
  id: string
  kind: string
  status: string
  gateway: string | null
  formattedGateway: string | null
  amountSet: MoneyBag
  parentTransaction: { id: string } | null
  paymentDetails: { __typename: string; company?: string | null; number?: string | null } | null
  /** Optional: order snapshots cached before it was selected lack it. */
  processedAt?: string | null
}

export interface RawRefund {
  id: string
  createdAt: string | null
  totalRefundedSet: MoneyBag
  refundLineItems: { nodes: Array<{ quantity: number; lineItem: { id: string } }> }
}

export interface RawCustomer {
  id: string
  legacyResourceId: string
  defaultEmailAddress: { emailAddress: string | null } | null
  defaultPhoneNumber: { phoneNumber: string | null } | null
}

export interface RawOrder {
  id: string
  legacyResourceId: string
  name: string
  email: string | null
  phone: string | null
  createdAt: string
  updatedAt: string
  cancelledAt: string | null
  closedAt: string | null
  displayFinancialStatus: string | null
  displayFulfillmentStatus: string
  returnStatus: string | null
  requiresShipping: boolean
  presentmentCurrencyCode: string
  tags: string[]
  paymentGatewayNames: string[]
  customer: RawCustomer | null
  shippingLine: { title: string; deliveryCategory: string | null } | null
  shippingAddress: MailingAddress | null
  billingAddress: MailingAddress | null
  subtotalPriceSet: MoneyBag | null
  totalShippingPriceSet: MoneyBag
  totalTaxSet: MoneyBag | null
  totalDiscountsSet: MoneyBag | null
  totalPriceSet: MoneyBag
  totalReceivedSet: MoneyBag
  totalRefundedSet: MoneyBag
  lineItems: { nodes: RawLineItem[]; pageInfo: { hasNextPage: boolean } }
  fulfillments: RawFulfillment[]
  transactions: RawTransaction[]
  /** Optional: order snapshots cached before these were selected lack them. */
  cancelReason?: string | null
  refunds?: RawRefund[]
}

export interface PageInfo {
  hasNextPage: boolean
  endCursor: string | null
}

/** What an order search returns per hit: just enough to decide whether the cache is fresh. */
export interface RawOrderStub {
  id: string
  legacyResourceId: string
  updatedAt: string
  email: string | null
  customer: RawCustomer | null
}

export interface UserError {
  field: string[] | null
  message: string
  code?: string | null
}
