import {
  ORDER_LOOKUP_FILTERS,
  ORDER_LOOKUP_PAGE_SIZES,
  type OrderLookupFilterName,
} from '@porchlight/shared/api/order-lookup'
// Types only: route.ts imports this module, so a value import back would be a cycle.
import type { PageSize } from '../route.ts'

/** The order search as the URL holds it: the filters as typed, the page size and the cursor. */
export interface OrderSearchState {
  filters: Record<OrderLookupFilterName, string>
  pageSize: PageSize
  /** The page's cursor (opaque, from the server); empty on the first page. */
  cursor: string
}

export const ORDERS_HREF = '/console/orders'
export const orderHref = (id: string) => `${ORDERS_HREF}/${encodeURIComponent(id)}`

const empty = () =>
  Object.fromEntries(ORDER_LOOKUP_FILTERS.map((f) => [f, ''])) as Record<
    OrderLookupFilterName,
    string
  >

export function parseOrderSearch(search: string): OrderSearchState {
  const p = new URLSearchParams(search)
  const filters = empty()
  for (const f of ORDER_LOOKUP_FILTERS) filters[f] = (p.get(f) ?? '').slice(0, 254)
  const size = Number(p.get('pageSize'))
  return {
    filters,
    pageSize: (ORDER_LOOKUP_PAGE_SIZES as readonly number[]).includes(size)
      ? (size as PageSize)
      : 20,
    cursor: (p.get('cursor') ?? '').slice(0, 2048),
  }
}

/** The filters given, trimmed (the API query and the CSV link share them). */
export function filterParams(s: OrderSearchState): URLSearchParams {
  const p = new URLSearchParams()
  for (const f of ORDER_LOOKUP_FILTERS) if (s.filters[f].trim()) p.set(f, s.filters[f].trim())
  return p
}

/** The query string of a search view (also the API's, which takes the same names). */
export function orderSearchQuery(s: OrderSearchState): string {
  const p = filterParams(s)
  if (s.pageSize !== 20) p.set('pageSize', String(s.pageSize))
  if (s.cursor) p.set('cursor', s.cursor)
  const q = p.toString()
  return q ? `?${q}` : ''
}

/** The orders screens a console path shows, or null for another screen. */
export function parseOrdersRoute(
  pathname: string,
  search: string,
): { view: 'orders'; search: OrderSearchState } | { view: 'order'; id: string } | null {
  if (/^\/console\/orders\/?$/.test(pathname))
    return { view: 'orders', search: parseOrderSearch(search) }
  const m = /^\/console\/orders\/([^/]+)\/?$/.exec(pathname)
  if (m?.[1]) {
    try {
      return { view: 'order', id: decodeURIComponent(m[1]) }
    } catch {
      return null
    }
  }
  return null
}
