import { describe, expect, it } from 'vitest'
import { insertTicket } from '../../db/tickets.repository.ts'
import { MAX_ENDPOINTS } from '../../services/webhooks/endpoints.ts'
import { verifyWebhookSignature } from '../../services/webhooks/signature.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { teamSetup, type TeamCtx } from '../../test/team.ts'
import { startReceiver, type Received } from '../../test/webhook-receiver.ts'

const HOOKS = '/v1/agent/webhooks'

interface Endpoint {
  id: string
  version: number
  events: string[]
  url: string
}

async function setup() {
  const t = await teamSetup()
  const add = async (url: string, events: string[] = ['ticket.updated']) => {
    const res = await t.send('POST', HOOKS, { url, events })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as { endpoint: Endpoint; secret: string }
  }
  /** A ticket changed by the owner: one `ticket.updated` event. */
  const touchTicket = async () => {
    const ticket = await insertTicket(t.db, {
      store_id: 'st_demo',
      type: 'contact',
      status: 'open',
      channel: 'contact-form',
      contact_email: 'shopper@example.com',
      locale: 'en',
      created_at: t.clock.now().getTime(),
      updated_at: t.clock.now().getTime(),
    })
    const res = await t.send('PATCH', `/v1/agent/tickets/${ticket.id}`, {
      version: 1,
      status: 'pending',
    })
    expect(res.status).toBe(200)
  }
  const log = async (query = '', who = t.owner) =>
    (await t.get(`${HOOKS}/deliveries${query}`, who)).body.deliveries as Array<Record<string, any>>
  return { ...t, add, touchTicket, log }
}

const signedWith = (r: Received, secret: string, t: TeamCtx) => {
  const sig = r.headers['x-porchlight-signature']
  return verifyWebhookSignature(
    secret,
    r.body,
    typeof sig === 'string' ? sig : undefined,
    t.clock.now(),
  )
}

