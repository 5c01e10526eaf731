import { expect } from 'vitest'
import { address, customer, order } from '../../adapters/store/shopify/testing/fake-orders.ts'
import { FakeShop } from '../../adapters/store/shopify/testing/fake-shop.ts'
import {
  insertShopifyStore,
  type interceptShopify,
  testRuntime,
  virtualTime,
  WEBHOOK_SECRET,
} from '../../adapters/store/shopify/testing/test-kit.ts'
import { signShopifyBody } from '../../adapters/store/shopify/webhook-signature.ts'
import { insertOutboxMessage } from '../../db/outbox.repository.ts'
import { insertRatingOnce } from '../../db/ratings.repository.ts'
import { appendTicketEvent, insertTicket } from '../../db/tickets.repository.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, mintShopperSession } from '../../test/harness.ts'

/**
 * Two Shopify stores on one server, each with shoppers who have orders (cached by a real read),
 * sessions, tickets with history and a chat: the ground the privacy webhooks work on, and the
 * counts that show what they changed and what they left alone.
 */

/** The tables that hold a shopper's personal data, each with a `store_id`. */
const PERSONAL_TABLES = [
  'shopify_orders',
  'shopper_sessions',
  'shopper_events',
  'tickets',
  'ticket_events',
  'conversations',
  'chat_messages',
  'outbox_messages',
  'ticket_ratings',
] as const

export interface Shopper {
  email: string
  phone: string
  name: string
  customerId: string
  orderId: string
}

