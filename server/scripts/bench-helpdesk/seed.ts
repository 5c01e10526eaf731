/**
 * The busy store the helpdesk benchmarks run on: the demo store with `orders` orders (another
 * store holds twins of the first 2,000), 10,000 tickets and 100,000 messages, written in bulk
 * (a few hundred statements, not 100,000 requests). Every field a view, a count or a lookup
 * compares follows from the index by a formula here, so the benchmarks can say what each
 * answer must be without asking the database.
 */
import type { Insertable, Kysely } from 'kysely'
import type { ConversationsTable, NewChatMessageRow } from '../../src/db/conversations.table.ts'
import { insertDemoOrders } from '../../src/db/demo-orders.repository.ts'
import type { Database } from '../../src/db/schema.ts'
import { insertStore } from '../../src/db/stores.repository.ts'
import type { NewTicketRow, TicketEventsTable, TicketType } from '../../src/db/tickets.table.ts'
import { buildDemoOrders } from '../../src/seed/demo-orders.ts'
import { DEMO_STORE_ID, seedDemoAgent, seedDemoStore } from '../../src/seed/demo-store.ts'

export const TICKETS = 10_000
export const MESSAGES_PER_TICKET = 10
export const OTHER_STORE = 'st_bench_other'
/** The demo agent's id (seedDemoAgent) and a colleague's, for the "mine" view. */
export const AGENT_ID = 'ag_demo'
export const COLLEAGUE_ID = 'ag_bench_colleague'
/** Tickets of the other store: open, unassigned, unanswered; no view of ours may count them. */
const OTHER_TICKETS = 500

const FIRST = ['Ada', 'Bruno', 'Chidi', 'Dana', 'Élise', 'Farid', 'Grace', 'Hana', 'Ivo', 'Jun']
const LAST = Array.from({ length: 200 }, (_, i) => `Surname${i}`)
export { FIRST, LAST }

/** What the seed gives order i: the fields each lookup filter compares. */
export function orderSeed(i: number) {
  return {
    id: `bench_${i}`,
    name: `#${100_000 + i}`,
    email: `shopper${i % 2000}@example.net`,
    phone: `+61491570${String(i % 1000).padStart(3, '0')}`,
    first: FIRST[i % FIRST.length]!,
    last: LAST[i % LAST.length]!,
    postal: String(10_000 + (i % 5000)),
    // One order every 47 minutes, newest first from now: about two years of orders.
    createdAt: Date.parse('2026-12-01T00:00:00Z') - i * 47 * 60_000,
  }
}
export type OrderSeed = ReturnType<typeof orderSeed>

/**
 * What the seed gives ticket k: one in five open, three in ten chats, a third each mine, a
 * colleague's and nobody's, a return, cancel or issue awaiting decision among the open
 * requests, and about one in seven that no agent has answered (unread).
 */
export function ticketSeed(k: number, orderCount: number, now: number) {
  const order = orderSeed((k * 2) % orderCount)
  const chat = k % 10 === 0 || k % 10 === 3 || k % 10 === 7
  const open = k % 5 === 0
  const requestType: TicketType = (['return', 'cancel', 'issue'] as const)[k % 3]!
  const type: TicketType = chat ? 'chat' : k % 4 === 1 ? requestType : 'contact'
  return {
    id: `tk_bench_${String(k).padStart(5, '0')}`,
    number: 10_001 + k,
    order,
    chat,
    type,
    status: open ? ('open' as const) : k % 2 === 0 ? ('resolved' as const) : ('closed' as const),
    requested: type !== 'contact' && type !== 'chat' && (open || k % 7 === 0),
    assigneeId: ([AGENT_ID, null, COLLEAGUE_ID] as const)[k % 3] ?? null,
    answered: Math.floor(k / 10) % 7 !== 1,
    createdAt: order.createdAt + 60_000,
    // An open chat is live: its messages are within the last day, or the server's sweeper
    // would close it (the 24-hour revert) in the middle of the run.
    messagesFrom: open && chat ? now - 20 * 3600_000 + k * 5000 : order.createdAt + 60_000,
  }
}
export type TicketSeed = ReturnType<typeof ticketSeed>

