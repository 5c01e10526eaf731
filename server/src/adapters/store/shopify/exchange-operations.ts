import { op } from './operation-document.ts'
import type { UserError } from './shopify-types.ts'

/**
 * The documents of an exchange (Admin API 2026-10): the variants of an order line's product
 * with their stock (`inventoryQuantity`; reading products and stock needs the read_products
 * and read_inventory scopes), and `returnCreate` with `exchangeLineItems`: Shopify's own
 * exchange, an open return whose exchange items Shopify ships once the return is processed.
 */

export interface RawExchangeVariant {
  id: string
  legacyResourceId: string
  title: string
  price: string
  inventoryQuantity: number | null
  availableForSale: boolean
}

export interface RawExchangeLine {
  id: string
  variant: {
    id: string
    legacyResourceId: string
    product: { id: string; title: string; variants: { nodes: RawExchangeVariant[] } }
  } | null
}

export const exchangeOptions = op<
  { order: { id: string; currencyCode: string; lineItems: { nodes: RawExchangeLine[] } } | null },
  { id: string }
>(
  'PorchlightExchangeOptions',
  'query',
  40,
  `query PorchlightExchangeOptions($id: ID!) {
    order(id: $id) {
      id currencyCode
      lineItems(first: 100) {
        nodes {
          id
          variant {
            id legacyResourceId
            product {
              id title
              variants(first: 100) {
                nodes { id legacyResourceId title price inventoryQuantity availableForSale }
              }
            }
          }
        }
      }
    }
  }`,
)

export interface ReturnCreateVariables {
  returnInput: {
    orderId: string
    returnLineItems: Array<{
      fulfillmentLineItemId: string
      quantity: number
      returnReasonDefinitionId: string | null
      returnReasonNote: string | null
    }>
    exchangeLineItems: Array<{ variantId: string; quantity: number }>
  }
}

/**
 * Not idempotent (Shopify documents no `@idempotent` for returnCreate): the ticket's claim
 * makes sure one approval sends it once, and a call whose answer was lost is not sent again.
 */
export const returnCreate = op<
  {
    returnCreate: {
      return: {
        id: string
        name: string
        status: string
        exchangeLineItems: {
          nodes: Array<{ id: string; variantId: string | null; quantity: number }>
        }
      } | null
      userErrors: UserError[]
    } | null
  },
  ReturnCreateVariables
>(
  'PorchlightReturnCreate',
  'mutation',
  10,
  `mutation PorchlightReturnCreate($returnInput: ReturnInput!) {
    returnCreate(returnInput: $returnInput) {
      return {
        id name status
        exchangeLineItems(first: 50) { nodes { id variantId quantity } }
      }
      userErrors { field message code }
    }
  }`,
)
