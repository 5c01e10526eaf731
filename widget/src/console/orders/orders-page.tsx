import { useEffect, useState } from 'preact/hooks'
import type { OrderLookupFilterName, OrderLookupPage } from '@porchlight/shared/api/order-lookup'
import type { ConsoleApi } from '../api.ts'
import { Bidi } from '../bidi.tsx'
import { formatDateTime, formatMoney, label } from '../format.ts'
import { errorMessage } from '../messages.ts'
import { Link, PageHeading, useNavigate } from '../nav.tsx'
import { PAGE_SIZES, type PageSize } from '../route.ts'
import {
  filterParams,
  orderHref,
  ORDERS_HREF,
  orderSearchQuery,
  type OrderSearchState,
} from './order-route.ts'

const FIELDS: Array<{
  name: OrderLookupFilterName
  label: string
  type: 'search' | 'email' | 'tel' | 'date'
  auto?: string
}> = [
  { name: 'number', label: 'Order number', type: 'search' },
  { name: 'email', label: 'Email', type: 'email', auto: 'off' },
  { name: 'phone', label: 'Phone', type: 'tel', auto: 'off' },
  { name: 'firstName', label: 'First name', type: 'search' },
  { name: 'lastName', label: 'Last name', type: 'search' },
  { name: 'postalCode', label: 'Postal code', type: 'search' },
  { name: 'from', label: 'Created from', type: 'date' },
  { name: 'to', label: 'Created to', type: 'date' },
]

// The cursors of the pages before this one, so "Previous" goes back without the server
// having to page backwards (Shopify's cursors only go one way here).
let earlier: string[] = []

/** Orders: search the store's orders (with or without tickets), page through, export. */
export function OrdersPage(props: { api: ConsoleApi; state: OrderSearchState }) {
  const { api, state } = props
  const navigate = useNavigate()
  const [draft, setDraft] = useState(state.filters)
  const [page, setPage] = useState<OrderLookupPage | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | undefined>()

  useEffect(() => setDraft(state.filters), [state])
  useEffect(() => {
    let live = true
    setLoading(true)
    api.request<OrderLookupPage>('GET', `/v1/agent/orders${orderSearchQuery(state)}`).then(
      (p) => {
        if (!live) return
        setPage(p)
        setError(undefined)
        setLoading(false)
      },
      (err) => {
        if (!live) return
        setPage(null)
        setError(errorMessage(err))
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [api, state])

  const go = (s: OrderSearchState) => navigate(`${ORDERS_HREF}${orderSearchQuery(s)}`)
  const exportQuery = filterParams(state).toString()

  return (
    <section aria-labelledby="orders-title" class="queue orders">
      <PageHeading id="orders-title">Orders</PageHeading>
      <form
        class="filters order-filters"
        role="search"
        aria-label="Find orders"
        onSubmit={(e) => {
          e.preventDefault()
          earlier = []
          go({ ...state, filters: draft, cursor: '' })
        }}
      >
        {FIELDS.map((f) => (
          <div class="field" key={f.name}>
            <label for={`order-${f.name}`}>{f.label}</label>
            <input
              id={`order-${f.name}`}
              name={f.name}
              // Preact types each input type apart; every one of these takes a plain string value.
              type={f.type as 'search'}
              autocomplete={f.auto ?? 'off'}
              value={draft[f.name]}
              onInput={(e) => setDraft({ ...draft, [f.name]: e.currentTarget.value })}
            />
          </div>
        ))}
        <div class="field actions">
          <button type="submit" class="primary">
            Search
          </button>
          <a
            class="button"
            href={`/v1/agent/orders/export.csv${exportQuery ? `?${exportQuery}` : ''}`}
            download
          >
            Export CSV
          </a>
        </div>
      </form>
      {error && <p class="note note-error">{error}</p>}
      <div class="table-wrap" aria-busy={loading}>
        <table>
          <caption class="sr-only">Orders matching the search, newest first.</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Customer</th>
              <th scope="col">Email</th>
              <th scope="col">Postal code</th>
              <th scope="col">Payment</th>
              <th scope="col">Fulfilment</th>
              <th scope="col">Total</th>
              <th scope="col">Tickets</th>
            </tr>
          </thead>
          <tbody>
            {page?.orders.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link href={orderHref(o.id)} class="row-link">
                    <Bidi>{o.name}</Bidi>
                  </Link>
                </th>
                <td>
                  <time dateTime={o.createdAt}>{formatDateTime(o.createdAt)}</time>
                </td>
                <td>
                  <span class="clip">
                    <Bidi>{o.customerName ?? '—'}</Bidi>
                  </span>
                </td>
                <td>
                  <span class="clip">
                    <Bidi>{o.email ?? o.phone ?? '—'}</Bidi>
                  </span>
                </td>
                <td>
                  <Bidi>{o.postalCode ?? '—'}</Bidi>
                </td>
                <td>{label(o.financialStatus)}</td>
                <td>{label(o.fulfillmentStatus)}</td>
                <td>{formatMoney(o.total.amount, o.total.currency)}</td>
                <td>{o.ticketCount === 0 ? 'None' : o.ticketCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.orders.length === 0 && <p class="empty">No orders match this search.</p>}
      </div>
      <nav class="pager" aria-label="Pages">
        <p role="status">{page ? `${page.orders.length} orders on this page` : ' '}</p>
        <button
          type="button"
          disabled={state.cursor === '' && earlier.length === 0}
          onClick={() => go({ ...state, cursor: earlier.pop() ?? '' })}
        >
          Previous
        </button>
        <button
          type="button"
          disabled={!page?.nextCursor}
          onClick={() => {
            earlier.push(state.cursor)
            go({ ...state, cursor: page?.nextCursor ?? '' })
          }}
        >
          Next
        </button>
        <label for="orders-page-size">Per page</label>
        <select
          id="orders-page-size"
          value={String(state.pageSize)}
          onChange={(e) => {
            earlier = []
            go({ ...state, cursor: '', pageSize: Number(e.currentTarget.value) as PageSize })
          }}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </nav>
    </section>
  )
}
