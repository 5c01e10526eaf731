import {
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketChannel,
  type TicketStatus,
  type TicketType,
} from '@porchlight/shared/api/agent'
import { parseOrdersRoute } from './orders/order-route.ts'
import { INBOX_VIEWS, type InboxView } from '@porchlight/shared/api/inbox'

/** The queue's view as the URL holds it, so a reload or a shared link shows the same page. */
export interface QueueState {
  /** An inbox view; '' is every ticket, whatever its status. */
  view: InboxView | ''
  type: TicketType | ''
  status: TicketStatus | ''
  channel: TicketChannel | ''
  /** Calendar dates (YYYY-MM-DD) in the agent's time zone; `to` is inclusive. */
  from: string
  to: string
  q: string
  mine: boolean
  pageSize: PageSize
  page: number
}

export type PageSize = 10 | 20 | 50 | 100
export const PAGE_SIZES: readonly PageSize[] = [10, 20, 50, 100]

export type Route =
  | { view: 'queue'; queue: QueueState }
  | NonNullable<ReturnType<typeof parseOrdersRoute>>
  | { view: 'ticket'; id: string }
  | { view: 'settings'; page: SettingsPageName }
  | { view: 'set-password' }
  | { view: 'insights' }

/** The pages of the Settings area (`shopify` is its first, at /console/settings). */
export const SETTINGS_PAGES = [
  'shopify',
  'store',
  'widget',
  'policies',
  'chat',
  'automation',
  'agents',
  'webhooks',
  'history',
] as const
export type SettingsPageName = (typeof SETTINGS_PAGES)[number]

export const BASE = '/console'
export const SETTINGS_HREF = `${BASE}/settings`
export const INSIGHTS_HREF = `${BASE}/insights`
const DATE = /^\d{4}-\d{2}-\d{2}$/

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | '' =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : ''

/** Reads a queue view from a query string; anything unknown falls back to the default. */
export function parseQueue(search: string): QueueState {
  const p = new URLSearchParams(search)
  const size = Number(p.get('pageSize'))
  const page = Number(p.get('page'))
  const date = (v: string | null) => (v !== null && DATE.test(v) ? v : '')
  return {
    view: pick(INBOX_VIEWS, p.get('view')),
    type: pick(TICKET_TYPES, p.get('type')),
    status: pick(TICKET_STATUSES, p.get('status')),
    channel: pick(TICKET_CHANNELS, p.get('channel')),
    from: date(p.get('from')),
    to: date(p.get('to')),
    q: (p.get('q') ?? '').slice(0, 200),
    mine: p.get('mine') === '1',
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : 20,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  }
}

/** The query string of a queue view, defaults left out so URLs stay short. */
export function queueSearch(s: QueueState): string {
  const p = new URLSearchParams()
  if (s.view) p.set('view', s.view)
  if (s.type) p.set('type', s.type)
  if (s.status) p.set('status', s.status)
  if (s.channel) p.set('channel', s.channel)
  if (s.from) p.set('from', s.from)
  if (s.to) p.set('to', s.to)
  if (s.q.trim()) p.set('q', s.q.trim())
  if (s.mine) p.set('mine', '1')
  if (s.pageSize !== 20) p.set('pageSize', String(s.pageSize))
  if (s.page !== 1) p.set('page', String(s.page))
  const q = p.toString()
  return q ? `?${q}` : ''
}

// A calendar date at the agent's local midnight, as the instant the API filters on.
function localMidnight(date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + addDays).toISOString()
}

/** The API query for a queue view: dates become instants, `to` covers its whole day. */
export function apiQuery(s: QueueState, myId: string): URLSearchParams {
  const p = new URLSearchParams()
  if (s.view) p.set('view', s.view)
  if (s.type) p.set('type', s.type)
  if (s.status) p.set('status', s.status)
  if (s.channel) p.set('channel', s.channel)
  if (s.from) p.set('from', localMidnight(s.from))
  if (s.to) p.set('to', localMidnight(s.to, 1))
  if (s.q.trim()) p.set('q', s.q.trim())
  if (s.mine) p.set('assignee', myId)
  p.set('pageSize', String(s.pageSize))
  p.set('page', String(s.page))
  return p
}

/** Which screen a console URL shows. */
export function parseRoute(pathname: string, search: string): Route {
  const orders = parseOrdersRoute(pathname, search)
  if (orders !== null) return orders
  if (/^\/console\/set-password\/?$/.test(pathname)) return { view: 'set-password' }
  if (/^\/console\/settings\/?$/.test(pathname)) return { view: 'settings', page: 'shopify' }
  const page = /^\/console\/settings\/([a-z]+)\/?$/.exec(pathname)?.[1]
  if (page !== undefined && pick(SETTINGS_PAGES, page) !== '') {
    return { view: 'settings', page: page as SettingsPageName }
  }
  if (/^\/console\/insights\/?$/.test(pathname)) return { view: 'insights' }
  const m = /^\/console\/tickets\/([^/]+)\/?$/.exec(pathname)
  if (m?.[1]) {
    try {
      return { view: 'ticket', id: decodeURIComponent(m[1]) }
    } catch {
      // A malformed escape: fall through to the queue.
    }
  }
  return { view: 'queue', queue: parseQueue(search) }
}

export const ticketHref = (id: string) => `${BASE}/tickets/${encodeURIComponent(id)}`
