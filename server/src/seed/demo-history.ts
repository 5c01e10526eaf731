/**
 * A few weeks of made-up activity on the demo store, so the insights page shows a real picture
 * on first start: shoppers signing in and looking at orders, some filing requests a day later
 * or not at all, agents answering and deciding, chats answered and missed, and ratings.
 *
 * Everything is fixed by a seeded generator (the same history each time, dated back from the
 * first start). The shoppers are fictional `@example.com` people, never the demo shoppers of the
 * README, so their orders and request lists stay as the e2e journeys expect; tickets take
 * numbers below 1000, which the store's counter (starting at 1001) never hands out. Automatic
 * decisions are not invented: Porchlight makes none today, so the history records none.
 */
import type { Kysely } from 'kysely'
import type { ShopperEventsTable, TicketRatingsTable } from '../db/insights.table.ts'
import type { ConversationsTable } from '../db/conversations.table.ts'
import type { Database } from '../db/schema.ts'
import type { TicketEventsTable, TicketsTable } from '../db/tickets.table.ts'
import { newId } from '../ids.ts'
import { PRODUCTS } from './demo-shoppers.ts'

export const DEMO_HISTORY_DAYS = 42
const FIRST_NUMBER = 101
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

const NAMES = ['Noor', 'Mateo', 'Aiko', 'Lena', 'Kwame', 'Priya', 'Jonas', 'Sofia', 'Omar', 'Ines']
const TITLES = Object.values(PRODUCTS).map((p) => p.title)
const RETURN_REASONS = ['doesnt_fit', 'damaged', 'not_as_described', 'changed_mind', 'wrong_item']
const CANCEL_REASONS = ['ordered_by_mistake', 'delivery_too_slow', 'found_better_price']
/** How often each kind of ticket is filed after a view: returns and issues twice as often. */
const REQUEST_MIX = Object.entries({ return: 2, issue: 2, cancel: 1, contact: 1 } as const).flatMap(
  ([type, weight]) => Array<TicketsTable['type']>(weight).fill(type as TicketsTable['type']),
)
const ISSUE_REASONS = ['damaged_item', 'missing_item', 'package_delayed', 'tracking_not_updating']

/** A small deterministic generator (mulberry32), so the history is the same on every seed. */
function generator(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
  }
}

export interface DemoHistory {
  shopperEvents: ShopperEventsTable[]
  tickets: TicketsTable[]
  ticketEvents: TicketEventsTable[]
  products: Array<{
    ticket_id: string
    store_id: string
    title: string
    quantity: number
    created_at: number
  }>
  conversations: ConversationsTable[]
  ratings: TicketRatingsTable[]
}