describe(`the Webhooks settings (${testDialect})`, () => {
  it('edits an endpoint’s events: the next event follows the new list', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const { endpoint } = await t.add(receiver.url, ['request.approved'])
    await t.touchTicket()
    await t.drainOutbox()
    expect(receiver.received).toEqual([])

    t.clock.advance(1_000)
    const res = await t.send('PATCH', `${HOOKS}/${endpoint.id}`, {
      version: endpoint.version,
      events: ['ticket.updated', 'request.approved'],
      description: 'Helpdesk',
    })
    expect(res.status).toBe(200)
    expect(res.body.endpoint).toMatchObject({
      events: ['ticket.updated', 'request.approved'],
      description: 'Helpdesk',
      version: endpoint.version + 1,
    })
    const [entry] = (await t.get('/v1/agent/settings/history', t.agent)).body.entries
    expect(entry).toMatchObject({
      section: 'webhooks',
      changes: [
        {
          field: `webhooks.${endpoint.id}.events`,
          old: ['request.approved'],
          new: ['ticket.updated', 'request.approved'],
        },
        { field: `webhooks.${endpoint.id}.description`, old: null, new: 'Helpdesk' },
      ],
    })
    await t.touchTicket()
    await t.drainOutbox()
    expect(receiver.received.map((r) => r.headers['x-porchlight-event'])).toEqual([
      'ticket.updated',
    ])
  })

  it('refuses bad input with a 400 naming the field, and saves nothing', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const { endpoint } = await t.add(receiver.url)
    const path = `${HOOKS}/${endpoint.id}`
    for (const [body, field] of [
      [{ version: 1, events: [] }, 'events'],
      [{ version: 1, events: ['order.paid'] }, 'events'],
      [{ version: 1, url: 'not a url' }, 'url'],
      [{ version: 1, url: 'ftp://127.0.0.1/x' }, 'url'],
      [{ version: 1 }, 'events'],
      [{ events: ['ticket.created'] }, 'version'],
      [{ version: 1, events: ['ticket.created'], secret: 'mine' }, ''],
    ] as const) {
      const res = await t.send('PATCH', path, body)
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
      ])
      expect(res.body.error.message).toContain(field)
    }
    const rotate = await t.send('POST', `${path}/secret`, { version: 'x' })
    expect([rotate.status, rotate.body.error.message]).toEqual([
      400,
      expect.stringContaining('version'),
    ])
    const [after] = (await t.get(HOOKS)).body.endpoints
    expect(after).toMatchObject({ version: 1, events: ['ticket.updated'], url: receiver.url })
    // Only the endpoint's creation is in the history.
    const { entries } = (await t.get('/v1/agent/settings/history')).body
    expect(entries).toHaveLength(1)
  })

  it('of two owners saving one endpoint at once, one wins; the other gets the fresh one', async () => {
    const t = await setup()
    const second = await signInAgent(t, 'st_demo', 'second-owner@example.com', 'owner')
    const receiver = await startReceiver()
    const { endpoint } = await t.add(receiver.url)
    const path = `${HOOKS}/${endpoint.id}`
    const [one, two] = await Promise.all([
      t.send('PATCH', path, { version: 1, events: ['ticket.created'] }),
      t.send('POST', `${path}/secret`, { version: 1 }, second),
    ])
    expect([one.status, two.status].sort()).toEqual([200, 409])
    const [won, lost] = one.status === 200 ? [one, two] : [two, one]
    expect(lost.body.error.code).toBe('version_conflict')
    expect(lost.body.error.details.endpoint).toEqual(won.body.endpoint)
    expect(won.body.endpoint.version).toBe(2)
  })

  it('rotates the secret: shown once, and it signs every attempt from then on', async () => {
    const t = await setup()
    const receiver = await startReceiver([500])
    const { endpoint, secret: old } = await t.add(receiver.url)
    await t.touchTicket()
    expect(await t.drainOutbox()).toEqual({ sent: 0, retried: 1, failed: 0 })
    expect(signedWith(receiver.received[0]!, old, t)).toBe(true)

    t.clock.advance(1_000)
    const res = await t.send('POST', `${HOOKS}/${endpoint.id}/secret`, { version: 1 })
    expect(res.status).toBe(200)
    const secret = res.body.secret as string
    expect(secret).toMatch(/^whsec_/)
    expect(secret).not.toBe(old)
    expect(res.body.endpoint.secretHint).toBe(`…${secret.slice(-4)}`)
    expect(res.body.endpoint.secretRotatedAt).toBe(t.clock.now().toISOString())
    expect(JSON.stringify((await t.get(HOOKS)).body)).not.toContain(secret)
    // The history says the secret changed, never what it is.
    const history = (await t.get('/v1/agent/settings/history')).body
    expect(history.entries[0].changes).toEqual([
      { field: `webhooks.${endpoint.id}.secret`, old: 'changed', new: 'changed', secret: true },
    ])
    expect(JSON.stringify(history)).not.toContain(secret)
    expect(JSON.stringify(history)).not.toContain(old)

    // The delivery that was retrying when the secret changed goes out signed with the new one.
    t.clock.advance(59_000)
    expect(await t.drainOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 })
    const retry = receiver.received[1]!
    expect([signedWith(retry, secret, t), signedWith(retry, old, t)]).toEqual([true, false])
  })

  it('resends a delivery: a new, signed attempt of the same event, logged beside it', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const { secret } = await t.add(receiver.url)
    await t.touchTicket()
    await t.drainOutbox()
    const [first] = await t.log()
    expect(first).toMatchObject({ status: 'delivered', attempts: 1, lastResponseCode: 200 })

    t.clock.advance(1_000)
    const res = await t.send('POST', `${HOOKS}/deliveries/${first!['id']}/resend`)
    expect(res.status).toBe(201)
    expect(res.body.delivery).toMatchObject({
      status: 'pending',
      attempts: 0,
      resentOf: first!['id'],
      eventId: first!['eventId'],
    })
    await t.drainOutbox()
    expect(receiver.received).toHaveLength(2)
    const [a, b] = receiver.received
    expect(b!.body).toBe(a!.body)
    expect(b!.headers['x-porchlight-delivery']).toBe(res.body.delivery.id)
    expect(signedWith(b!, secret, t)).toBe(true)
    // Newest first: the resent one, delivered, then the original.
    expect((await t.log()).map((d) => [d['id'], d['status']])).toEqual([
      [res.body.delivery.id, 'delivered'],
      [first!['id'], 'delivered'],
    ])
  })

  it('pages the delivery log newest first', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    await t.add(receiver.url)
    for (let i = 0; i < 3; i++) {
      await t.touchTicket()
      t.clock.advance(1_000)
    }
    const all = await t.log()
    expect(all).toHaveLength(3)
    const times = all.map((d) => Date.parse(d['createdAt']))
    expect([...times].sort((x, y) => y - x)).toEqual(times)
    const page1 = await t.log('?limit=2')
    const page2 = await t.log(`?limit=2&before=${encodeURIComponent(page1[1]!['createdAt'])}`)
    expect([...page1, ...page2].map((d) => d['id'])).toEqual(all.map((d) => d['id']))
    expect((await t.get(`${HOOKS}/deliveries?limit=500`)).status).toBe(400)
  })

  it('lets agents read endpoints and the log but change nothing (403 owner_required)', async () => {
    const t = await setup()
    const receiver = await startReceiver()
    const { endpoint } = await t.add(receiver.url)
    await t.touchTicket()
    await t.drainOutbox()
    const [delivery] = await t.log()
    expect((await t.get(HOOKS, t.agent)).body.endpoints).toHaveLength(1)
    expect(await t.log('', t.agent)).toHaveLength(1)
    for (const [method, path, body] of [
      ['POST', HOOKS, { url: receiver.url, events: ['ticket.created'] }],
      ['PATCH', `${HOOKS}/${endpoint.id}`, { version: 1, events: ['ticket.created'] }],
      ['POST', `${HOOKS}/${endpoint.id}/secret`, { version: 1 }],
      ['POST', `${HOOKS}/deliveries/${delivery!['id']}/resend`, undefined],
      ['DELETE', `${HOOKS}/${endpoint.id}`, undefined],
    ] as const) {
      const res = await t.send(method, path, body, t.agent)
      expect([res.status, res.body?.error.code], `${method} ${path}`).toEqual([
        403,
        'owner_required',
      ])
    }
    await t.drainOutbox()
    expect(receiver.received).toHaveLength(1)
    expect((await t.get(HOOKS)).body.endpoints[0].version).toBe(1)
  })

  it('keeps another store’s owner away from this store’s endpoints and deliveries', async () => {
    const t = await setup()
    await insertOtherStore(t)
    const other = await signInAgent(t, 'st_other', 'boss@other.example', 'owner')
    const receiver = await startReceiver()
    const { endpoint } = await t.add(receiver.url)
    await t.touchTicket()
    await t.drainOutbox()
    const [delivery] = await t.log()
    for (const [method, path, body, code] of [
      [
        'PATCH',
        `${HOOKS}/${endpoint.id}`,
        { version: 1, events: ['ticket.created'] },
        'webhook_not_found',
      ],
      ['POST', `${HOOKS}/${endpoint.id}/secret`, { version: 1 }, 'webhook_not_found'],
      ['POST', `${HOOKS}/deliveries/${delivery!['id']}/resend`, undefined, 'delivery_not_found'],
      ['DELETE', `${HOOKS}/${endpoint.id}`, undefined, 'webhook_not_found'],
    ] as const) {
      const res = await t.send(method, path, body, other)
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([404, code])
    }
    expect((await t.get(HOOKS, other)).body.endpoints).toEqual([])
    expect(await t.log('', other)).toEqual([])
    await t.drainOutbox()
    expect(receiver.received).toHaveLength(1)
  })

  it(`holds the limit of ${MAX_ENDPOINTS} endpoints when several are added at once`, async () => {
    const t = await setup()
    const receiver = await startReceiver()
    for (let i = 0; i < MAX_ENDPOINTS - 1; i++) await t.add(`${receiver.url}/${i}`)
    const results = await Promise.all(
      [0, 1, 2].map((i) =>
        t.send('POST', HOOKS, { url: `${receiver.url}/x${i}`, events: ['ticket.created'] }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400])
    expect((await t.get(HOOKS)).body.endpoints).toHaveLength(MAX_ENDPOINTS)
  })
})
