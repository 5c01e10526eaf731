import type { RawExchangeVariant, ReturnCreateVariables } from '../exchange-operations.ts'
import type { UserError } from '../shopify-types.ts'
import type { FakeShop } from './fake-shop.ts'
import { clone, tail } from './fake-shop.ts'
import { recordReturnLines, returnName } from './fake-returns.ts'

/**
 * The fake shop's exchanges: the product (and its variants, with stock) a test puts behind an
 * order line, and `returnCreate` with exchange line items, which opens the return already
 * approved and takes the exchanged units from stock, refusing a variant Shopify would refuse.
 */

export interface FakeProduct {
  id: string
  title: string
  variants: RawExchangeVariant[]
}

const products = new WeakMap<FakeShop, Map<string, { product: FakeProduct; variantId: string }>>()

function productsOf(shop: FakeShop) {
  let map = products.get(shop)
  if (map === undefined) {
    map = new Map()
    products.set(shop, map)
  }
  return map
}

/** A variant as the fake shop keeps it (`id` a ProductVariant gid, numeric legacy id). */
export function fakeVariant(id: number, title: string, stock: number, price = '49.00') {
  return {
    id: `gid://shopify/ProductVariant/${id}`,
    legacyResourceId: String(id),
    title,
    price,
    inventoryQuantity: stock,
    availableForSale: true,
  }
}

/** Puts a product behind an order line; the line is the variant `variantId` (a gid). */
export function setLineProduct(
  shop: FakeShop,
  lineItemId: string,
  product: FakeProduct,
  variantId: string,
): void {
  productsOf(shop).set(lineItemId, { product, variantId })
}

let nextId = 1

export function answerExchangeOperation(
  shop: FakeShop,
  operation: string,
  v: Record<string, unknown>,
  injected: UserError[] | undefined,
): unknown {
  switch (operation) {
    case 'PorchlightExchangeOptions': {
      const order = shop.orders.get(tail(v['id']))
      if (order === undefined) return { order: null }
      return {
        order: {
          id: order.id,
          currencyCode: order.presentmentCurrencyCode,
          lineItems: {
            nodes: order.lineItems.nodes.map((l) => {
              const entry = productsOf(shop).get(l.id)
              const variant = entry?.product.variants.find((x) => x.id === entry.variantId)
              return {
                id: l.id,
                variant:
                  entry === undefined || variant === undefined
                    ? null
                    : {
                        id: variant.id,
                        legacyResourceId: variant.legacyResourceId,
                        product: {
                          id: entry.product.id,
                          title: entry.product.title,
                          variants: { nodes: clone(entry.product.variants) },
                        },
                      },
              }
            }),
          },
        },
      }
    }
    case 'PorchlightReturnCreate':
      return { returnCreate: createReturn(shop, v as unknown as ReturnCreateVariables, injected) }
    default:
      throw new Error(`fake shop: unknown operation ${operation}`)
  }
}

const refusal = (field: string[], message: string, code: string) => ({
  return: null,
  userErrors: [{ field, message, code }],
})

function createReturn(
  shop: FakeShop,
  { returnInput: input }: ReturnCreateVariables,
  injected: UserError[] | undefined,
) {
  if (injected !== undefined) return { return: null, userErrors: injected }
  const order = shop.orders.get(tail(input.orderId))
  if (order === undefined)
    return refusal(['returnInput', 'orderId'], 'Order does not exist', 'NOT_FOUND')
  const known = new Set(
    order.fulfillments.flatMap((f) => f.fulfillmentLineItems.nodes.map((n) => n.id)),
  )
  if (input.returnLineItems.some((l) => !known.has(l.fulfillmentLineItemId))) {
    return refusal(
      ['returnInput', 'returnLineItems'],
      'Fulfillment line item does not exist',
      'NOT_FOUND',
    )
  }
  const all = [...productsOf(shop).values()].flatMap((e) => e.product.variants)
  for (const item of input.exchangeLineItems) {
    const variant = all.find((x) => x.id === item.variantId)
    if (variant === undefined) {
      return refusal(
        ['returnInput', 'exchangeLineItems', 'variantId'],
        'Variant does not exist',
        'NOT_FOUND',
      )
    }
    if ((variant.inventoryQuantity ?? 0) < item.quantity) {
      return refusal(
        ['returnInput', 'exchangeLineItems', 'quantity'],
        `${variant.title} is out of stock`,
        'INVALID',
      )
    }
  }
  for (const item of input.exchangeLineItems) {
    const variant = all.find((x) => x.id === item.variantId)
    if (variant !== undefined)
      variant.inventoryQuantity = (variant.inventoryQuantity ?? 0) - item.quantity
  }
  const id = `gid://shopify/Return/${shop.calls.length}`
  shop.returns.set(id, { orderId: order.legacyResourceId, status: 'OPEN' })
  recordReturnLines(shop, id, order, input.returnLineItems)
  order.returnStatus = 'IN_PROGRESS'
  order.updatedAt = shop.nowIso()
  return {
    return: {
      id,
      name: returnName(shop, id),
      status: 'OPEN',
      exchangeLineItems: {
        nodes: input.exchangeLineItems.map((x) => ({
          id: `gid://shopify/ExchangeLineItem/${nextId++}`,
          variantId: x.variantId,
          quantity: x.quantity,
        })),
      },
    },
    userErrors: [],
  }
}