export async function privacySetup(mocks: ReturnType<typeof interceptShopify>) {
  const ctx = await createTestApp()
  const time = virtualTime(Date.parse('2026-01-15T12:00:00Z'))
  const shop = new FakeShop({ now: time.now })
  const otherShop = new FakeShop({ now: time.now, domain: 'other-shop.myshopify.com' })
  mocks.use(shop)
  mocks.use(otherShop)
  const store = await insertShopifyStore(ctx.db, shop)
  const otherStore = await insertShopifyStore(ctx.db, otherShop, 'st_othershop')
  const runtime = testRuntime(ctx, time)
  ctx.deps.shopify = runtime
  let n = 0

  /** A shopper of a store, with everything Porchlight keeps about a shopper. */
  async function shopper(storeId: string, first: string): Promise<Shopper> {
    n++
    const which = storeId === store.id ? shop : otherShop
    const email = `${first.toLowerCase()}@example.com`
    const phone = `+3361234560${n}`
    const buyer = customer({ email, phone })
    const where = address({ name: `${first} Lovelace`, phone })
    const placed = which.addOrder(
      order({ customer: buyer, email, phone, shippingAddress: where, billingAddress: where }),
    )
    const s = storeId === store.id ? store : otherStore
    const adapter = runtime.adapterFor(s)
    const listed = await adapter.listOrders({ kind: 'email', value: email }, { limit: 5 })
    expect(listed.orders.map((o) => o.id)).toEqual([placed.legacyResourceId])
    await mintShopperSession(ctx, storeId, { kind: 'email', value: email })
    const now = ctx.clock.now().getTime()
    const ticket = await insertTicket(ctx.db, {
      store_id: storeId,
      type: 'return',
      status: 'open',
      channel: 'help-center',
      order_id: placed.legacyResourceId,
      order_name: placed.name,
      identity_kind: 'email',
      identity_value: email,
      contact_name: `${first} Lovelace`,
      contact_email: email,
      locale: 'en',
      reason: 'damaged',
      comment: `${first} here: leave it at 12 Crescent Road`,
      created_at: now,
      updated_at: now,
    })
    await appendTicketEvent(ctx.db, {
      ticketId: ticket.id,
      storeId,
      kind: 'reply',
      actor: { kind: 'agent', id: null },
      data: { body: `Dear ${first}, we will call ${phone}`, channel: 'email' },
      at: ctx.clock.now(),
    })
    const conversationId = `cv_${storeId}_${n}`
    await ctx.db
      .insertInto('conversations')
      .values({
        id: conversationId,
        store_id: storeId,
        ticket_id: ticket.id,
        status: 'open',
        closed_reason: null,
        closed_at: null,
        previous_id: null,
        visitor_id: null,
        identity_kind: 'email',
        identity_value: email,
        contact_name: `${first} Lovelace`,
        contact_email: email,
        locale: 'en',
        last_author_kind: 'shopper',
        last_message_at: now,
        last_seq: 1,
        shopper_read_seq: 1,
        agent_read_seq: 0,
        first_shopper_at: now,
        first_response_ms: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await ctx.db
      .insertInto('chat_messages')
      .values({
        id: `msg_${storeId}_${n}`,
        store_id: storeId,
        conversation_id: conversationId,
        seq: 1,
        author_kind: 'shopper',
        author_id: null,
        author_name: `${first} Lovelace`,
        sender_ref: null,
        client_id: null,
        text: `My card ends 4242, I am ${first}`,
        system_kind: null,
        data: '{}',
        created_at: now,
      })
      .execute()
    // What the outbox sent them (a code by text, a reply by email) and the rating they gave.
    for (const [channel, recipient] of [
      ['sms', phone],
      ['email', email],
    ] as const) {
      await insertOutboxMessage(ctx.db, {
        id: `ob_${storeId}_${n}_${channel}`,
        channel,
        recipient,
        template: 'ticket-reply',
        params: JSON.stringify({ name: `${first} Lovelace` }),
        store_id: storeId,
        group_key: null,
        status: 'sent',
        attempts: 1,
        next_attempt_at: now,
        not_after: null,
        claim_token: null,
        claimed_by: null,
        lease_until: null,
        last_error: null,
        created_at: now,
        finished_at: now,
      })
    }
    await insertRatingOnce(ctx.db, {
      ticket_id: ticket.id,
      store_id: storeId,
      score: 5,
      comment: `Thanks, ${first} is happy`,
      source: 'panel',
      created_at: now,
    })
    return {
      email,
      phone,
      name: first,
      customerId: buyer.legacyResourceId,
      orderId: placed.legacyResourceId,
    }
  }

  /** Everything the tables hold about a shopper, as text: what a purge must empty. */
  async function traces(storeId: string, who: Shopper): Promise<string[]> {
    const rows: string[] = []
    for (const table of PERSONAL_TABLES) {
      const found = await ctx.db
        .selectFrom(table)
        .selectAll()
        .where('store_id', '=', storeId)
        .execute()
      rows.push(...found.map((r) => JSON.stringify(r)))
    }
    return rows.filter(
      (r) =>
        r.includes(who.email) ||
        r.includes(who.phone) ||
        r.includes(`${who.name} `) ||
        r.includes(`I am ${who.name}`) ||
        r.includes(`${who.name} is happy`),
    )
  }

  let delivery = 0
  /** Posts a webhook as Shopify does, signed with `key` (the store's signing key by default). */
  const send = async (
    topic: string,
    payload: unknown,
    options: { storeId?: string; key?: string | null; domain?: string } = {},
  ) => {
    const body = JSON.stringify(payload)
    const key = options.key === undefined ? WEBHOOK_SECRET : options.key
    delivery++
    return await ctx.app.request(`/v1/webhooks/shopify/${options.storeId ?? store.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        ...(key === null ? {} : { 'x-shopify-hmac-sha256': signShopifyBody(body, key) }),
        'x-shopify-shop-domain': options.domain ?? shop.domain,
        'x-shopify-api-version': '2026-10',
        'x-shopify-webhook-id': `wh-${delivery}`,
      },
      body,
    })
  }

  /** Agents of both stores (signed in on demand: each sign-in costs two scrypt hashes). */
  const agents = async () => ({
    owner: await signInAgent(ctx, store.id, 'owner@lumen.test', 'owner'),
    agent: await signInAgent(ctx, store.id, 'agent@lumen.example', 'agent'),
    otherOwner: await signInAgent(ctx, otherStore.id, 'owner@other.test', 'owner'),
  })
  return {
    ...ctx,
    shop,
    otherShop,
    store,
    otherStore,
    runtime,
    time,
    shopper,
    traces,
    send,
    agents,
  }
}

/** Shopify's customers/redact payload for a shopper. */
export const redactPayload = (domain: string, who: Shopper) => ({
  shop_id: 954889,
  shop_domain: domain,
  customer: { id: Number(who.customerId), email: who.email, phone: who.phone },
  orders_to_redact: [Number(who.orderId)],
})

/** Shopify's customers/data_request payload for a shopper. */
export const dataRequestPayload = (domain: string, who: Shopper, requestId = 9999) => ({
  shop_id: 954889,
  shop_domain: domain,
  orders_requested: [Number(who.orderId)],
  customer: { id: Number(who.customerId), email: who.email, phone: who.phone },
  data_request: { id: requestId },
})
