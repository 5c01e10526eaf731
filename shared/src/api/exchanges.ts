/**
 * Exchanges: a return line that asks for another variant (size, colour) of the same product.
 *
 *   GET /v1/orders/:id/lines/:lineItemId/exchange-options  -> ExchangeOptions
 *        the shopper's choice: the other variants of that line's product that are in stock now
 *   GET /v1/agent/orders/:id/lines/:lineItemId/exchange-options  -> ExchangeOptions (the same)
 *
 * The shopper names the variant on the return request (`FileRequest.lines[].exchangeVariantId`);
 * the agent approves the return as usual, and the store then creates the exchange with it: on
 * the demo store a new order with the suffix `E` (nothing to pay, linked both ways to the
 * original), on Shopify a return with exchange line items (`returnCreate`). An approval with
 * `instead: 'refund'` drops the exchange and refunds as a plain return would.
 */
import type { Money } from '../orders/model.ts'

/** One variant the shopper may exchange a line for. */
export interface ExchangeOption {
  /** The store's id for the variant (the demo store's SKU, Shopify's legacy variant id). */
  variantId: string
  /** The variant's own title ("160 × 230 cm"), as the store names it. */
  title: string
  price: Money
  /** Units in stock now. */
  available: number
}

export interface ExchangeOptions {
  lineItemId: string
  /** The product's title, for "Exchange Hand-loomed wool rug for…". */
  productTitle: string
  /** In stock, not the line's own variant; empty when nothing else is in stock. */
  options: ExchangeOption[]
  /**
   * false when the store cannot exchange this line at all (a gift card, a final sale, an item
   * with no product in the store): `options` is then empty, and the return form offers none.
   */
  exchangeable?: false
}

/** A line of a return request that asks for another variant (kept on the ticket's lines). */
export interface ExchangeWish {
  variantId: string
  /** The variant's title when the shopper asked, so the agent reads it without a store call. */
  title: string
}

/** An exchange the store created, as the shopper and the agent see it. */
export interface ExchangeView {
  /** The new order's id on stores that make one (the demo store); null on Shopify. */
  orderId: string | null
  /** "#1003E" on the demo store; the return's name on Shopify. */
  orderName: string
  lines: Array<{ lineItemId: string; variantId: string; title: string; quantity: number }>
}

/** Stable error codes of exchanges (each with its status in server/src/errors.ts). */
export const EXCHANGE_ERROR_CODES = [
  'exchange_variant_not_allowed', // 422: not a variant of the line's product; details.lineItemId
  'exchange_out_of_stock', // 409: details.variants lists what is short (title, wanted, available)
] as const
export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number]
