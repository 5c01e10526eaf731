import {
  normalizeOrderNumber,
  normalizePostalCode,
  type OrderLookupFilters,
  type OrderLookupHit,
} from '@porchlight/shared/api/order-lookup'
import { customerLookup, orderLookup, type RawLookupOrder } from './lookup-operations.ts'
import { normalizeEmail, normalizePhone } from './map-order.ts'
import { toMoney } from './money.ts'
import { customerDataWithheld, unavailable, type OrderStore } from './order-store.ts'
import { quoteSearchValue, searchTerm } from './search-query.ts'
import { mapFinancialStatus, mapFulfillmentStatus } from './status-mapping.ts'
import { unwrapCursor, wrapCursor } from './shopify-adapter.ts'

// Shopify's customer search is a relevance search: ask for enough candidates that the exact
// ones are among them, then keep only those.
const CUSTOMER_CANDIDATES = 50

/**
 * The agents' order lookup on Shopify, in Shopify's search syntax. The order search filters
 * by `name`, `email` and `created_at` itself; it has no phone or name filter, so those go
 * through the customers that match exactly, as `customer_id` alternatives; postal codes have
 * no filter anywhere, so they travel as a default (free-text) term. Every hit is then checked
 * against every filter again, because Shopify's search is looser than equality. Values are
 * always quoted (search-query.ts) and the whole query travels as a variable.
 */
export async function searchShopifyOrders(
  orders: OrderStore,
  filters: OrderLookupFilters,
  page: { limit: number; cursor?: string },
): Promise<{ orders: OrderLookupHit[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit) || 1, 1), 100)
  const after = page.cursor === undefined ? null : unwrapCursor(page.cursor)
  const customers = await matchingCustomers(orders, filters)
  if (customers !== null && customers.size === 0) return { orders: [], nextCursor: null }

  const found = await orders.deps.client.request(orderLookup, {
    query: lookupQuery(filters, customers),
    first: limit,
    after,
  })
  if (!found.ok) {
    if (found.failure === 'customer_data_withheld') throw customerDataWithheld()
    throw unavailable(found.message)
  }
  const { nodes, pageInfo } = found.data.orders
  const log = (field: string, value: string) =>
    orders.deps.logger.warn('unknown shopify enum value', {
      storeId: orders.deps.storeId,
      field,
      value,
    })
  return {
    orders: nodes.filter((o) => belongs(o, filters, customers)).map((o) => toHit(o, log)),
    nextCursor:
      pageInfo.hasNextPage && pageInfo.endCursor !== null ? wrapCursor(pageInfo.endCursor) : null,
  }
}

/** The query string; exported for its tests. */
export function lookupQuery(filters: OrderLookupFilters, customers: Set<string> | null): string {
  const terms: string[] = []
  if (filters.number !== undefined) terms.push(searchTerm('name', filters.number))
  if (filters.email !== undefined) terms.push(searchTerm('email', filters.email))
  // Dates are ours (numbers), never typed text; Shopify wants them quoted.
  if (filters.createdFrom !== undefined)
    terms.push(`created_at:>=${quoteSearchValue(isoSeconds(filters.createdFrom))}`)
  if (filters.createdBefore !== undefined)
    terms.push(`created_at:<${quoteSearchValue(isoSeconds(filters.createdBefore))}`)
  if (filters.postalCode !== undefined) terms.push(quoteSearchValue(filters.postalCode))
  if (customers !== null) {
    const ids = [...customers].map((id) => searchTerm('customer_id', id))
    terms.push(ids.length === 1 ? (ids[0] as string) : `(${ids.join(' OR ')})`)
  }
  return terms.join(' ')
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Ids of the customers matching the phone and name filters; null when none of them is set. */
async function matchingCustomers(
  orders: OrderStore,
  filters: OrderLookupFilters,
): Promise<Set<string> | null> {
  const { phone, firstName, lastName } = filters
  if (phone === undefined && firstName === undefined && lastName === undefined) return null
  const terms: string[] = []
  if (phone !== undefined) terms.push(searchTerm('phone', phone))
  if (firstName !== undefined) terms.push(searchTerm('first_name', firstName))
  if (lastName !== undefined) terms.push(searchTerm('last_name', lastName))
  const result = await orders.deps.client.request(customerLookup, {
    query: terms.join(' '),
    first: CUSTOMER_CANDIDATES,
  })
  if (!result.ok) {
    if (result.failure === 'customer_data_withheld') throw customerDataWithheld()
    throw unavailable(result.message)
  }
  const same = (a: string | null, b: string | undefined) =>
    b === undefined || (a ?? '').trim().toLowerCase() === b
  return new Set(
    result.data.customers.nodes
      .filter(
        (c) =>
          (phone === undefined || normalizePhone(c.defaultPhoneNumber?.phoneNumber) === phone) &&
          same(c.firstName, firstName) &&
          same(c.lastName, lastName),
      )
      .map((c) => c.legacyResourceId),
  )
}

/** Does a hit satisfy every filter exactly (the search only narrowed the candidates)? */
function belongs(o: RawLookupOrder, f: OrderLookupFilters, customers: Set<string> | null): boolean {
  const created = Date.parse(o.createdAt)
  const zips = [o.shippingAddress?.zip, o.billingAddress?.zip]
    .filter((z): z is string => typeof z === 'string' && z !== '')
    .map(normalizePostalCode)
  return (
    (f.number === undefined ||
      normalizeOrderNumber(o.name).toLowerCase() === f.number.toLowerCase()) &&
    (f.email === undefined ||
      normalizeEmail(o.email) === f.email ||
      normalizeEmail(o.customer?.defaultEmailAddress?.emailAddress) === f.email) &&
    (f.createdFrom === undefined || created >= f.createdFrom) &&
    (f.createdBefore === undefined || created < f.createdBefore) &&
    (f.postalCode === undefined || zips.includes(f.postalCode)) &&
    (customers === null || (o.customer !== null && customers.has(o.customer.legacyResourceId)))
  )
}

function toHit(o: RawLookupOrder, log: (field: string, value: string) => void): OrderLookupHit {
  const address = o.shippingAddress ?? o.billingAddress
  const total = o.totalPriceSet.presentmentMoney
  return {
    id: o.legacyResourceId,
    name: o.name,
    createdAt: o.createdAt,
    email: o.email ?? o.customer?.defaultEmailAddress?.emailAddress ?? null,
    phone: normalizePhone(o.phone),
    customerName: address?.name || null,
    postalCode: address?.zip || null,
    status: o.cancelledAt !== null ? 'cancelled' : o.closedAt !== null ? 'archived' : 'open',
    financialStatus: mapFinancialStatus(o.displayFinancialStatus, log),
    fulfillmentStatus: mapFulfillmentStatus(o.displayFulfillmentStatus, log),
    total: toMoney(total.amount, total.currencyCode),
  }
}
