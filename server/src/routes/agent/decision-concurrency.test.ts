import { describe, expect, it } from 'vitest'
import { signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { holdStoreActions, ticketActionsSetup } from '../../test/ticket-actions.ts'
import { CLAIM_TTL_MS, claimTicketAction } from '../../services/tickets/action-claims.ts'

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

/**
 * Agents acting on one ticket at once. On PostgreSQL the requests really run in parallel (a
 * pool of connections, row locks); on SQLite their transactions interleave between awaits and
 * run one at a time. Either way the store must act once and every loser must see the fresh
 * ticket.
 */
describe(`concurrent decisions (${testDialect})`, () => {
  it('lets one of many simultaneous approvals act on the store; the rest see the fresh ticket', async () => {
    const t = await ticketActionsSetup()
    const second = await signInAgent(t, 'st_demo', 'second@example.com')
    const ticket = await t.request({ number: 1001 })
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        json(
          t.decide(
            ticket.id,
            { version: 1, decision: 'approve' },
            i % 2 ? second.write : undefined,
          ),
        ),
      ),
    )
    expect(t.watch.calls).toHaveLength(1)
    for (const r of results) {
      if (r.status === 200) {
        // The winner, or a later request that found the request approved (harmless).
        expect(r.body.ticket).toMatchObject({ requestStatus: 'approved', version: 3 })
      } else {
        expect(r.status).toBe(409)
        expect(['version_conflict', 'action_in_progress']).toContain(r.body.error.code)
        expect(r.body.error.details.ticket.id).toBe(ticket.id)
      }
    }
    const view = await t.view(ticket.id)
    expect(view.history.filter((e: { kind: string }) => e.kind === 'approved')).toHaveLength(1)
    expect(await t.outbox()).toHaveLength(1)
    expect((await t.demoOrder(1001)).refunds).toHaveLength(1)
  })

  it('makes an approval and a decline race to one outcome', async () => {
    const t = await ticketActionsSetup()
    // Three unshipped orders, three races (the same app, so the rounds are cheap).
    for (const number of [1001, 1012, 1020]) {
      const ticket = await t.request({ number })
      const calls = t.watch.calls.length
      const queued = (await t.outbox()).length
      const [approve, decline] = await Promise.all([
        json(t.decide(ticket.id, { version: 1, decision: 'approve' })),
        json(t.decide(ticket.id, { version: 1, decision: 'decline', reason: 'Too late' })),
      ])
      expect([approve.status, decline.status].sort()).toEqual([200, 409])
      const final = (await t.view(ticket.id)).ticket.requestStatus
      expect(final).toBe(approve.status === 200 ? 'approved' : 'declined')
      expect(t.watch.calls.length - calls).toBe(approve.status === 200 ? 1 : 0)
      expect((await t.outbox()).length - queued).toBe(1)
    }
  })

  it('holds other writers off while the store is acting, then records the outcome once', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    const store = holdStoreActions(t.watch)
    const first = json(t.decide(ticket.id, { version: 1, decision: 'approve' }))
    await store.started

    // An agent still on version 1: a conflict, with the ticket as it is (claimed: version 2).
    const stale = await json(t.decide(ticket.id, { version: 1, decision: 'approve' }))
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.error.details.ticket).toMatchObject({
      version: 2,
      requestStatus: 'requested',
    })
    // An agent who reloaded (version 2) still cannot act while the store is working.
    for (const body of [
      { version: 2, decision: 'approve' },
      { version: 2, decision: 'decline', reason: 'No' },
    ]) {
      const busy = await json(t.decide(ticket.id, body))
      expect(busy.status).toBe(409)
      expect(busy.body.error.code).toBe('action_in_progress')
    }
    const refund = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, {
        version: 2,
        amount: { amount: 100, currency: 'USD' },
      }),
    )
    expect(refund.body.error.code).toBe('action_in_progress')

    store.release()
    const done = await first
    expect(done.status).toBe(200)
    expect(done.body.ticket).toMatchObject({ requestStatus: 'approved', version: 3 })
    expect(t.watch.calls).toHaveLength(1)
  })

  it('lets a claim left by a crashed process be taken over once it expires', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    const dead = await claimTicketAction(t.db, {
      storeId: 'st_demo',
      ticketId: ticket.id,
      version: 1,
      agentId: null,
      action: 'decision',
      now: t.clock.now(),
    })
    expect(dead.ok).toBe(true)
    expect((await t.decide(ticket.id, { version: 2, decision: 'approve' })).status).toBe(409)
    t.clock.advance(CLAIM_TTL_MS)
    const agent = await signInAgent(t, 'st_demo', 'next@example.com')
    const res = await json(t.decide(ticket.id, { version: 2, decision: 'approve' }, agent.write))
    expect(res.status).toBe(200)
    expect(t.watch.calls).toHaveLength(1)
  })

  it('claims a decision only while the request still waits for one', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    await t.decide(ticket.id, { version: 1, decision: 'decline', reason: 'No' })
    const claim = (whileRequested: boolean) =>
      claimTicketAction(t.db, {
        storeId: 'st_demo',
        ticketId: ticket.id,
        version: 2,
        agentId: null,
        action: 'decision',
        now: t.clock.now(),
        whileRequested,
      })
    expect(await claim(true)).toEqual({ ok: false, why: 'version_conflict' })
    expect((await claim(false)).ok).toBe(true)
  })

  it('refunds once when the same refund is sent twice at once', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1006, type: 'issue' })
    const before = await t.demoOrder(1006)
    const body = { version: 1, amount: { amount: 500, currency: before.currency } }
    const results = await Promise.all([
      json(t.post(`/v1/agent/tickets/${ticket.id}/refunds`, body)),
      json(t.post(`/v1/agent/tickets/${ticket.id}/refunds`, body)),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect((await t.demoOrder(1006)).totals.refunded.amount).toBe(500)
    expect(t.watch.calls).toHaveLength(1)
  })
})
