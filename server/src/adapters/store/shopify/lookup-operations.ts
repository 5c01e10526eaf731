import { op } from './operation-document.ts'
import { MONEY } from './operations.ts'
import type { PageInfo } from './shopify-types.ts'

/**
 * The documents of the agents' order lookup (see order-lookup.ts), beside operations.ts and
 * built the same way; the schema conformance test checks both files' documents.
 */

/** One row of the agents' order lookup: the list's columns, nothing the order page reads. */
export interface RawLookupOrder {
  id: string
  legacyResourceId: string
  name: string
  email: string | null
  phone: string | null
  createdAt: string
  cancelledAt: string | null
  closedAt: string | null
  displayFinancialStatus: string | null
  displayFulfillmentStatus: string
  customer: {
    legacyResourceId: string
    defaultEmailAddress: { emailAddress: string | null } | null
  } | null
  shippingAddress: { name: string | null; zip: string | null } | null
  billingAddress: { name: string | null; zip: string | null } | null
  totalPriceSet: { presentmentMoney: { amount: string; currencyCode: string } }
}

/** Agents' order lookup: about 6 points an order, so a page of 100 stays near 600. */
export const orderLookup = op<
  { orders: { nodes: RawLookupOrder[]; pageInfo: PageInfo } },
  { query: string; first: number; after: string | null }
>(
  'PorchlightOrderLookup',
  'query',
  610,
  `query PorchlightOrderLookup($query: String!, $first: Int!, $after: String) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id legacyResourceId name email phone createdAt cancelledAt closedAt
        displayFinancialStatus displayFulfillmentStatus
        customer { legacyResourceId defaultEmailAddress { emailAddress } }
        shippingAddress { name zip }
        billingAddress { name zip }
        totalPriceSet { ${MONEY} }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`,
)

/** Customers by phone and names: the order search has no filter for either. */
export const customerLookup = op<
  {
    customers: {
      nodes: Array<{
        legacyResourceId: string
        firstName: string | null
        lastName: string | null
        defaultPhoneNumber: { phoneNumber: string | null } | null
      }>
    }
  },
  { query: string; first: number }
>(
  'PorchlightCustomerLookup',
  'query',
  55,
  `query PorchlightCustomerLookup($query: String!, $first: Int!) {
    customers(first: $first, query: $query) {
      nodes { legacyResourceId firstName lastName defaultPhoneNumber { phoneNumber } }
    }
  }`,
)