/** When message m of a ticket was written, and by whom (all the shopper's when unanswered). */
export const messageAt = (t: TicketSeed, m: number) => t.messagesFrom + m * 1000
const byAgent = (t: TicketSeed, m: number) => t.answered && m % 2 === 1

function orderRow(storeId: string, i: number, template: ReturnType<typeof buildDemoOrders>) {
  const s = orderSeed(i)
  const source = template[i % template.length]!
  const address = { ...source.shippingAddress!, name: `${s.first} ${s.last}`, postalCode: s.postal }
  const order = {
    ...source,
    id: storeId === DEMO_STORE_ID ? s.id : `twin_${i}`,
    name: s.name,
    email: s.email,
    phone: s.phone,
    createdAt: new Date(s.createdAt).toISOString(),
    shippingAddress: address,
    billingAddress: address,
  }
  return {
    store_id: storeId,
    id: order.id,
    name: order.name,
    email: order.email,
    phone: order.phone,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    version: 1,
    data: JSON.stringify(order),
    staff_log: '[]',
  }
}

function ticketRow(storeId: string, t: TicketSeed, id = t.id, number = t.number) {
  return {
    id,
    store_id: storeId,
    number,
    type: t.type,
    status: t.status,
    request_status: t.requested ? ('requested' as const) : null,
    channel: t.chat ? ('chat' as const) : ('contact-form' as const),
    order_id: t.order.id,
    order_name: t.order.name,
    contact_email: t.order.email,
    contact_name: `${t.order.first} ${t.order.last}`,
    locale: 'en',
    lines: '[]',
    tags: '[]',
    assignee_id: t.assigneeId,
    version: 1,
    created_at: t.createdAt,
    updated_at: messageAt(t, MESSAGES_PER_TICKET - 1),
    resolved_at: t.status === 'open' ? null : messageAt(t, MESSAGES_PER_TICKET),
  }
}

async function seedStores(db: Kysely<Database>, now: Date) {
  await seedDemoStore(db, now)
  await seedDemoAgent(db, now)
  await db
    .insertInto('agents')
    .values({
      id: COLLEAGUE_ID,
      store_id: DEMO_STORE_ID,
      email: 'colleague@lumen-loom.example',
      name: 'Colleague',
      password_hash: null,
      role: 'agent',
      created_at: now.getTime(),
    })
    .execute()
  await insertStore(db, {
    id: OTHER_STORE,
    name: 'Other store',
    widget_key: 'pk_bench_other',
    allowed_origins: '[]',
    settings: '{}',
    adapter_kind: 'demo',
    adapter_config: '{}',
    created_at: 0,
  })
}

async function seedOrders(db: Kysely<Database>, now: Date, orderCount: number) {
  const template = buildDemoOrders(DEMO_STORE_ID, now)
  for (let start = 0; start < orderCount; start += 500) {
    const rows = []
    for (let i = start; i < Math.min(orderCount, start + 500); i++) {
      rows.push(orderRow(DEMO_STORE_ID, i, template))
    }
    await insertDemoOrders(db, rows)
  }
  for (let start = 0; start < 2000; start += 500) {
    await insertDemoOrders(
      db,
      Array.from({ length: 500 }, (_, k) => orderRow(OTHER_STORE, start + k, template)),
    )
  }
}

