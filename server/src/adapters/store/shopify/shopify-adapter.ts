import type { Order } from '@porchlight/shared/orders/model'
import { cachedOrdersByEmail, cachedOrdersByPhone } from './order-cache.ts'
import { AppError } from '../../../errors.ts'
import type { ShopperIdentity, StoreAdapter } from '../store-adapter.ts'
import { cancelOrder, createReturn, refundOrder } from './shopify-actions.ts'
import { createExchange, exchangeOptions } from './shopify-exchanges.ts'
import { updateShippingAddress } from './shopify-address-change.ts'
import { receiveReturn, returnLabel } from './shopify-returns.ts'
import { normalizeEmail, normalizePhone } from './map-order.ts'
import { customersByPhone, legacyId, orderSearch } from './operations.ts'
import {
  customerDataWithheld,
  OrderStore,
  parseOrder,
  unavailable,
  type OrderStoreDeps,
} from './order-store.ts'
import { anyOf, searchTerm } from './search-query.ts'
import { searchShopifyOrders } from './order-lookup.ts'
import type { RawOrderStub } from './shopify-types.ts'

const MAX_PAGE = 50
const shopifyCursorShape = /^[A-Za-z0-9+/=_-]{1,1024}$/

/**
 * Shopify's cursors are base64, with `+`, `/` and `=` that the order API's URL-safe cursor shape
 * refuses, so they travel re-spelled: `b` + the same bytes in base64url (no longer than
 * Shopify's), or `s` + the whole text in base64url for a cursor that is not canonical base64.
 */
export function wrapCursor(cursor: string): string {
  const bytes = Buffer.from(cursor, 'base64')
  if (bytes.length > 0 && bytes.toString('base64') === cursor)
    return `b${bytes.toString('base64url')}`
  return `s${Buffer.from(cursor, 'utf8').toString('base64url')}`
}

/** Shopify's cursor inside one of ours; invalid_cursor (400) for anything else. */
export function unwrapCursor(wrapped: string): string {
  const body = wrapped.slice(1)
  let cursor: string | undefined
  if (/^[A-Za-z0-9_-]+$/.test(body)) {
    const bytes = Buffer.from(body, 'base64url')
    if (wrapped[0] === 'b') cursor = bytes.toString('base64')
    if (wrapped[0] === 's') cursor = bytes.toString('utf8')
  }
  if (cursor === undefined || !shopifyCursorShape.test(cursor)) {
    throw new AppError('invalid_cursor', 'This page cursor is not valid.')
  }
  return cursor
}

export interface ShopifyStoreAdapter extends StoreAdapter {
  readonly orders: OrderStore
}

/**
 * The store adapter for one Shopify store. Lookups are always narrowed twice: Shopify's search
 * finds candidates, then each hit is kept only if its email (or customer) is exactly the
 * verified one, because Shopify's search is a relevance search, not an equality test.
 */
export function createShopifyAdapter(deps: OrderStoreDeps): ShopifyStoreAdapter {
  const orders = new OrderStore(deps)
  return {
    orders,
    listOrders: (identity, page) => listOrders(orders, identity, page),
    searchOrders: (filters, page) => searchShopifyOrders(orders, filters, page),
    getOrder: (orderId) => orders.get(orderId),
    cancelOrder: (orderId, input) => cancelOrder(orders, orderId, input),
    refund: (orderId, input) => refundOrder(orders, orderId, input),
    createReturn: (orderId, input) => createReturn(orders, orderId, input),
    receiveReturn: (orderId, input) => receiveReturn(orders, orderId, input),
    returnLabel: (_orderId, returnId) => returnLabel(orders, returnId),
    exchangeOptions: (orderId, lineItemId) => exchangeOptions(orders, orderId, lineItemId),
    createExchange: (orderId, input) => createExchange(orders, orderId, input),
    updateShippingAddress: (orderId, input) => updateShippingAddress(orders, orderId, input),
  }
}

