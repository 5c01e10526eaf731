import type { OrderLookupPage } from '@porchlight/shared/api/order-lookup'
import type { Order } from '@porchlight/shared/orders/model'
import { describe, expect, it } from 'vitest'
import { insertDemoOrders } from '../../db/demo-orders.repository.ts'
import { insertTicket } from '../../db/tickets.repository.ts'
import { buildDemoOrders, demoOrderId } from '../../seed/demo-orders.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

/** A copy of demo order #1001 in `storeId` with its own id, number, contact and address. */
async function addOrder(
  ctx: Ctx,
  storeId: string,
  over: {
    id: string
    name: string
    email: string | null
    phone?: string | null
    addressName: string
    postalCode: string
    createdAt: string
  },
) {
  const source = buildDemoOrders(storeId, ctx.clock.now())[0] as Order
  const address = {
    ...(source.shippingAddress as NonNullable<Order['shippingAddress']>),
    name: over.addressName,
    postalCode: over.postalCode,
  }
  const order: Order = {
    ...source,
    id: over.id,
    name: over.name,
    email: over.email,
    phone: over.phone ?? null,
    createdAt: over.createdAt,
    shippingAddress: address,
    billingAddress: address,
  }
  await insertDemoOrders(ctx.db, [
    {
      store_id: storeId,
      id: order.id,
      name: order.name,
      email: order.email,
      phone: order.phone,
      created_at: Date.parse(order.createdAt),
      updated_at: Date.parse(order.createdAt),
      version: 1,
      data: JSON.stringify(order),
      staff_log: '[]',
    },
  ])
  return order
}

