import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'
import { PRODUCTION_TEST_KEY } from '../../test/keys.ts'

const payload = '<img src=x onerror=alert(1)>'
const seed = {
  tickets: [
    {
      type: 'cancel',
      channel: 'help-center',
      orderName: payload,
      contactName: payload,
      comment: payload,
      requestStatus: 'requested',
      events: [{ kind: 'message', actor: 'shopper', data: { body: payload } }],
    },
  ],
}

describe(`test-only seeding route (${testDialect})`, () => {
  it('does not exist unless PORCHLIGHT_TEST_SEED is on', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/test/tickets', jsonRequest('POST', seed))
    expect(res.status).toBe(404)
  })

  it('cannot be switched on in production', () => {
    const env = {
      NODE_ENV: 'production',
      SECRET_KEY: PRODUCTION_TEST_KEY,
      PORCHLIGHT_TEST_SEED: 'true',
    }
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig({ ...env, PORCHLIGHT_TEST_SEED: 'false' })).not.toThrow()
  })

  it('inserts tickets with their history, stored verbatim, for the agent queue', async () => {
    const ctx = await createTestApp({ env: { PORCHLIGHT_TEST_SEED: 'true' } })
    const res = await ctx.app.request('/test/tickets', jsonRequest('POST', seed))
    expect(res.status).toBe(201)
    const { tickets } = (await res.json()) as { tickets: Array<{ id: string; reference: string }> }
    expect(tickets).toHaveLength(1)
    const agent = await signInAgent(ctx)
    const view = await ctx.app.request(`/v1/agent/tickets/${tickets[0]!.id}`, {
      headers: agent.read,
    })
    const body = await view.json()
    expect(body.ticket).toMatchObject({
      reference: tickets[0]!.reference,
      comment: payload,
      order: { id: 'o_seed', name: payload },
      shopper: { name: payload },
      requestStatus: 'requested',
    })
    expect(body.history).toEqual([
      expect.objectContaining({ kind: 'message', data: { body: payload } }),
    ])
  })

  it('answers a malformed body with 400 and an unknown store with 404', async () => {
    const { app } = await createTestApp({ env: { PORCHLIGHT_TEST_SEED: 'true' } })
    const bad = await app.request('/test/tickets', jsonRequest('POST', { tickets: [{}] }))
    expect(bad.status).toBe(400)
    const noStore = await app.request(
      '/test/tickets',
      jsonRequest('POST', { ...seed, storeId: 'st_missing' }),
    )
    expect(noStore.status).toBe(404)
  })

  it('copies a demo order for one journey, and mints a shopper session for it', async () => {
    const ctx = await createTestApp({ env: { PORCHLIGHT_TEST_SEED: 'true' } })
    const res = await ctx.app.request(
      '/test/demo-orders',
      jsonRequest('POST', { from: 1001, email: 'Journey@Example.com' }),
    )
    expect(res.status).toBe(201)
    const order = (await res.json()) as { id: string; name: string }
    expect(order.name).toMatch(/^#1001-[0-9a-f]{8}$/)
    const session = await ctx.app.request(
      '/test/shopper-sessions',
      jsonRequest('POST', { identity: { kind: 'email', value: 'journey@example.com' } }),
    )
    const { token } = (await session.json()) as { token: string }
    const list = await ctx.app.request('/v1/orders', {
      headers: { authorization: `Bearer ${token}` },
    })
    const body = (await list.json()) as { orders: Array<{ id: string; name: string }> }
    expect(body.orders.map((o) => o.id)).toEqual([order.id])
    expect(
      (
        await ctx.app.request(
          '/test/demo-orders',
          jsonRequest('POST', { from: 1, email: 'a@b.co' }),
        )
      ).status,
    ).toBe(400)
  })

  it('fires ticket.created for planted tickets', async () => {
    const ctx = await createTestApp({ env: { PORCHLIGHT_TEST_SEED: 'true' } })
    await ctx.db
      .insertInto('webhook_endpoints')
      .values({
        id: 'whe_1',
        store_id: 'st_demo',
        url: 'http://127.0.0.1:9/hooks',
        secret: 'whsec_test',
        events: JSON.stringify(['ticket.created']),
        description: null,
        created_at: 0,
      })
      .execute()
    await ctx.app.request('/test/tickets', jsonRequest('POST', seed))
    const deliveries = await ctx.db.selectFrom('webhook_deliveries').selectAll().execute()
    expect(deliveries.map((d) => [d.event, JSON.parse(d.payload).data.ticket.comment])).toEqual([
      ['ticket.created', payload],
    ])
  })

  it('leaves the fixture routes out unless PORCHLIGHT_TEST_SEED is on', async () => {
    const { app } = await createTestApp()
    for (const path of ['/test/demo-orders', '/test/shopper-sessions']) {
      expect((await app.request(path, jsonRequest('POST', {}))).status).toBe(404)
    }
  })
})
