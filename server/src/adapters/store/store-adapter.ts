import type { ShopperIdentity } from '@porchlight/shared/api/auth'
import type { ExchangeOptions } from '@porchlight/shared/api/exchanges'
import type { OrderLookupFilters, OrderLookupHit } from '@porchlight/shared/api/order-lookup'
import type { Address, Money, Order } from '@porchlight/shared/orders/model'

export type { ShopperIdentity }

/** Expected failures of a store action, as values with a stable code (never thrown). */
export type StoreActionResult<T = void> =
  { ok: true; value: T } | { ok: false; code: string; message: string }

export interface CancelInput {
  reason: 'customer' | 'declined' | 'fraud' | 'inventory' | 'other'
  /** Refund what was paid to the original payment method. */
  refund: boolean
  restock: boolean
  staffNote?: string
}

export interface RefundInput {
  amount: Money
  note?: string
  /** Line items to mark refunded (for returns); absent for an appeasement. */
  lines?: Array<{ lineItemId: string; quantity: number }>
  /**
   * The same for every attempt at the same refund (derived from the ticket's action), so a
   * store that dedupes (Shopify's `@idempotent`) refunds once however often it is asked. A fresh
   * one per call when absent: retries inside the call stay safe, a later retry does not.
   */
  idempotencyKey?: string
}

export interface ReturnInput {
  lines: Array<{ lineItemId: string; quantity: number }>
  reason: string
  note?: string
}

export interface ReceiveReturnInput {
  /** The store's id for the return, as createReturn gave it. */
  returnId: string
  /** Units that arrived, per order line. */
  lines: Array<{ lineItemId: string; quantity: number }>
  /** Released with the receipt, to the original payment method; null when none is owed now. */
  refund: Money | null
  note?: string
  /** The same for every attempt at this receipt (see RefundInput.idempotencyKey). */
  idempotencyKey: string
}

export interface ExchangeInput extends ReturnInput {
  /** For each exchanged line: the variant of the same product sent instead, and how many. */
  exchange: Array<{ lineItemId: string; variantId: string; quantity: number }>
  /** The same for every attempt at this exchange (see RefundInput.idempotencyKey). */
  idempotencyKey: string
}

export interface CreatedExchange {
  returnId: string
  reference?: string
  /** The new order (demo store); null where the exchange lives on the return (Shopify). */
  orderId: string | null
  /** "#1003E", or the return's name on Shopify. */
  orderName: string
}

export interface ShippingAddressInput {
  /** Where the order goes from now on (already checked with the country's fields). */
  address: Address
  /** Why, for the store's own records (a staff note where the platform keeps one). */
  note?: string
}

/**
 * One interface over every store platform. The demo adapter keeps orders in our own tables;
 * the Shopify adapter talks to the Admin GraphQL API. Lookups are always scoped to one store:
 * an adapter instance serves exactly one store.
 */
export interface StoreAdapter {
  /** Orders of a verified identity, newest first. */
  listOrders(
    identity: ShopperIdentity,
    page: { limit: number; cursor?: string },
  ): Promise<{
    orders: Order[]
    nextCursor: string | null
  }>
  /**
   * Agents' lookup: this store's orders that match every filter given (all of them when none
   * is), newest first, with or without tickets. A page may hold fewer than `limit` rows while
   * `nextCursor` still points further (a platform whose search is looser than our filters).
   */
  searchOrders(
    filters: OrderLookupFilters,
    page: { limit: number; cursor?: string },
  ): Promise<{ orders: OrderLookupHit[]; nextCursor: string | null }>
  /** One order by id, or undefined when it does not exist in this store. */
  getOrder(orderId: string): Promise<Order | undefined>
  cancelOrder(orderId: string, input: CancelInput): Promise<StoreActionResult<Order>>
  refund(orderId: string, input: RefundInput): Promise<StoreActionResult<Order>>
  createReturn(
    orderId: string,
    input: ReturnInput,
  ): Promise<StoreActionResult<{ returnId: string; reference?: string }>>
  /** Marks returned units received (and refunds them when asked), in one store action. */
  receiveReturn(orderId: string, input: ReceiveReturnInput): Promise<StoreActionResult<Order>>
  /** The label the store itself made for a return (Shopify's reverse delivery), or null. */
  returnLabel(orderId: string, returnId: string): Promise<StoreActionResult<{ url: string } | null>>
  /**
   * The variants a line may be exchanged for: the other variants of its product in stock now.
   * `line_not_on_order` when the order has no such line; `not_exchangeable` when the store
   * cannot say (a custom item with no product).
   */
  exchangeOptions(orderId: string, lineItemId: string): Promise<StoreActionResult<ExchangeOptions>>
  /**
   * Opens the return of `lines` and, in the same store action, sends `exchange` instead of a
   * refund for the lines named there. Refuses with `out_of_stock` when a variant ran out.
   */
  createExchange(orderId: string, input: ExchangeInput): Promise<StoreActionResult<CreatedExchange>>
  /**
   * Sends the order to another address. Refused (a value, never thrown) once fulfilment has
   * started where the platform says so, and for a cancelled order.
   */
  updateShippingAddress(
    orderId: string,
    input: ShippingAddressInput,
  ): Promise<StoreActionResult<Order>>
}

/** Finds the adapter for a store (built from its adapter kind and configuration). */
export type StoreAdapterFactory = (
  store: import('../../db/stores.repository.ts').Store,
) => StoreAdapter
