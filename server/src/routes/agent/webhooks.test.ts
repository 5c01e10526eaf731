import { describe, expect, it } from 'vitest'
import { insertTicket } from '../../db/tickets.repository.ts'
import { verifyWebhookSignature } from '../../services/webhooks/signature.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { ticketActionsSetup, type Ctx } from '../../test/ticket-actions.ts'
import { startReceiver, type Received } from '../../test/webhook-receiver.ts'

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

async function makeOwner(ctx: Ctx, agentId: string) {
  await ctx.db.updateTable('agents').set({ role: 'owner' }).where('id', '=', agentId).execute()
}

async function setup() {
  const t = await ticketActionsSetup()
  await makeOwner(t, t.agent.agentId)
  const addEndpoint = async (url: string, events: string[], headers = t.agent.write) => {
    const res = await json(t.post('/v1/agent/webhooks', { url, events }, headers))
    expect(res.status).toBe(201)
    return res.body as { endpoint: { id: string }; secret: string }
  }
  const deliveries = async (headers = t.agent.read, query = '') =>
    (await json(t.app.request(`/v1/agent/webhooks/deliveries${query}`, { headers }))).body
      .deliveries as Array<Record<string, unknown>>
  return { ...t, addEndpoint, deliveries }
}

function signed(r: Received, secret: string, now: Date) {
  const sig = r.headers['x-porchlight-signature']
  return verifyWebhookSignature(secret, r.body, typeof sig === 'string' ? sig : undefined, now)
}

const ALL = [
  'ticket.created',
  'ticket.updated',
  'request.approved',
  'request.declined',
  'message.created',
]

