import type { ExchangeOptions } from '@porchlight/shared/api/exchanges'
import type { CreatedExchange, ExchangeInput, StoreActionResult } from '../store-adapter.ts'
import { exchangeOptions as exchangeOptionsQuery, returnCreate } from './exchange-operations.ts'
import { toMoney } from './money.ts'
import { gid, isShopifyNumericId, legacyId, returnReasonDefinitions } from './operations.ts'
import type { OrderStore } from './order-store.ts'
import {
  currentOrder,
  fail,
  fromClient,
  pickReturnReason,
  rejected,
  shippedUnits,
} from './shopify-actions.ts'

/**
 * Exchanges on Shopify: the variants of a line's product with their stock, and the exchange
 * itself as Shopify models it, a return with exchange line items (`returnCreate`), opened
 * already approved. Variant ids travel as Shopify's numeric ids, like our order and line ids.
 */
export async function exchangeOptions(
  orders: OrderStore,
  orderId: string,
  lineItemId: string,
): Promise<StoreActionResult<ExchangeOptions>> {
  if (!isShopifyNumericId(orderId)) return fail('order_not_found', 'No such order in this store.')
  const found = await orders.deps.client.request(exchangeOptionsQuery, {
    id: gid('Order', orderId),
  })
  if (!found.ok) return fromClient(found, false)
  const order = found.data.order
  if (order === null) return fail('order_not_found', 'No such order in this store.')
  const line = order.lineItems.nodes.find((l) => legacyId(l.id) === lineItemId)
  if (line === undefined)
    return fail('line_not_on_order', `Line ${lineItemId} is not on this order.`)
  const variant = line.variant
  if (variant === null) {
    return fail('not_exchangeable', 'This item has no product in the shop to exchange it for.')
  }
  return {
    ok: true,
    value: {
      lineItemId,
      productTitle: variant.product.title,
      options: variant.product.variants.nodes
        .filter((v) => v.legacyResourceId !== variant.legacyResourceId)
        .map((v) => ({
          variantId: v.legacyResourceId,
          title: v.title,
          price: toMoney(v.price, order.currencyCode),
          // Not tracked or not readable: no promise of stock we cannot see.
          available: v.availableForSale ? Math.max(0, v.inventoryQuantity ?? 0) : 0,
        })),
    },
  }
}

export async function createExchange(
  orders: OrderStore,
  orderId: string,
  input: ExchangeInput,
): Promise<StoreActionResult<CreatedExchange>> {
  const current = await currentOrder(orders, orderId)
  if (!current.ok) return current
  const spread = shippedUnits(current.raw, input.lines)
  if (!spread.ok) return spread
  const reasons = await orders.deps.client.request(returnReasonDefinitions, {})
  if (!reasons.ok) return fromClient(reasons, false)
  const definition = pickReturnReason(reasons.data.returnReasonDefinitions.nodes, input.reason)
  const note = [input.reason, input.note].filter((s) => s && s.trim() !== '').join(' - ')
  const created = await orders.deps.client.request(returnCreate, {
    returnInput: {
      orderId: current.raw.id,
      returnLineItems: spread.units.map((u) => ({
        ...u,
        returnReasonDefinitionId: definition?.id ?? null,
        returnReasonNote: note === '' ? null : note.slice(0, 255),
      })),
      exchangeLineItems: input.exchange.map((x) => ({
        variantId: `gid://shopify/ProductVariant/${x.variantId}`,
        quantity: x.quantity,
      })),
    },
  })
  if (!created.ok) return fromClient(created, true)
  const payload = created.data.returnCreate
  if (payload === null || payload.userErrors.length > 0 || payload.return === null) {
    return rejected(
      payload?.userErrors.length
        ? payload.userErrors
        : [{ field: null, message: 'Shopify did not open the exchange.' }],
    )
  }
  await orders.invalidate(orderId)
  const name = payload.return.name
  return {
    ok: true,
    value: {
      returnId: legacyId(payload.return.id),
      reference: name,
      orderId: null,
      orderName: name,
    },
  }
}
