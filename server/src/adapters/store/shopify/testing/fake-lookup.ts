/**
 * The fake shop's answers to the agents' order lookup (PorchlightOrderLookup) and customer
 * lookup (PorchlightCustomerLookup), filtering the way Shopify does for the fields we send:
 * `name`, `email`, `customer_id`, `created_at` ranges and a bare (default) term on orders;
 * `phone`, `first_name`, `last_name` on customers. A term for a field Shopify does not filter
 * on matches nothing, so a document that relied on one would find nothing in tests too.
 */
import type { RawCustomer, RawOrder } from '../shopify-types.ts'
import { clone, type FakeShop } from './fake-shop.ts'
import { parseSearch, valueMatches, type Term } from './fake-search.ts'

/** Customers' names: Shopify keeps them on the customer; the fake reads them off its orders. */
function customerName(
  shop: FakeShop,
  c: RawCustomer,
): { firstName: string | null; lastName: string | null } {
  const set = customerNames.get(shop)?.get(c.legacyResourceId)
  if (set !== undefined) return set
  const order = [...shop.orders.values()].find((o) => o.customer?.id === c.id)
  const full = (order?.shippingAddress?.name ?? order?.billingAddress?.name ?? '').trim()
  const words = full.split(/\s+/).filter(Boolean)
  if (words.length === 0) return { firstName: null, lastName: null }
  return {
    firstName: words.length > 1 ? words.slice(0, -1).join(' ') : null,
    lastName: words[words.length - 1] ?? null,
  }
}

const customerNames = new WeakMap<
  FakeShop,
  Map<string, { firstName: string | null; lastName: string | null }>
>()

/** Gives a customer of the shop a name other than the one on their orders' addresses. */
export function nameCustomer(
  shop: FakeShop,
  customerId: string,
  name: { firstName: string | null; lastName: string | null },
): void {
  const names = customerNames.get(shop) ?? new Map()
  names.set(customerId, name)
  customerNames.set(shop, names)
}

function compare(t: Term, candidate: string): boolean {
  const at = Date.parse(candidate)
  const bound = Date.parse(t.value)
  if (Number.isNaN(bound)) return false
  switch (t.comparator) {
    case '<':
      return at < bound
    case '<=':
      return at <= bound
    case '>':
      return at > bound
    case '>=':
      return at >= bound
    default:
      return at === bound
  }
}

function orderMatches(shop: FakeShop, o: RawOrder, t: Term): boolean {
  switch (t.field) {
    case 'name':
      return valueMatches(t, o.name)
    case 'email':
      return (
        valueMatches(t, o.email) || valueMatches(t, o.customer?.defaultEmailAddress?.emailAddress)
      )
    case 'customer_id':
      return valueMatches(t, o.customer?.legacyResourceId)
    case 'created_at':
      return compare(t, o.createdAt)
    case null: {
      // The default search looks through several fields, the addresses' among them.
      const names = o.customer === null ? null : customerName(shop, o.customer)
      return [
        o.name,
        o.email,
        o.shippingAddress?.zip,
        o.billingAddress?.zip,
        o.shippingAddress?.name,
        names?.firstName,
        names?.lastName,
      ].some((field) => valueMatches(t, field))
    }
    default:
      return false
  }
}

function customerMatches(shop: FakeShop, c: RawCustomer, t: Term): boolean {
  const names = customerName(shop, c)
  switch (t.field) {
    case 'phone':
      return valueMatches(t, c.defaultPhoneNumber?.phoneNumber)
    case 'first_name':
      return valueMatches(t, names.firstName)
    case 'last_name':
      return valueMatches(t, names.lastName)
    default:
      return false
  }
}

function record(shop: FakeShop, query: string) {
  const parsed = parseSearch(query)
  shop.searches.push({ query, parsed })
  return parsed
}

/** The lookup documents' answers, or undefined for any other operation. */
export function resolveLookup(
  shop: FakeShop,
  operation: string,
  v: Record<string, unknown>,
): unknown {
  if (operation === 'PorchlightCustomerLookup') {
    const parsed = record(shop, String(v['query']))
    const first = Number(v['first'])
    const nodes = shop.customers
      .filter((c) => parsed.some((group) => group.every((t) => customerMatches(shop, c, t))))
      .slice(0, first)
      .map((c) => ({
        legacyResourceId: c.legacyResourceId,
        ...customerName(shop, c),
        defaultPhoneNumber: clone(c.defaultPhoneNumber),
      }))
    return { customers: { nodes } }
  }
  if (operation !== 'PorchlightOrderLookup') return undefined
  const query = String(v['query'])
  const parsed = record(shop, query)
  const all = [...shop.orders.values()]
  const matches = (
    query.trim() === ''
      ? all
      : all.filter((o) => parsed.some((group) => group.every((t) => orderMatches(shop, o, t))))
  ).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const first = Number(v['first'])
  const after = v['after']
  const offset = typeof after === 'string' ? Number(Buffer.from(after, 'base64').toString()) : 0
  const page = matches.slice(offset, offset + first)
  const end = offset + page.length
  return {
    orders: {
      nodes: page.map((o) => ({
        id: o.id,
        legacyResourceId: o.legacyResourceId,
        name: o.name,
        email: o.email,
        phone: o.phone,
        createdAt: o.createdAt,
        cancelledAt: o.cancelledAt,
        closedAt: o.closedAt,
        displayFinancialStatus: o.displayFinancialStatus,
        displayFulfillmentStatus: o.displayFulfillmentStatus,
        customer:
          o.customer === null
            ? null
            : {
                legacyResourceId: o.customer.legacyResourceId,
                defaultEmailAddress: clone(o.customer.defaultEmailAddress),
              },
        shippingAddress: o.shippingAddress && {
          name: o.shippingAddress.name,
          zip: o.shippingAddress.zip,
        },
        billingAddress: o.billingAddress && {
          name: o.billingAddress.name,
          zip: o.billingAddress.zip,
        },
        totalPriceSet: clone(o.totalPriceSet),
      })),
      pageInfo: {
        hasNextPage: end < matches.length,
        endCursor: page.length > 0 ? Buffer.from(String(end)).toString('base64') : null,
      },
    },
  }
}