describe(`outbound webhooks (${testDialect})`, () => {
  it('posts signed events of a decision to a real receiver', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const { secret } = await t.addEndpoint(receiver.url, ALL)
    const ticket = await t.request({ number: 1001 })
    expect((await t.decide(ticket.id, { version: 1, decision: 'approve' })).status).toBe(200)
    await t.drainOutbox()

    // Deliveries go out side by side, so their order is not promised: receivers use createdAt.
    expect(receiver.received.map((r) => r.headers['x-porchlight-event']).sort()).toEqual([
      'request.approved',
      'ticket.updated',
    ])
    for (const r of receiver.received) {
      expect(signed(r, secret, t.clock.now())).toBe(true)
      expect(r.headers['content-type']).toBe('application/json')
      const payload = JSON.parse(r.body)
      expect(payload).toMatchObject({
        type: r.headers['x-porchlight-event'],
        storeId: 'st_demo',
        data: { ticket: { id: ticket.id, requestStatus: 'approved' } },
      })
      expect(payload.id).toMatch(/^evt_/)
    }
    const approved = receiver.received.find(
      (r) => r.headers['x-porchlight-event'] === 'request.approved',
    )!
    expect(JSON.parse(approved.body).data.decision).toMatchObject({
      by: t.agent.agentId,
      orderStatus: 'cancelled',
    })
    // A signature made with another secret, or over another body, does not verify.
    expect(signed(receiver.received[0]!, 'whsec_wrong', t.clock.now())).toBe(false)
    expect(
      signed({ ...receiver.received[0]!, body: receiver.received[1]!.body }, secret, t.clock.now()),
    ).toBe(false)
  })

  it('retries after a 500 with backoff, and logs every attempt', async () => {
    const t = await setup()
    const receiver = await startReceiver([500])
    const { secret, endpoint } = await t.addEndpoint(receiver.url, ['ticket.updated'])
    const ticket = await t.request()
    const patch = await t.app.request(`/v1/agent/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: t.agent.write,
      body: JSON.stringify({ version: 1, status: 'pending' }),
    })
    expect(patch.status).toBe(200)

    expect(await t.drainOutbox()).toEqual({ sent: 0, retried: 1, failed: 0 })
    const [first] = await t.deliveries()
    expect(first).toMatchObject({
      endpointId: endpoint.id,
      event: 'ticket.updated',
      status: 'retrying',
      attempts: 1,
      lastResponseCode: 500,
      lastError: 'answered HTTP 500',
    })
    // Not before the backoff (5 s for the first retry here): nothing is due yet.
    t.clock.advance(4_000)
    expect(await t.drainOutbox()).toEqual({ sent: 0, retried: 0, failed: 0 })
    t.clock.advance(1_000)
    expect(await t.drainOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 })
    const [done] = await t.deliveries()
    expect(done).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastResponseCode: 200,
      lastError: null,
    })
    expect(receiver.received).toHaveLength(2)
    // The same event both times, each attempt signed with its own timestamp.
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body)
    expect(receiver.received[1]!.headers['x-porchlight-signature']).not.toBe(
      receiver.received[0]!.headers['x-porchlight-signature'],
    )
    expect(signed(receiver.received[1]!, secret, t.clock.now())).toBe(true)
    expect(JSON.parse(receiver.received[0]!.body).data.changes).toEqual({ status: 'pending' })
  })

  it('never sends one store’s events to another store’s receiver', async () => {
    const t = await setup()
    await insertOtherStore(t)
    const otherOwner = await signInAgent(t, 'st_other')
    await makeOwner(t, otherOwner.agentId)
    const mine = await startReceiver()
    const theirs = await startReceiver()
    await t.addEndpoint(mine.url, ALL)
    await t.addEndpoint(theirs.url, ALL, otherOwner.write)

    const ticket = await t.request()
    await t.decide(ticket.id, { version: 1, decision: 'decline', reason: 'Sorry' })
    await t.post(`/v1/agent/tickets/${ticket.id}/replies`, { body: 'Hello' })
    await t.drainOutbox()
    expect(mine.received.map((r) => r.headers['x-porchlight-event']).sort()).toEqual([
      'message.created',
      'request.declined',
      'ticket.updated',
    ])
    expect(theirs.received).toEqual([])

    // And the other store's events stay with it.
    const theirTicket = await insertTicket(t.db, {
      store_id: 'st_other',
      type: 'contact',
      status: 'open',
      channel: 'contact-form',
      contact_email: 'x@example.com',
      locale: 'en',
      created_at: 0,
      updated_at: 0,
    })
    await t.post(`/v1/agent/tickets/${theirTicket.id}/replies`, { body: 'Hi' }, otherOwner.write)
    await t.drainOutbox()
    expect(theirs.received.map((r) => JSON.parse(r.body).storeId)).toEqual(['st_other'])
    expect(mine.received).toHaveLength(3)
    // Each store's log holds its own deliveries only.
    expect(
      (await t.deliveries()).every(
        (d) => (d['payload'] as { storeId: string }).storeId === 'st_demo',
      ),
    ).toBe(true)
    expect(await t.deliveries(otherOwner.read)).toHaveLength(1)
  })

  it('sends only the events an endpoint subscribed to, and stops when it is deleted', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const { endpoint } = await t.addEndpoint(receiver.url, ['request.declined'])
    const a = await t.request()
    await t.decide(a.id, { version: 1, decision: 'decline', reason: 'No' })
    const b = await t.request({ number: 1012 })
    await t.decide(b.id, { version: 1, decision: 'decline', reason: 'No' })
    const del = await t.app.request(`/v1/agent/webhooks/${endpoint.id}`, {
      method: 'DELETE',
      headers: t.agent.write,
    })
    expect(del.status).toBe(204)
    await t.drainOutbox()
    expect(receiver.received).toEqual([])
    const log = await t.deliveries()
    expect(log.map((d) => [d['event'], d['status'], d['lastError']])).toEqual([
      ['request.declined', 'failed', 'the endpoint was deleted'],
      ['request.declined', 'failed', 'the endpoint was deleted'],
    ])
    expect(await t.deliveries(t.agent.read, '?status=delivered')).toEqual([])
  })

  it('lets owners only manage endpoints, shows the secret once, and keeps to the store', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const created = await t.addEndpoint(receiver.url, ['ticket.created', 'ticket.created'])
    expect(created.secret).toMatch(/^whsec_/)
    const list = await json(t.app.request('/v1/agent/webhooks', { headers: t.agent.read }))
    expect(list.body.endpoints).toEqual([
      expect.objectContaining({
        id: created.endpoint.id,
        url: receiver.url,
        events: ['ticket.created'],
      }),
    ])
    expect(JSON.stringify(list.body)).not.toContain(created.secret)

    const plain = await signInAgent(t, 'st_demo', 'plain@example.com')
    // Any agent of the store reads the endpoints (never a secret); owners change them.
    const read = await json(t.app.request('/v1/agent/webhooks', { headers: plain.read }))
    expect([read.status, read.body.canEdit, read.body.endpoints.length]).toEqual([200, false, 1])
    for (const [method, path, body] of [
      ['POST', '/v1/agent/webhooks', { url: receiver.url, events: ['ticket.created'] }],
      ['DELETE', `/v1/agent/webhooks/${created.endpoint.id}`, undefined],
    ] as const) {
      const res = await t.app.request(path, {
        method,
        headers: plain.write,
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
      expect(res.status, `${method} ${path}`).toBe(403)
      expect((await res.json()).error.code).toBe('owner_required')
    }
    // Any agent of the store reads the delivery log.
    expect(
      (await t.app.request('/v1/agent/webhooks/deliveries', { headers: plain.read })).status,
    ).toBe(200)

    await insertOtherStore(t)
    const otherOwner = await signInAgent(t, 'st_other')
    await makeOwner(t, otherOwner.agentId)
    const foreign = await t.app.request(`/v1/agent/webhooks/${created.endpoint.id}`, {
      method: 'DELETE',
      headers: otherOwner.write,
    })
    expect(foreign.status).toBe(404)
    const theirs = await json(t.app.request('/v1/agent/webhooks', { headers: otherOwner.read }))
    expect(theirs.body.endpoints).toEqual([])

    for (const bad of [
      { url: 'not a url', events: ['ticket.created'] },
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ['order.paid'] },
      { url: receiver.url, events: ['ticket.created'], secret: 'mine' },
    ]) {
      expect((await t.post('/v1/agent/webhooks', bad)).status).toBe(400)
    }
    expect((await t.app.request('/v1/agent/webhooks')).status).toBe(401)
  })
})
