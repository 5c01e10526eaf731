import { op } from './operation-document.ts'
import type { UserError } from './shopify-types.ts'

/**
 * The documents of a return after its approval (Admin API 2026-10): reading the return (its
 * lines as Shopify counts them, and the label of a reverse delivery the shop created), and
 * `returnProcess`, which confirms the units that came back and, in the same call, refunds
 * them to the original payment. `returnRefund` is deprecated in 2026-10 for `returnProcess`.
 */

export interface RawReturnLineItem {
  __typename: string
  id: string
  quantity: number
  processableQuantity: number
  processedQuantity: number
  fulfillmentLineItem?: { lineItem: { id: string } }
}

export interface RawReverseDelivery {
  id: string
  deliverable: {
    __typename: string
    label?: { publicFileUrl: string | null } | null
    tracking?: { number: string | null; url: string | null; carrierName: string | null } | null
  } | null
}

export interface RawReturn {
  id: string
  name: string
  status: string
  returnLineItems: { nodes: RawReturnLineItem[] }
  reverseFulfillmentOrders: {
    nodes: Array<{ id: string; reverseDeliveries: { nodes: RawReverseDelivery[] } }>
  }
}

export const returnById = op<{ return: RawReturn | null }, { id: string }>(
  'PorchlightReturn',
  'query',
  60,
  `query PorchlightReturn($id: ID!) {
    return(id: $id) {
      id name status
      returnLineItems(first: 50) {
        nodes {
          __typename id quantity processableQuantity processedQuantity
          ... on ReturnLineItem { fulfillmentLineItem { lineItem { id } } }
        }
      }
      reverseFulfillmentOrders(first: 5) {
        nodes {
          id
          reverseDeliveries(first: 5) {
            nodes {
              id
              deliverable {
                __typename
                ... on ReverseDeliveryShippingDeliverable {
                  label { publicFileUrl }
                  tracking { number url carrierName }
                }
              }
            }
          }
        }
      }
    }
  }`,
)

export interface ReturnProcessVariables {
  input: {
    returnId: string
    returnLineItems: Array<{ id: string; quantity: number }>
    financialTransfer: {
      issueRefund: {
        orderTransactions: Array<{
          parentId: string
          transactionAmount: { amount: string; currencyCode: string }
        }>
      }
    } | null
    note: string | null
    notifyCustomer: boolean
  }
}

/**
 * Not idempotent (Shopify documents no `@idempotent` for it): a call whose answer was lost is
 * not sent again by us; Shopify itself refuses to process more units than are processable, so
 * an agent's retry cannot count the same units twice.
 */
export const returnProcess = op<
  {
    returnProcess: {
      return: { id: string; status: string } | null
      userErrors: UserError[]
    } | null
  },
  ReturnProcessVariables
>(
  'PorchlightReturnProcess',
  'mutation',
  10,
  `mutation PorchlightReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }`,
)