async function setup() {
  const ctx = await createTestApp()
  await insertOtherStore(ctx)
  const agent = await signInAgent(ctx)
  const rival = await signInAgent(ctx, 'st_other')
  const grace = await addOrder(ctx, 'st_demo', {
    id: 'ord_grace_1',
    name: '#2001',
    email: 'grace@example.com',
    phone: '+14155550123',
    addressName: 'Grace Brewster Hopper',
    postalCode: 'SW1A 1AA',
    createdAt: '2025-03-10T12:00:00Z',
  })
  // The other store's order has the very same contact, name and postal code.
  const twin = await addOrder(ctx, 'st_other', {
    id: 'ord_twin_1',
    name: '#2001',
    email: 'grace@example.com',
    phone: '+14155550123',
    addressName: 'Grace Brewster Hopper',
    postalCode: 'SW1A 1AA',
    createdAt: '2025-03-11T12:00:00Z',
  })
  const get = async (path: string, headers = agent.read) => {
    const res = await ctx.app.request(path, { headers })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const search = async (query: string, headers = agent.read) =>
    (await get(`/v1/agent/orders?${query}`, headers)).body as unknown as OrderLookupPage
  return { ...ctx, agent, rival, grace, twin, get, search }
}

const names = (page: OrderLookupPage) => page.orders.map((o) => o.name)

describe(`agents' order lookup (${testDialect})`, () => {
  it('finds an order by each filter, exactly, however it is typed', async () => {
    const t = await setup()
    for (const query of [
      'number=2001',
      'number=%232001',
      'email=Grace@Example.com',
      'phone=%2B1%20415-555-0123',
      'firstName=grace%20brewster',
      'lastName=HOPPER',
      'postalCode=sw1a1aa',
      'postalCode=SW1A%201AA&lastName=hopper',
      'from=2025-03-10&to=2025-03-10',
    ]) {
      const page = await t.search(query)
      expect(names(page), query).toEqual(['#2001'])
      expect(page.orders[0]?.id).toBe(t.grace.id)
    }
    expect(names(await t.search('lastName=hopp'))).toEqual([]) // exact, not a prefix
    expect(names(await t.search('from=2025-03-11&to=2025-03-31'))).toEqual([])
  })

  it("never finds another store's order, even with its exact details", async () => {
    const t = await setup()
    const mine = await t.search('email=grace@example.com')
    expect(mine.orders.map((o) => o.id)).toEqual([t.grace.id])
    const theirs = await t.search('email=grace@example.com', t.rival.read)
    expect(theirs.orders.map((o) => o.id)).toEqual([t.twin.id])
    // Opening, noting or writing about the other store's order by its id: 404, nothing saved.
    expect((await t.get(`/v1/agent/orders/${t.twin.id}`)).status).toBe(404)
    const note = await t.app.request(`/v1/agent/orders/${t.twin.id}/notes`, {
      method: 'POST',
      headers: t.agent.write,
      body: JSON.stringify({ body: 'peek' }),
    })
    expect(note.status).toBe(404)
    const write = await t.app.request(`/v1/agent/orders/${t.twin.id}/messages`, {
      method: 'POST',
      headers: t.agent.write,
      body: JSON.stringify({ body: 'hello' }),
    })
    expect(write.status).toBe(404)
    expect(await t.db.selectFrom('order_notes').selectAll().execute()).toEqual([])
    expect(
      await t.db.selectFrom('tickets').select('id').where('order_id', '=', t.twin.id).execute(),
    ).toEqual([])
    // Without a session: nothing at all.
    expect((await t.app.request('/v1/agent/orders?email=grace@example.com')).status).toBe(401)
  })

  it('pages newest first at the chosen size, with or without tickets, counting them', async () => {
    const t = await setup()
    await insertTicket(t.db, {
      store_id: 'st_demo',
      type: 'contact',
      status: 'open',
      channel: 'contact-form',
      order_id: demoOrderId('st_demo', 1001),
      order_name: '#1001',
      locale: 'en',
      created_at: 0,
      updated_at: 0,
    })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: OrderLookupPage = await t.search(
        `pageSize=10${cursor === null ? '' : `&cursor=${cursor}`}`,
      )
      expect(page.orders.length).toBeLessThanOrEqual(10)
      seen.push(...names(page))
      cursor = page.nextCursor
      pages++
    } while (cursor !== null)
    const all = await t.db
      .selectFrom('demo_orders')
      .select('name')
      .where('store_id', '=', 'st_demo')
      .execute()
    expect(seen.sort()).toEqual(all.map((r) => r.name).sort())
    expect(pages).toBe(Math.ceil(all.length / 10))
    const page = await t.search('number=1001')
    expect(page.orders[0]?.ticketCount).toBe(1)
    expect((await t.search('number=2001')).orders[0]?.ticketCount).toBe(0)
  })

  it('refuses bad input with 400 and a stable code', async () => {
    const t = await setup()
    for (const query of [
      'pageSize=25',
      'from=2025-02-31',
      'from=yesterday',
      'from=2025-03-12&to=2025-03-10',
      'phone=call-me',
      'colour=red',
      `lastName=${'x'.repeat(81)}`,
      'cursor=not-a-cursor',
    ]) {
      const res = await t.get(`/v1/agent/orders?${query}`)
      expect(res.status, query).toBe(400)
      expect(['validation_failed', 'invalid_cursor']).toContain(
        (res.body['error'] as { code: string }).code,
      )
    }
    expect((await t.get('/v1/agent/orders/..%2F..%2Fetc')).status).toBe(404)
  })
})

