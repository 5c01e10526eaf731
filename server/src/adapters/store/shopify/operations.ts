import { op } from './operation-document.ts'
import type { PageInfo, RawCustomer, RawOrder, RawOrderStub, UserError } from './shopify-types.ts'

/**
 * Every GraphQL document Porchlight sends to the Admin API (version from SHOPIFY_API_VERSION,
 * 2026-10 by default). Shopper-controlled values only ever travel in `variables`.
 *
 * Connection sizes are chosen so one order costs about 600 points at most: Shopify refuses a
 * single query above 1,000, and a shop on the smallest plan refills 50 to 100 points a second.
 * An order with more than 25 lines or 5 shipments shows the first ones (logged when it happens);
 * its timeline shows its first 5 refunds.
 */

export const MONEY = 'presentmentMoney { amount currencyCode }'

const CUSTOMER_FIELDS = `
  id
  legacyResourceId
  defaultEmailAddress { emailAddress }
  defaultPhoneNumber { phoneNumber }
`

const ADDRESS_FIELDS = `
  name company address1 address2 city provinceCode province zip countryCodeV2 phone
`

const ORDER_FIELDS = `
  id legacyResourceId name email phone createdAt updatedAt cancelledAt closedAt cancelReason
  displayFinancialStatus displayFulfillmentStatus returnStatus requiresShipping
  presentmentCurrencyCode tags paymentGatewayNames
  customer { ${CUSTOMER_FIELDS} }
  shippingLine { title deliveryCategory }
  shippingAddress { ${ADDRESS_FIELDS} }
  billingAddress { ${ADDRESS_FIELDS} }
  subtotalPriceSet { ${MONEY} }
  totalShippingPriceSet { ${MONEY} }
  totalTaxSet { ${MONEY} }
  totalDiscountsSet { ${MONEY} }
  totalPriceSet { ${MONEY} }
  totalReceivedSet { ${MONEY} }
  totalRefundedSet { ${MONEY} }
  lineItems(first: 25) {
    nodes {
      id title variantTitle sku quantity currentQuantity refundableQuantity isGiftCard
      originalUnitPriceSet { ${MONEY} }
      image { url }
    }
    pageInfo { hasNextPage }
  }
  fulfillments(first: 5) {
    id legacyResourceId name status displayStatus createdAt updatedAt
    inTransitAt deliveredAt estimatedDeliveryAt
    trackingInfo(first: 3) { company number url }
    events(first: 10, sortKey: HAPPENED_AT, reverse: true) {
      nodes { id status happenedAt createdAt message city province country estimatedDeliveryAt }
    }
    fulfillmentLineItems(first: 25) { nodes { id quantity lineItem { id } } }
  }
  transactions(first: 20) {
    id kind status gateway formattedGateway processedAt
    amountSet { ${MONEY} }
    parentTransaction { id }
    paymentDetails { __typename ... on CardPaymentDetails { company number } }
  }
  refunds(first: 5) {
    id createdAt
    totalRefundedSet { ${MONEY} }
    refundLineItems(first: 10) { nodes { quantity lineItem { id } } }
  }
`