async function listOrders(
  orders: OrderStore,
  identity: ShopperIdentity,
  page: { limit: number; cursor?: string },
): Promise<{ orders: Order[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit) || 1, 1), MAX_PAGE)
  const after = page.cursor === undefined ? undefined : unwrapCursor(page.cursor)
  const plan = await searchPlan(orders, identity)
  if (plan === 'unavailable') return fromCache(orders, identity, limit, after)
  if (plan === null) return { orders: [], nextCursor: null }

  const { client } = orders.deps
  const found = await client.request(orderSearch, {
    query: plan.query,
    first: limit,
    after: after ?? null,
  })
  if (!found.ok) {
    if (found.failure === 'unavailable') return fromCache(orders, identity, limit, after)
    if (found.failure === 'customer_data_withheld') throw customerDataWithheld()
    throw unavailable(found.message)
  }
  const hits = found.data.orders.nodes.filter(plan.belongs)
  const list = await Promise.all(hits.map((hit) => freshOrder(orders, hit)))
  const info = found.data.orders.pageInfo
  return {
    orders: list.filter((o): o is Order => o !== undefined),
    nextCursor: info.hasNextPage && info.endCursor !== null ? wrapCursor(info.endCursor) : null,
  }
}

interface SearchPlan {
  query: string
  belongs(hit: RawOrderStub): boolean
}

async function searchPlan(
  orders: OrderStore,
  identity: ShopperIdentity,
): Promise<SearchPlan | null | 'unavailable'> {
  if (identity.kind === 'email') {
    const email = normalizeEmail(identity.value)
    if (email === null) return null
    return {
      query: searchTerm('email', email),
      belongs: (hit) =>
        normalizeEmail(hit.email) === email ||
        normalizeEmail(hit.customer?.defaultEmailAddress?.emailAddress) === email,
    }
  }
  // Phone: Shopify's order search has no phone filter, so go through the customer records
  // that carry exactly this number, then their orders.
  const phone = normalizePhone(identity.value)
  if (phone === null) return null
  const customers = await orders.deps.client.request(customersByPhone, {
    query: searchTerm('phone', phone),
  })
  if (!customers.ok) {
    if (customers.failure === 'unavailable') return 'unavailable'
    if (customers.failure === 'customer_data_withheld') throw customerDataWithheld()
    throw unavailable(customers.message)
  }
  const ids = customers.data.customers.nodes
    .filter((c) => normalizePhone(c.defaultPhoneNumber?.phoneNumber) === phone)
    .map((c) => c.legacyResourceId)
  if (ids.length === 0) return null
  const allowed = new Set(ids)
  return {
    query: anyOf('customer_id', ids),
    belongs: (hit) => hit.customer !== null && allowed.has(hit.customer.legacyResourceId),
  }
}

/** The cached order when it is at least as new as the search hit, else a fresh fetch. */
function freshOrder(orders: OrderStore, hit: RawOrderStub): Promise<Order | undefined> {
  return orders.get(legacyId(hit.id), Date.parse(hit.updatedAt))
}

/** Shopify is down: show what we have cached for this shopper (first page only). */
async function fromCache(
  orders: OrderStore,
  identity: ShopperIdentity,
  limit: number,
  cursor: string | undefined,
): Promise<{ orders: Order[]; nextCursor: string | null }> {
  const { db, storeId, logger } = orders.deps
  if (cursor !== undefined) throw unavailable('search failed on a later page')
  logger.warn('shopify search unavailable; listing cached orders', { storeId })
  let rows
  if (identity.kind === 'email') {
    const email = normalizeEmail(identity.value)
    rows = email === null ? [] : await cachedOrdersByEmail(db, storeId, email, limit)
  } else {
    const phone = normalizePhone(identity.value)
    rows = phone === null ? [] : await cachedOrdersByPhone(db, storeId, phone, limit)
  }
  if (rows.length === 0) throw unavailable('search failed and nothing is cached')
  return { orders: rows.map(parseOrder), nextCursor: null }
}