describe(`an order's page, notes and writing to the shopper (${testDialect})`, () => {
  it('opens an order with no ticket: summary, timeline, no tickets, notes other agents see', async () => {
    const t = await setup()
    const colleague = await signInAgent(t, 'st_demo', 'colleague@example.com')
    const view = await t.get(`/v1/agent/orders/${t.grace.id}`)
    expect(view.status).toBe(200)
    expect(view.body).toMatchObject({
      order: { id: t.grace.id, name: '#2001' },
      tickets: [],
      notes: [],
    })
    expect((view.body['timeline'] as unknown[]).length).toBeGreaterThan(0)
    expect(view.body['detail']).toMatchObject({ id: t.grace.id, name: '#2001' })
    const added = await t.app.request(`/v1/agent/orders/${t.grace.id}/notes`, {
      method: 'POST',
      headers: t.agent.write,
      body: JSON.stringify({ body: '  Asked to pick up in store  ' }),
    })
    expect(added.status).toBe(201)
    const seen = await t.get(`/v1/agent/orders/${t.grace.id}`, colleague.read)
    expect(seen.body['notes']).toEqual([
      expect.objectContaining({
        body: 'Asked to pick up in store',
        author: { id: t.agent.agentId, name: 'Agent of st_demo' },
      }),
    ])
    // The other store's agent never sees it, even by guessing the order id.
    expect((await t.get(`/v1/agent/orders/${t.grace.id}`, t.rival.read)).status).toBe(404)
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(5001) }, { text: 'hi' }]) {
      const bad = await t.app.request(`/v1/agent/orders/${t.grace.id}/notes`, {
        method: 'POST',
        headers: t.agent.write,
        body: JSON.stringify(body),
      })
      expect(bad.status).toBe(400)
    }
    // A console write without the CSRF token is refused.
    const forged = await t.app.request(`/v1/agent/orders/${t.grace.id}/notes`, {
      method: 'POST',
      headers: { ...t.agent.read, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x' }),
    })
    expect(forged.status).toBe(403)
    expect(await t.db.selectFrom('order_notes').select('body').execute()).toEqual([
      { body: 'Asked to pick up in store' },
    ])
  })

  it('writes to the shopper: a ticket about the order, and the email through the outbox', async () => {
    const t = await setup()
    const res = await t.app.request(`/v1/agent/orders/${t.grace.id}/messages`, {
      method: 'POST',
      headers: t.agent.write,
      body: JSON.stringify({ body: 'Yes, you can pick it up on Friday.' }),
    })
    expect(res.status).toBe(201)
    const { ticket } = (await res.json()) as { ticket: { id: string; reference: string } }
    expect(ticket).toMatchObject({
      type: 'contact',
      status: 'pending',
      channel: 'console',
      order: { id: t.grace.id, name: '#2001' },
      shopper: { identity: { kind: 'email', value: 'grace@example.com' } },
    })
    const view = await t.get(`/v1/agent/orders/${t.grace.id}`)
    expect((view.body['tickets'] as Array<{ id: string }>).map((x) => x.id)).toEqual([ticket.id])
    await t.drainOutbox()
    const mail = t.deps.devOutbox?.list().find((m) => m.to === 'grace@example.com')
    expect(mail?.channel).toBe('email')
    expect(mail?.text).toContain('Yes, you can pick it up on Friday.')
    expect(mail?.text).toContain(ticket.reference)
  })

  it('keeps concurrent writes about one order apart: a ticket, a number and an email each', async () => {
    // Its own light setup (one agent, one password hash): the race is the point, not sign-in.
    const t = await createTestApp()
    const agent = await signInAgent(t)
    const grace = await addOrder(t, 'st_demo', {
      id: 'ord_grace_1',
      name: '#2001',
      email: 'grace@example.com',
      addressName: 'Grace Hopper',
      postalCode: 'SW1A 1AA',
      createdAt: '2025-03-10T12:00:00Z',
    })
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.app.request(`/v1/agent/orders/${grace.id}/messages`, {
          method: 'POST',
          headers: agent.write,
          body: JSON.stringify({ body: `Message ${i}` }),
        }),
      ),
    )
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201])
    const tickets = await t.db
      .selectFrom('tickets')
      .select(['id', 'number'])
      .where('order_id', '=', grace.id)
      .execute()
    expect(tickets).toHaveLength(6)
    expect(new Set(tickets.map((x) => Number(x.number))).size).toBe(6)
    const queued = await t.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('recipient', '=', 'grace@example.com')
      .execute()
    expect(queued).toHaveLength(6)
    const replies = await t.db
      .selectFrom('ticket_events')
      .select('ticket_id')
      .where('kind', '=', 'reply')
      .where(
        'ticket_id',
        'in',
        tickets.map((x) => x.id),
      )
      .execute()
    expect(new Set(replies.map((r) => r.ticket_id)).size).toBe(6)
  })

  it('refuses to write when the order has no email or phone, and saves nothing', async () => {
    const t = await setup()
    const silent = await addOrder(t, 'st_demo', {
      id: 'ord_silent',
      name: '#2002',
      email: null,
      addressName: 'No Contact',
      postalCode: '1000',
      createdAt: '2025-03-12T12:00:00Z',
    })
    const res = await t.app.request(`/v1/agent/orders/${silent.id}/messages`, {
      method: 'POST',
      headers: t.agent.write,
      body: JSON.stringify({ body: 'Hello' }),
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'no_shopper_contact',
    )
    expect(
      await t.db.selectFrom('tickets').select('id').where('order_id', '=', silent.id).execute(),
    ).toEqual([])
  })
})