/** 500 tickets at a time: the tickets, their messages, and a chat's conversation. */
async function seedTicketBatch(
  db: Kysely<Database>,
  start: number,
  orderCount: number,
  now: number,
) {
  const tickets: NewTicketRow[] = []
  const events: Insertable<TicketEventsTable>[] = []
  const conversations: Insertable<ConversationsTable>[] = []
  const messages: NewChatMessageRow[] = []
  for (let k = start; k < Math.min(TICKETS, start + 500); k++) {
    const t = ticketSeed(k, orderCount, now)
    tickets.push(ticketRow(DEMO_STORE_ID, t))
    const firstSeq = k * MESSAGES_PER_TICKET + 1
    for (let m = 0; m < MESSAGES_PER_TICKET; m++) {
      const agent = byAgent(t, m)
      if (!t.chat) {
        events.push({
          id: `te_bench_${k}_${m}`,
          ticket_id: t.id,
          store_id: DEMO_STORE_ID,
          kind: 'message',
          actor_kind: agent ? ('agent' as const) : ('shopper' as const),
          actor_id: agent ? t.assigneeId : null,
          data: JSON.stringify({ body: `Message ${m} about ${t.order.name}` }),
          created_at: messageAt(t, m),
        })
        continue
      }
      messages.push({
        id: `msg_bench_${k}_${m}`,
        store_id: DEMO_STORE_ID,
        conversation_id: `cv_bench_${k}`,
        seq: firstSeq + m,
        author_kind: agent ? ('agent' as const) : ('shopper' as const),
        author_id: agent ? t.assigneeId : null,
        author_name: agent ? 'Agent' : t.order.first,
        sender_ref: null,
        client_id: null,
        text: `Message ${m} about ${t.order.name}`,
        system_kind: null,
        data: '{}',
        created_at: messageAt(t, m),
      })
    }
    if (!t.chat) continue
    const lastSeq = firstSeq + MESSAGES_PER_TICKET - 1
    const last = MESSAGES_PER_TICKET - 1
    conversations.push({
      id: `cv_bench_${k}`,
      store_id: DEMO_STORE_ID,
      ticket_id: t.id,
      status: t.status === 'open' ? ('open' as const) : ('closed' as const),
      closed_reason: null,
      closed_at: t.status === 'open' ? null : messageAt(t, MESSAGES_PER_TICKET),
      contact_name: t.order.first,
      contact_email: t.order.email,
      locale: 'en',
      last_author_kind: byAgent(t, last) ? ('agent' as const) : ('shopper' as const),
      last_message_at: messageAt(t, last),
      last_seq: lastSeq,
      shopper_read_seq: lastSeq,
      // Agents read up to their own last word; an unanswered chat was never opened.
      agent_read_seq: t.answered ? lastSeq : 0,
      first_shopper_at: messageAt(t, 0),
      first_response_ms: t.answered ? 1000 : null,
      created_at: messageAt(t, 0),
      updated_at: messageAt(t, last),
    })
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('tickets').values(tickets).execute()
    for (let e = 0; e < events.length; e += 1000) {
      await trx
        .insertInto('ticket_events')
        .values(events.slice(e, e + 1000))
        .execute()
    }
    if (conversations.length > 0)
      await trx.insertInto('conversations').values(conversations).execute()
    for (let e = 0; e < messages.length; e += 1000) {
      await trx
        .insertInto('chat_messages')
        .values(messages.slice(e, e + 1000))
        .execute()
    }
  })
}

/**
 * Seeds the stores, orders, tickets and messages on a migrated database, and moves the
 * store's counters past them, so tickets and chat messages written later number on from there.
 */
export async function seedHelpdesk(db: Kysely<Database>, now: Date, orderCount: number) {
  await seedStores(db, now)
  await seedOrders(db, now, orderCount)
  for (let start = 0; start < TICKETS; start += 500)
    await seedTicketBatch(db, start, orderCount, now.getTime())
  const others = Array.from({ length: OTHER_TICKETS }, (_, k) => {
    const t = {
      ...ticketSeed(k * 5, orderCount, now.getTime()),
      status: 'open' as const,
      assigneeId: null,
    }
    return ticketRow(OTHER_STORE, t, `tk_other_${k}`, 10_001 + k)
  })
  await db.insertInto('tickets').values(others).execute()
  await db
    .insertInto('ticket_counters')
    .values({ store_id: DEMO_STORE_ID, last_number: 10_000 + TICKETS })
    .execute()
  await db
    .insertInto('chat_event_counters')
    .values({ store_id: DEMO_STORE_ID, last_seq: TICKETS * MESSAGES_PER_TICKET, pruned_through: 0 })
    .execute()
}
