import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DEMO_AGENT } from '../../seed/demo-store.ts'
import { testDialect } from '../../test/harness.ts'
import { jsonInit as json, sharedPostgres } from '../../test/shared-postgres.ts'
import { agentSignIn } from '../../test/spawn-server.ts'

const db = sharedPostgres()

/**
 * Two real server processes on one PostgreSQL database: a rule turned on through one decides
 * requests filed on the other at once, and the same request filed on both at the same moment is
 * one ticket decided once, with one store action.
 */
describe.skipIf(testDialect !== 'postgres')('automation across two server processes', () => {
  it('decides a request filed on both processes at once exactly once', async () => {
    const seed = { PORCHLIGHT_TEST_SEED: 'true' }
    const a = await db.spawn(seed)
    const b = await db.spawn(seed)
    const owner = await agentSignIn(a.url, DEMO_AGENT.email, DEMO_AGENT.password)
    const path = '/v1/agent/settings/automation'
    const current = await (await fetch(`${a.url}${path}`, { headers: owner })).json()
    const saved = await fetch(
      `${a.url}${path}`,
      json(
        'PUT',
        {
          version: current.version,
          values: { ...current.values, approveCancel: { enabled: true, withinHours: 6 } },
        },
        owner,
      ),
    )
    expect(saved.status).toBe(200)

    // A shopper of this test's own with a fresh copy of #1001 (two hours old, unshipped).
    const email = `auto-${randomBytes(4).toString('hex')}@example.com`
    const order = await (
      await fetch(`${b.url}/test/demo-orders`, json('POST', { from: 1001, email }, {}))
    ).json()
    const { token } = await (
      await fetch(
        `${b.url}/test/shopper-sessions`,
        json('POST', { identity: { kind: 'email', value: email } }, {}),
      )
    ).json()
    const key = `k-${randomBytes(8).toString('hex')}`
    const body = { type: 'cancel', reason: 'ordered_by_mistake', channel: 'chat', locale: 'en' }
    const file = (url: string) =>
      fetch(
        `${url}/v1/orders/${order.id}/requests`,
        json('POST', body, { authorization: `Bearer ${token}`, 'idempotency-key': key }),
      ).then(async (r) => ({ status: r.status, body: await r.json() }))
    const filed = await Promise.all([a, b, a, b].map((s) => file(s.url)))
    expect(filed.map((r) => r.status).sort()).toEqual([200, 200, 200, 201])
    const ids = new Set(filed.map((r) => r.body.ticketId))
    expect(ids.size).toBe(1)

    const agentOnB = await agentSignIn(b.url, DEMO_AGENT.email, DEMO_AGENT.password)
    const view = await (
      await fetch(`${b.url}/v1/agent/tickets/${[...ids][0]}`, { headers: agentOnB })
    ).json()
    expect(view.ticket.requestStatus).toBe('approved')
    const kinds = view.history.map((e: { kind: string }) => e.kind)
    expect(kinds.filter((k: string) => k === 'approved')).toHaveLength(1)
    // A second store action would have been refused by the store (already cancelled) and
    // recorded; there is none, and the order was refunded once.
    expect(kinds).not.toContain('approval_failed')
    expect(view.order.order.status).toBe('cancelled')
    expect(view.order.order.refunds).toHaveLength(1)
    // Starting two servers (migrations, seed) takes a while on a busy machine.
  }, 90_000)
})
