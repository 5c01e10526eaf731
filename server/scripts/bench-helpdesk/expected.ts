/**
 * What the console must be shown on the seeded store (seed.ts), worked out from the seed's
 * formulas rather than read from the database: each inbox view's count, unread count and
 * first pages, the waiting chats, and each order lookup's answer. A benchmark compares every
 * answer it times with these, so a fast wrong answer fails the run.
 */
import { INBOX_VIEWS, type InboxView } from '@porchlight/shared/api/inbox'
import {
  AGENT_ID,
  FIRST,
  LAST,
  MESSAGES_PER_TICKET,
  messageAt,
  orderSeed,
  ticketSeed,
  TICKETS,
  type OrderSeed,
  type TicketSeed,
} from './seed.ts'

const inView: Record<InboxView, (t: TicketSeed) => boolean> = {
  mine: (t) => t.status === 'open' && t.assigneeId === AGENT_ID,
  unassigned: (t) => t.status === 'open' && t.assigneeId === null,
  open: (t) => t.status === 'open',
  chats: (t) => t.status === 'open' && t.chat,
  decisions: (t) => t.status === 'open' && t.requested,
}

export interface ExpectedInbox {
  views: Record<InboxView, { total: number; unread: number; ids: string[] }>
  /** Conversation ids of the open chats waiting for an answer, longest wait first. */
  waiting: string[]
}

/** Every view's counts and all its ticket ids, newest first, as the queue orders them. */
export function expectedInbox(orderCount: number, now: number): ExpectedInbox {
  const tickets = Array.from({ length: TICKETS }, (_, k) => ticketSeed(k, orderCount, now))
  tickets.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
  const views = {} as ExpectedInbox['views']
  for (const view of INBOX_VIEWS) {
    const of = tickets.filter(inView[view])
    views[view] = {
      total: of.length,
      unread: of.filter((t) => !t.answered).length,
      ids: of.map((t) => t.id),
    }
  }
  const lastAt = (t: TicketSeed) => messageAt(t, MESSAGES_PER_TICKET - 1)
  const waiting = tickets
    .filter((t) => t.status === 'open' && t.chat && !t.answered)
    .sort((a, b) => lastAt(a) - lastAt(b))
    .map((t) => `cv_bench_${Number(t.id.slice(10))}`)
  return { views, waiting: waiting.slice(0, 200) }
}

/** The order names a lookup should show, newest first, first page of `size`. */
function ordersMatching(orderCount: number, match: (s: OrderSeed) => boolean, size: number) {
  const found: OrderSeed[] = []
  for (let i = 0; i < orderCount; i++) {
    const s = orderSeed(i)
    if (match(s)) found.push(s)
  }
  found.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
  return found.slice(0, size).map((s) => s.name)
}

/** An order lookup shape: the query for its n-th sample, and the seed's answer to it. */
export interface OrderLookup {
  name: string
  query: (n: number) => string
  want: (n: number) => string[]
}

const DAY = 86_400_000
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The lookups agents make when a shopper calls: by number, contact, name, place and date. */
export function orderLookups(orderCount: number): OrderLookup[] {
  const expected = (match: (s: OrderSeed) => boolean, size: number) =>
    ordersMatching(orderCount, match, size)
  return [
    {
      name: 'postal code',
      query: (n) => `postalCode=${10_000 + ((n * 37) % 5000)}`,
      want: (n) => expected((s) => s.postal === String(10_000 + ((n * 37) % 5000)), 20),
    },
    {
      name: 'last name',
      query: (n) => `lastName=${LAST[n % 200]!.toLowerCase()}`,
      want: (n) => expected((s) => s.last === LAST[n % 200], 20),
    },
    {
      name: 'first + last name',
      query: (n) =>
        `firstName=${encodeURIComponent(FIRST[n % 10]!)}&lastName=${LAST[(n * 7) % 200]}`,
      want: (n) => expected((s) => s.first === FIRST[n % 10] && s.last === LAST[(n * 7) % 200], 20),
    },
    {
      name: 'email',
      query: (n) => `email=SHOPPER${n % 2000}@example.net`,
      want: (n) => expected((s) => s.email === `shopper${n % 2000}@example.net`, 20),
    },
    {
      name: 'phone',
      query: (n) =>
        `phone=${encodeURIComponent(`+61 491 570 ${String(n % 1000).padStart(3, '0')}`)}`,
      want: (n) => expected((s) => s.phone === `+61491570${String(n % 1000).padStart(3, '0')}`, 20),
    },
    {
      name: 'order number',
      query: (n) => `number=${100_000 + ((n * 53) % orderCount)}`,
      want: (n) => [`#${100_000 + ((n * 53) % orderCount)}`],
    },
    {
      name: 'date range (one week)',
      query: (n) => {
        const from = orderSeed((n * 97) % orderCount).createdAt - 7 * DAY
        return `from=${dayOf(from)}&to=${dayOf(from + 6 * DAY)}&pageSize=50`
      },
      want: (n) => {
        const from = Date.parse(dayOf(orderSeed((n * 97) % orderCount).createdAt - 7 * DAY))
        return expected((s) => s.createdAt >= from && s.createdAt < from + 7 * DAY, 50)
      },
    },
    {
      name: 'postal code + date range',
      query: (n) => `postalCode=${10_000 + (n % 5000)}&from=2025-01-01&to=2026-12-31`,
      want: (n) =>
        expected(
          (s) =>
            s.postal === String(10_000 + (n % 5000)) &&
            s.createdAt >= Date.parse('2025-01-01') &&
            s.createdAt < Date.parse('2027-01-01'),
          20,
        ),
    },
  ]
}

/** Why an order lookup's answer is wrong, or undefined when it is the seed's. */
export function lookupMismatch(
  l: OrderLookup,
  n: number,
  orders: Array<{ id: string; name: string; ticketCount: number }>,
): string | undefined {
  const got = orders.map((o) => o.name)
  const want = l.want(n)
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    return `${l.name} #${n}: got ${got.join(' ')} want ${want.join(' ')}`
  }
  if (orders.some((o) => !o.id.startsWith('bench_'))) return `${l.name}: another store's order`
  // Tickets sit on the even orders only (seed.ts, ticketSeed).
  if (orders.some((o) => o.ticketCount > 0 && Number(o.id.slice(6)) % 2 !== 0)) {
    return `${l.name}: a ticket count on an order without tickets`
  }
  return undefined
}
