import { describe, expect, it } from 'vitest'
import {
  apiQuery,
  parseQueue,
  parseRoute,
  queueSearch,
  SETTINGS_HREF,
  ticketHref,
} from './route.ts'

describe('queue state in the URL', () => {
  it('round-trips every filter, so a reload shows the same view', () => {
    const search =
      '?type=return&status=pending&channel=help-center&from=2026-01-01&to=2026-01-31&q=%231042&mine=1&pageSize=50&page=3'
    const state = parseQueue(search)
    expect(state).toEqual({
      view: '',
      type: 'return',
      status: 'pending',
      channel: 'help-center',
      from: '2026-01-01',
      to: '2026-01-31',
      q: '#1042',
      mine: true,
      pageSize: 50,
      page: 3,
    })
    expect(parseQueue(queueSearch(state))).toEqual(state)
  })

  it('leaves defaults out of the URL', () => {
    expect(queueSearch(parseQueue(''))).toBe('')
  })

  it.each([
    ['?type=refund', 'type', ''],
    ['?pageSize=25', 'pageSize', 20],
    ['?page=0', 'page', 1],
    ['?page=-2', 'page', 1],
    ['?page=1.5', 'page', 1],
    ['?from=yesterday', 'from', ''],
    ['?status=open,closed', 'status', ''],
  ])('ignores a hand-edited %s', (search, key, expected) => {
    expect(parseQueue(search)[key as 'type']).toBe(expected)
  })

  it('asks the API for whole days in the agent’s time zone, and for my tickets by my id', () => {
    const q = apiQuery(parseQueue('?from=2026-03-01&to=2026-03-01&mine=1'), 'ag_me')
    const from = Date.parse(q.get('from')!)
    const to = Date.parse(q.get('to')!)
    expect(new Date(from).getHours()).toBe(0)
    expect(new Date(from).getDate()).toBe(1)
    expect(new Date(to).getDate()).toBe(2)
    expect(q.get('assignee')).toBe('ag_me')
    expect(q.get('pageSize')).toBe('20')
    expect(q.get('page')).toBe('1')
  })

  it('routes ticket URLs, encoding ids both ways', () => {
    expect(parseRoute(ticketHref('tk_a/b'), '')).toEqual({ view: 'ticket', id: 'tk_a/b' })
    expect(parseRoute('/console/tickets/%E0%A4%A', '').view).toBe('queue')
    expect(parseRoute('/console', '?page=2')).toMatchObject({ view: 'queue', queue: { page: 2 } })
  })

  it('routes the settings page', () => {
    expect(parseRoute(SETTINGS_HREF, '')).toEqual({ view: 'settings', page: 'shopify' })
    expect(parseRoute('/console/settings/', '')).toEqual({ view: 'settings', page: 'shopify' })
    expect(parseRoute('/console/settings/widget', '')).toEqual({ view: 'settings', page: 'widget' })
    expect(parseRoute('/console/settings/history/', '')).toEqual({
      view: 'settings',
      page: 'history',
    })
    // Not a settings page: the queue, as for any unknown console path.
    expect(parseRoute('/console/settings/nope', '').view).toBe('queue')
    expect(parseRoute('/console/settings/x', '').view).toBe('queue')
  })
})
