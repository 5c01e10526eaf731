import { describe, expect, it } from 'vitest'
import { parseRoute } from '../route.ts'
import { filterParams, orderHref, orderSearchQuery, parseOrderSearch } from './order-route.ts'

describe('order search in the URL', () => {
  it('round-trips the filters, page size and cursor, so a reload shows the same page', () => {
    const search = '?number=%231022&postalCode=SW1A+1AA&from=2026-01-01&pageSize=50&cursor=abc'
    const state = parseOrderSearch(search)
    expect(state.filters).toMatchObject({
      number: '#1022',
      postalCode: 'SW1A 1AA',
      from: '2026-01-01',
    })
    expect(state.filters.email).toBe('')
    expect(state).toMatchObject({ pageSize: 50, cursor: 'abc' })
    expect(parseOrderSearch(orderSearchQuery(state))).toEqual(state)
  })

  it('falls back to defaults for what it does not know, and leaves them out of the URL', () => {
    const state = parseOrderSearch('?pageSize=25&colour=red')
    expect(state.pageSize).toBe(20)
    expect(orderSearchQuery(state)).toBe('')
  })

  it('gives the CSV export the filters only, trimmed, never the page', () => {
    const state = parseOrderSearch('?lastName=+Hopper+&cursor=xyz&pageSize=10')
    expect(filterParams(state).toString()).toBe('lastName=Hopper')
  })
})

describe('orders routes', () => {
  it('tells the orders list, an order and other screens apart', () => {
    expect(parseRoute('/console/orders', '?email=a%40b.co')).toMatchObject({
      view: 'orders',
      search: { filters: { email: 'a@b.co' } },
    })
    expect(parseRoute(orderHref('ord_1/x'), '')).toEqual({ view: 'order', id: 'ord_1/x' })
    expect(parseRoute('/console/orders/%E0%A4%A', '').view).toBe('queue')
    expect(parseRoute('/console/tickets/tk_1', '')).toEqual({ view: 'ticket', id: 'tk_1' })
  })
})
