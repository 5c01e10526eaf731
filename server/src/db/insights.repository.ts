import { sql, type Kysely, type Transaction } from 'kysely'
import { newId } from '../ids.ts'
import type { ShopperEventKind } from './insights.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A half-open span of time in epoch milliseconds: from <= t < to. */
export interface Period {
  storeId: string
  from: number
  to: number
}

export async function recordShopperEvent(
  db: Db,
  input: {
    storeId: string
    kind: ShopperEventKind
    identity: { kind: 'email' | 'phone'; value: string }
    orderId?: string
    at: Date
  },
): Promise<void> {
  await db
    .insertInto('shopper_events')
    .values({
      id: newId('se'),
      store_id: input.storeId,
      kind: input.kind,
      identity_kind: input.identity.kind,
      identity_value: input.identity.value,
      order_id: input.orderId ?? null,
      created_at: input.at.getTime(),
    })
    .execute()
}

export async function insertTicketProducts(
  db: Db,
  ticket: { id: string; storeId: string; at: Date },
  products: Array<{ title: string; quantity: number }>,
): Promise<void> {
  if (products.length === 0) return
  await db
    .insertInto('ticket_products')
    .values(
      products.map((p) => ({
        ticket_id: ticket.id,
        store_id: ticket.storeId,
        title: p.title,
        quantity: p.quantity,
        created_at: ticket.at.getTime(),
      })),
    )
    .execute()
}

/** Distinct shoppers who signed in during the period. */
export async function countSignedIn(db: Db, p: Period): Promise<number> {
  const row = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('shopper_events')
        .select(['identity_kind', 'identity_value'])
        .distinct()
        .where('store_id', '=', p.storeId)
        .where('kind', '=', 'signed_in')
        .where('created_at', '>=', p.from)
        .where('created_at', '<', p.to)
        .as('s'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Shoppers who signed in during the period, viewed an order or its tracking in it, and filed
 * no ticket (under the same verified identity) within `windowMs` of their first view.
 */
export async function countSelfServed(db: Db, p: Period, windowMs: number): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*) as n from (
      select v.identity_kind, v.identity_value, min(v.created_at) as first_view
      from shopper_events v
      where v.store_id = ${p.storeId}
        and v.kind in ('order_viewed', 'tracking_viewed')
        and v.created_at >= ${p.from} and v.created_at < ${p.to}
        and exists (
          select 1 from shopper_events s
          where s.store_id = v.store_id and s.kind = 'signed_in'
            and s.identity_kind = v.identity_kind and s.identity_value = v.identity_value
            and s.created_at >= ${p.from} and s.created_at < ${p.to})
      group by v.identity_kind, v.identity_value
    ) f
    where not exists (
      select 1 from tickets t
      where t.store_id = ${p.storeId}
        and t.identity_kind = f.identity_kind and t.identity_value = f.identity_value
        and t.created_at >= f.first_view and t.created_at < f.first_view + ${windowMs})
  `.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

/** Tickets filed in the period by type, and requests by type and reason. */
export async function countTickets(db: Db, p: Period) {
  const byType = await db
    .selectFrom('tickets')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', p.storeId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .groupBy('type')
    .orderBy('type')
    .execute()
  const byReason = await db
    .selectFrom('tickets')
    .select(['type', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', p.storeId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .where('reason', 'is not', null)
    .groupBy(['type', 'reason'])
    .orderBy('type')
    .orderBy('reason')
    .execute()
  return {
    byType: byType.map((r) => ({ key: r.type, count: Number(r.n) })),
    byReason: byReason.map((r) => ({ key: `${r.type}:${r.reason ?? ''}`, count: Number(r.n) })),
  }
}

/** Approvals and declines recorded in the period, by who made them (system or agent). */
export async function countDecisions(db: Db, p: Period) {
  const rows = await db
    .selectFrom('ticket_events')
    .select(['actor_kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', p.storeId)
    .where('kind', 'in', ['approved', 'declined'])
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .groupBy('actor_kind')
    .execute()
  const of = (kind: string) => Number(rows.find((r) => r.actor_kind === kind)?.n ?? 0)
  return { automatic: of('system'), agent: of('agent') }
}

/**
 * First response times (ms) of the period's tickets: for requests and contact messages the
 * first agent reply or decision, for chats the conversation's first agent answer.
 */
export async function firstResponseTimes(db: Db, p: Period): Promise<number[]> {
  const requests = await db
    .selectFrom('tickets as t')
    .innerJoin('ticket_events as e', 'e.ticket_id', 't.id')
    .select(['t.id', 't.created_at', (eb) => eb.fn.min<number>('e.created_at').as('first_at')])
    .where('t.store_id', '=', p.storeId)
    .where('t.type', '<>', 'chat')
    .where('t.created_at', '>=', p.from)
    .where('t.created_at', '<', p.to)
    .where('e.actor_kind', '=', 'agent')
    .where('e.kind', 'in', ['reply', 'approved', 'declined'])
    .groupBy(['t.id', 't.created_at'])
    .execute()
  const chats = await db
    .selectFrom('conversations')
    .select('first_response_ms')
    .where('store_id', '=', p.storeId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .where('first_response_ms', 'is not', null)
    .execute()
  return [
    ...requests.map((r) => Number(r.first_at) - Number(r.created_at)),
    ...chats.map((c) => Number(c.first_response_ms)),
  ]
}

/** Resolution times (ms) of the period's tickets that are resolved or closed now. */
export async function resolutionTimes(db: Db, p: Period): Promise<number[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['created_at', 'resolved_at'])
    .where('store_id', '=', p.storeId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .where('status', 'in', ['resolved', 'closed'])
    .where('resolved_at', 'is not', null)
    .execute()
  return rows.map((r) => Number(r.resolved_at) - Number(r.created_at))
}

/** Chats begun in the period where the shopper wrote: answered by an agent, or never. */
export async function countChats(db: Db, p: Period) {
  const rows = await db
    .selectFrom('conversations')
    .select((eb) => [
      eb.fn.count<number>('first_response_ms').as('answered'),
      eb.fn.countAll<number>().as('total'),
    ])
    .where('store_id', '=', p.storeId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .where('first_shopper_at', 'is not', null)
    .executeTakeFirstOrThrow()
  const answered = Number(rows.answered)
  return { answered, missed: Number(rows.total) - answered }
}

/** The products most often in the period's issue reports and returns (by ticket). */
export async function topProducts(db: Db, p: Period, limit: number) {
  const rows = await db
    .selectFrom('ticket_products as tp')
    .innerJoin('tickets as t', 't.id', 'tp.ticket_id')
    .select((eb) => [
      'tp.title',
      eb.fn.sum<number>(eb.case().when('t.type', '=', 'issue').then(1).else(0).end()).as('issues'),
      eb.fn
        .sum<number>(eb.case().when('t.type', '=', 'return').then(1).else(0).end())
        .as('returns'),
      eb.fn.countAll<number>().as('total'),
    ])
    .where('tp.store_id', '=', p.storeId)
    .where('t.store_id', '=', p.storeId)
    .where('tp.created_at', '>=', p.from)
    .where('tp.created_at', '<', p.to)
    .where('t.type', 'in', ['issue', 'return'])
    .groupBy('tp.title')
    .orderBy('total', 'desc')
    .orderBy('tp.title')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ title: r.title, issues: Number(r.issues), returns: Number(r.returns) }))
}