export const orderById = op<{ order: RawOrder | null }, { id: string }>(
  'PorchlightOrder',
  'query',
  590,
  `query PorchlightOrder($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
)

export const orderSearch = op<
  { orders: { nodes: RawOrderStub[]; pageInfo: PageInfo } },
  { query: string; first: number; after: string | null }
>(
  'PorchlightOrderSearch',
  'query',
  110,
  `query PorchlightOrderSearch($query: String!, $first: Int!, $after: String) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes { id legacyResourceId updatedAt email customer { ${CUSTOMER_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
)

export const customersByPhone = op<{ customers: { nodes: RawCustomer[] } }, { query: string }>(
  'PorchlightCustomersByPhone',
  'query',
  35,
  `query PorchlightCustomersByPhone($query: String!) {
    customers(first: 10, query: $query) { nodes { ${CUSTOMER_FIELDS} } }
  }`,
)

/**
 * The customer Shopify's app proxy says is signed in to the storefront (`logged_in_customer_id`),
 * for the email or phone their Porchlight session is for.
 */
export const customerById = op<{ customer: RawCustomer | null }, { id: string }>(
  'PorchlightCustomerById',
  'query',
  3,
  `query PorchlightCustomerById($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`,
)

export const shopInfo = op<
  {
    shop: { name: string; myshopifyDomain: string }
    currentAppInstallation: { accessScopes: Array<{ handle: string }> } | null
  },
  Record<string, never>
>(
  'PorchlightShop',
  'query',
  3,
  `query PorchlightShop {
    shop { name myshopifyDomain }
    currentAppInstallation { accessScopes { handle } }
  }`,
)

/** One customer's contact fields: what Shopify withholds tells the protected-data level. */
export const customerAccessProbe = op<
  {
    customers: {
      nodes: Array<{
        id: string
        defaultEmailAddress: { emailAddress: string | null } | null
        defaultPhoneNumber: { phoneNumber: string } | null
      }>
    }
  },
  Record<string, never>
>(
  'PorchlightCustomerAccess',
  'query',
  4,
  `query PorchlightCustomerAccess {
    customers(first: 1) {
      nodes { id defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
    }
  }`,
)

export interface OrderCancelVariables {
  orderId: string
  reason: string
  refundMethod: { originalPaymentMethodsRefund: boolean }
  restock: boolean
  staffNote: string | null
  notifyCustomer: boolean
}

export const orderCancel = op<
  {
    orderCancel: {
      job: { id: string; done: boolean } | null
      orderCancelUserErrors: UserError[]
    } | null
  },
  OrderCancelVariables
>(
  'PorchlightOrderCancel',
  'mutation',
  10,
  `mutation PorchlightOrderCancel($orderId: ID!, $reason: OrderCancelReason!,
      $refundMethod: OrderCancelRefundMethodInput!, $restock: Boolean!, $staffNote: String,
      $notifyCustomer: Boolean) {
    orderCancel(orderId: $orderId, reason: $reason, refundMethod: $refundMethod,
        restock: $restock, staffNote: $staffNote, notifyCustomer: $notifyCustomer) {
      job { id done }
      orderCancelUserErrors { field message code }
    }
  }`,
)

export const jobStatus = op<{ job: { id: string; done: boolean } | null }, { id: string }>(
  'PorchlightJob',
  'query',
  1,
  `query PorchlightJob($id: ID!) { job(id: $id) { id done } }`,
)

export interface RefundCreateVariables {
  idempotencyKey: string
  input: {
    orderId: string
    currency: string
    note: string | null
    notify: boolean
    refundLineItems: Array<{ lineItemId: string; quantity: number; restockType: 'NO_RESTOCK' }>
    transactions: Array<{
      orderId: string
      parentId: string
      gateway: string
      kind: 'REFUND'
      amount: string
    }>
  }
}

/**
 * From 2026-04 Shopify requires `@idempotent` on refundCreate: the same key within a day gives
 * back the first refund instead of making a second one, so a call that timed out can be sent
 * again (by the client, or by the agent's retry, which derives the same key from the ticket).
 */
export const refundCreate = op<
  { refundCreate: { refund: { id: string } | null; userErrors: UserError[] } | null },
  RefundCreateVariables
>(
  'PorchlightRefundCreate',
  'mutation',
  10,
  `mutation PorchlightRefundCreate($input: RefundInput!, $idempotencyKey: String!) {
    refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
      refund { id }
      userErrors { field message }
    }
  }`,
)

export interface ReturnRequestVariables {
  input: {
    orderId: string
    returnLineItems: Array<{
      fulfillmentLineItemId: string
      quantity: number
      /** 2026-10 deprecates the `returnReason` enum for the shop's reason definitions. */
      returnReasonDefinitionId: string | null
      customerNote: string | null
    }>
  }
}

export interface ReturnReasonDefinition {
  id: string
  handle: string
  name: string
  deleted: boolean
}

/** Shopify's library of return reasons (the same for every shop; about 60 of them). */
export const returnReasonDefinitions = op<
  { returnReasonDefinitions: { nodes: ReturnReasonDefinition[] } },
  Record<string, never>
>(
  'PorchlightReturnReasons',
  'query',
  12,
  `query PorchlightReturnReasons {
    returnReasonDefinitions(first: 250) { nodes { id handle name deleted } }
  }`,
)

export const returnRequest = op<
  {
    returnRequest: {
      return: { id: string; status: string } | null
      userErrors: UserError[]
    } | null
  },
  ReturnRequestVariables
>(
  'PorchlightReturnRequest',
  'mutation',
  10,
  `mutation PorchlightReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }`,
)

export const returnApproveRequest = op<
  {
    returnApproveRequest: {
      /** `name` ("#1001-R1") is the RMA reference the shopper writes on the parcel. */
      return: { id: string; status: string; name: string } | null
      userErrors: UserError[]
    } | null
  },
  { input: { id: string } }
>(
  'PorchlightReturnApprove',
  'mutation',
  10,
  `mutation PorchlightReturnApprove($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return { id status name }
      userErrors { field message code }
    }
  }`,
)

/** Shopify global ids of ours: `gid://shopify/Order/123` <-> `123`. */
export function gid(type: 'Order' | 'LineItem' | 'Return' | 'Customer', id: string): string {
  return `gid://shopify/${type}/${id}`
}

/** The numeric tail of a global id (`gid://shopify/LineItem/42` -> `42`). */
export function legacyId(globalId: string): string {
  const tail = globalId.slice(globalId.lastIndexOf('/') + 1)
  const q = tail.indexOf('?')
  return q === -1 ? tail : tail.slice(0, q)
}

/** Our order ids are Shopify's numeric ids; anything else cannot name a Shopify order. */
export function isShopifyNumericId(id: string): boolean {
  return /^[1-9]\d{0,19}$/.test(id)
}

// The webhook subscription documents live in their own file; re-exported so every document of
// Porchlight is reachable from here (the schema test reads this module).
export * from './webhook-operations.ts'