/** The rows of the history, dated back from `now`; pure, so tests can count what it holds. */
export function buildDemoHistory(storeId: string, now: number, agentId = 'ag_demo'): DemoHistory {
  const r = generator(20)
  const h: DemoHistory = {
    shopperEvents: [],
    tickets: [],
    ticketEvents: [],
    products: [],
    conversations: [],
    ratings: [],
  }
  let number = FIRST_NUMBER
  const event = (ticket: TicketsTable, kind: string, actor: 'shopper' | 'agent', at: number) =>
    h.ticketEvents.push({
      id: newId('te'),
      ticket_id: ticket.id,
      store_id: storeId,
      kind,
      actor_kind: actor,
      actor_id: actor === 'agent' ? agentId : null,
      data: '{}',
      created_at: at,
    })
  const ticket = (over: Partial<TicketsTable> & Pick<TicketsTable, 'type' | 'created_at'>) => {
    const t: TicketsTable = {
      id: newId('tk'),
      store_id: storeId,
      number: number++,
      status: 'open',
      request_status: null,
      refund_status: null,
      channel: 'help-center',
      order_id: null,
      order_name: null,
      identity_kind: null,
      identity_value: null,
      contact_name: null,
      contact_email: null,
      locale: 'en',
      reason: null,
      comment: null,
      lines: '[]',
      tags: '["porchlight","demo-history"]',
      assignee_id: null,
      version: 1,
      updated_at: over.created_at,
      resolved_at: null,
      ...over,
    }
    h.tickets.push(t)
    event(t, 'created', 'shopper', t.created_at)
    return t
  }
  // An agent answers (and decides) after a while; recent tickets may still wait.
  const work = (t: TicketsTable, decides: boolean) => {
    const answerAt = t.created_at + r.int(15, 9 * 60) * MIN
    if (answerAt > now - HOUR || r.chance(0.08)) return
    if (decides) {
      const approved = r.chance(0.8)
      event(t, approved ? 'approved' : 'declined', 'agent', answerAt)
      t.request_status = approved ? 'approved' : 'declined'
    } else {
      event(t, 'reply', 'agent', answerAt)
    }
    t.status = 'resolved'
    t.resolved_at = decides ? answerAt : answerAt + r.int(10, 240) * MIN
    t.updated_at = t.resolved_at
    t.assignee_id = agentId
    if (r.chance(0.55)) rate(t, t.resolved_at + r.int(5, 600) * MIN)
  }
  const rate = (t: { id: string }, at: number) => {
    if (at > now) return
    const score = r.pick([5, 5, 5, 4, 4, 4, 3, 2, 5, 4, 1])
    h.ratings.push({
      ticket_id: t.id,
      store_id: storeId,
      score,
      comment: null,
      source: r.chance(0.6) ? 'panel' : 'email',
      created_at: at,
    })
  }

  for (let day = DEMO_HISTORY_DAYS; day >= 1; day--) {
    const dayStart = now - day * DAY
    const visits = r.int(5, 11)
    for (let v = 0; v < visits; v++) {
      const who = r.int(1, 60)
      const email = `shopper-${String(who).padStart(2, '0')}@example.com`
      const identity = { identity_kind: 'email' as const, identity_value: email }
      const signedAt = dayStart + r.int(7 * 60, 22 * 60) * MIN
      const se = (kind: ShopperEventsTable['kind'], at: number) =>
        h.shopperEvents.push({
          id: newId('se'),
          store_id: storeId,
          kind,
          ...identity,
          order_id: null,
          created_at: at,
        })
      se('signed_in', signedAt)
      if (!r.chance(0.85)) continue
      const viewAt = signedAt + r.int(1, 5) * MIN
      se('order_viewed', viewAt)
      if (r.chance(0.6)) se('tracking_viewed', viewAt + MIN)
      if (!r.chance(0.27)) continue
      const filedAt = viewAt + r.int(2, 20 * 60) * MIN
      if (filedAt > now) continue
      const type = r.pick(REQUEST_MIX)
      const request = type !== 'contact'
      const t = ticket({
        type,
        created_at: filedAt,
        ...identity,
        contact_name: `${r.pick(NAMES)} (demo history)`,
        channel: r.chance(0.5) ? 'help-center' : 'chat',
        request_status: request ? 'requested' : null,
        reason:
          type === 'return'
            ? r.pick(RETURN_REASONS)
            : type === 'cancel'
              ? r.pick(CANCEL_REASONS)
              : type === 'issue'
                ? r.pick(ISSUE_REASONS)
                : null,
      })
      if (type === 'return' || type === 'issue') {
        h.products.push({
          ticket_id: t.id,
          store_id: storeId,
          title: r.pick(TITLES),
          quantity: r.int(1, 3),
          created_at: filedAt,
        })
      }
      work(t, request)
    }
    for (let c = r.int(0, 3); c > 0; c--) {
      const at = dayStart + r.int(9 * 60, 21 * 60) * MIN
      const answered = r.chance(0.82)
      const responseMs = answered ? r.int(20, 420) * 1000 : null
      const closedAt = at + r.int(5, 40) * MIN
      const t = ticket({
        type: 'chat',
        channel: 'chat',
        created_at: at,
        status: 'closed',
        resolved_at: closedAt,
        updated_at: closedAt,
        contact_name: `${r.pick(NAMES)} (demo history)`,
        contact_email: `visitor-${number}@example.com`,
      })
      h.conversations.push({
        id: newId('cv'),
        store_id: storeId,
        ticket_id: t.id,
        status: 'closed',
        closed_reason: answered ? 'agent' : 'reverted',
        closed_at: closedAt,
        previous_id: null,
        visitor_id: null,
        identity_kind: null,
        identity_value: null,
        contact_name: t.contact_name,
        contact_email: t.contact_email,
        locale: 'en',
        last_author_kind: answered ? 'agent' : 'shopper',
        last_message_at: at,
        last_seq: 0,
        shopper_read_seq: 0,
        agent_read_seq: 0,
        first_shopper_at: at,
        first_response_ms: responseMs,
        created_at: at,
        updated_at: closedAt,
      })
      if (answered && r.chance(0.5)) rate(t, closedAt + r.int(1, 30) * MIN)
    }
  }
  return h
}

async function insertAll<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly object[],
) {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 100) as never)
      .execute()
  }
}

/**
 * Writes the demo store's history once (a store that has it, from an earlier start, is left as
 * it is). Returns how many tickets it wrote.
 */
export async function seedDemoHistory(
  db: Kysely<Database>,
  storeId: string,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const seeded = await trx
      .selectFrom('tickets')
      .select('id')
      .where('store_id', '=', storeId)
      .where('number', '=', FIRST_NUMBER)
      .executeTakeFirst()
    if (seeded !== undefined) return 0
    // Built only when it is needed: every later start of the server stops at the check above.
    const h = buildDemoHistory(storeId, now.getTime())
    await insertAll(trx, 'shopper_events', h.shopperEvents)
    await insertAll(trx, 'tickets', h.tickets)
    await insertAll(trx, 'ticket_events', h.ticketEvents)
    await insertAll(trx, 'ticket_products', h.products)
    await insertAll(trx, 'conversations', h.conversations)
    await insertAll(trx, 'ticket_ratings', h.ratings)
    return h.tickets.length
  })
}
