import type { AutomationSection } from '@porchlight/shared/settings/schema'
import { describe, expect, it } from 'vitest'
import { updateStoreSettings } from '../../db/stores.repository.ts'
import { saveSections } from '../../services/settings/section-settings.ts'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { mintShopperSession, testDialect } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'
import { cancelRequest, newKey, throwReturn } from './requests-test-support.ts'

const ada = { kind: 'email', value: DEMO_SHOPPERS.ada.email } as const
const OFF: AutomationSection = {
  approveCancel: { enabled: false, withinHours: 2 },
  approveReturn: { enabled: false, lessThan: [] },
}

/** The demo app with watched store actions, Ada signed in, and the store's automation set. */
async function setup(automation: Partial<AutomationSection> = {}, refundOn?: string) {
  const t = await ticketActionsSetup()
  const saved = await saveSections(t.deps, {
    storeId: 'st_demo',
    actor: { kind: 'cli', name: 'test' },
    sections: { automation: { ...OFF, ...automation } },
  })
  if (!saved.ok) throw new Error(saved.code)
  if (refundOn !== undefined) {
    await updateStoreSettings(t.db, 'st_demo', {
      ...saved.store.settings,
      returns: { ...(saved.store.settings['returns'] as object), refundOn },
    })
  }
  const shopper = await mintShopperSession(t, 'st_demo', ada)
  const file = async (n: number, body: unknown, key = newKey()) => {
    const res = await t.app.request(`/v1/orders/${t.order(n)}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...shopper.headers },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }
  const history = async (ticketId: string) =>
    (await t.view(ticketId)).history as Array<{
      kind: string
      actor: { kind: string; id: string | null }
      data: Record<string, unknown>
    }>
  return { ...t, file, history, shopper }
}

const cancelOn = { approveCancel: { enabled: true, withinHours: 6 } }

describe(`automation rules decide requests without an agent (${testDialect})`, () => {
  it('approves a cancellation of a young unfulfilled order and cancels it on the store', async () => {
    const t = await setup(cancelOn)
    // #1001 was placed two hours ago and nothing of it is fulfilled.
    const filed = await t.file(1001, cancelRequest)
    expect(filed.status).toBe(201)
    expect(filed.body.requestStatus).toBe('approved')
    expect(t.watch.calls.map((c) => c.action)).toEqual(['cancelOrder'])
    expect((await t.demoOrder(1001)).status).toBe('cancelled')
    const view = await t.view(filed.body.ticketId)
    expect(view.ticket).toMatchObject({ requestStatus: 'approved', refundStatus: 'released' })
    const approved = (await t.history(filed.body.ticketId)).filter((e) => e.kind === 'approved')
    expect(approved).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', id: 'approve_cancel' },
        data: expect.objectContaining({ rule: 'approve_cancel', ruleWhy: { withinHours: 6 } }),
      }),
    ])
    // The store's note names the rule, as it names the agent who approves.
    expect(t.watch.calls[0]?.input).toMatchObject({
      staffNote: expect.stringContaining('Approve cancellations'),
    })
    // The shopper is told as after an agent's approval: the acknowledgement, then the decision.
    const mails = await t.outbox()
    expect(mails.map((m) => m.template)).toEqual(['request-ack', 'ticket-notice'])
    // And sees it in the panel.
    const mine = await (await t.app.request('/v1/requests', { headers: t.shopper.headers })).json()
    expect(mine.requests[0]).toMatchObject({ requestStatus: 'approved', orderName: '#1001' })
  })

  it('leaves the request to an agent when the rules are off', async () => {
    const off = await setup()
    const filed = await off.file(1001, cancelRequest)
    expect(filed.body.requestStatus).toBe('requested')
    expect(off.watch.calls).toEqual([])
    expect((await off.history(filed.body.ticketId)).map((e) => e.kind)).toEqual(['created'])
  })

  it('leaves a cancellation to an agent when the order is older than the hours set', async () => {
    const strict = await setup({ approveCancel: { enabled: true, withinHours: 1 } })
    expect((await strict.file(1001, cancelRequest)).body.requestStatus).toBe('requested')
    expect(strict.watch.calls).toEqual([])
    expect((await strict.demoOrder(1001)).status).toBe('open')
  })

  it('approves a return inside the window under the amount; the refund waits for the items', async () => {
    const t = await setup({
      approveReturn: { enabled: true, lessThan: [{ currency: 'USD', amount: 10_000 }] },
    })
    // #1006's linen throw, 89.00 USD, delivered five days ago.
    const filed = await t.file(1006, throwReturn)
    expect(filed.status).toBe(201)
    expect(filed.body.requestStatus).toBe('approved')
    expect(t.watch.calls.map((c) => c.action)).toEqual(['createReturn'])
    const view = await t.view(filed.body.ticketId)
    expect(view.ticket.refundStatus).toBe('pending_release')
    const [approved] = (await t.history(filed.body.ticketId)).filter((e) => e.kind === 'approved')
    expect(approved).toMatchObject({
      actor: { kind: 'system', id: 'approve_return' },
      data: {
        rule: 'approve_return',
        refundOn: 'receipt',
        ruleWhy: {
          value: { amount: 8900, currency: 'USD' },
          lessThan: { amount: 10_000, currency: 'USD' },
        },
      },
    })
    // On receipt the refund is released, as for a return an agent approved.
    const received = await t.post(`/v1/agent/tickets/${filed.body.ticketId}/receipts`, {
      version: view.ticket.version,
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
    })
    expect(received.status).toBe(200)
    expect((await t.view(filed.body.ticketId)).ticket.refundStatus).toBe('released')
    expect(t.watch.calls.map((c) => c.action)).toEqual(['createReturn', 'receiveReturn'])
  })

  it('releases the refund at once when the store refunds on approval', async () => {
    const t = await setup(
      { approveReturn: { enabled: true, lessThan: [{ currency: 'USD', amount: 10_000 }] } },
      'approval',
    )
    const before = (await t.demoOrder(1006)).totals.refunded.amount
    const filed = await t.file(1006, throwReturn)
    expect(filed.body.requestStatus).toBe('approved')
    expect(t.watch.calls.map((c) => c.action)).toEqual(['createReturn', 'refund'])
    expect((await t.view(filed.body.ticketId)).ticket.refundStatus).toBe('released')
    expect((await t.demoOrder(1006)).totals.refunded.amount - before).toBe(8900)
  })

  it('leaves a return worth the amount or more to an agent', async () => {
    const low = await setup({
      approveReturn: { enabled: true, lessThan: [{ currency: 'USD', amount: 8900 }] },
    })
    expect((await low.file(1006, throwReturn)).body.requestStatus).toBe('requested')
    expect(low.watch.calls).toEqual([])
  })

  it('leaves a return in a currency with no amount set to an agent', async () => {
    const euros = await setup({
      approveReturn: { enabled: true, lessThan: [{ currency: 'EUR', amount: 100_000 }] },
    })
    expect((await euros.file(1006, throwReturn)).body.requestStatus).toBe('requested')
    expect(euros.watch.calls).toEqual([])
  })

  it('leaves the request to an agent when the store refuses, with the refusal in the history', async () => {
    const t = await setup(cancelOn)
    t.watch.control.fail = { code: 'store_rejected', message: 'Order is locked' }
    const filed = await t.file(1001, cancelRequest)
    expect(filed.status).toBe(201)
    expect(filed.body.requestStatus).toBe('requested')
    const events = await t.history(filed.body.ticketId)
    expect(events.find((e) => e.kind === 'approval_failed')).toMatchObject({
      actor: { kind: 'system', id: 'approve_cancel' },
      data: { code: 'store_rejected' },
    })
    // An agent can still approve it once the store is back.
    t.watch.control.fail = undefined
    const view = await t.view(filed.body.ticketId)
    const res = await t.decide(filed.body.ticketId, {
      version: view.ticket.version,
      decision: 'approve',
    })
    expect(res.status).toBe(200)
  })

  it('decides once when the same request is filed many times at once (one store call)', async () => {
    const t = await setup(cancelOn)
    const key = newKey()
    const same = await Promise.all(
      Array.from({ length: 6 }, () => t.file(1001, cancelRequest, key)),
    )
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201])
    const ids = new Set(same.map((r) => r.body.ticketId))
    expect(ids.size).toBe(1)
    expect(same.filter((r) => r.status === 201)).toHaveLength(1)
    expect(t.watch.calls).toHaveLength(1)
    const [id] = [...ids] as [string]
    expect((await t.history(id)).filter((e) => e.kind === 'approved')).toHaveLength(1)
  })

  it('decides once when two tabs file the same cancellation at once (one store call)', async () => {
    const t = await setup(cancelOn)
    const filed = await Promise.all(Array.from({ length: 4 }, () => t.file(1001, cancelRequest)))
    const created = filed.filter((r) => r.status === 201)
    expect(created).toHaveLength(1)
    // The others are refused: the request is open (or just approved), or a tab that read the
    // order after the rule cancelled it is told a cancellation is no longer offered.
    for (const r of filed.filter((r) => r.status !== 201)) {
      expect(['request_already_open', 'request_not_offered']).toContain(r.body.error.code)
    }
    expect(t.watch.calls).toHaveLength(1)
    const approved = (await t.history(created[0]!.body.ticketId)).filter(
      (e) => e.kind === 'approved',
    )
    expect(approved).toHaveLength(1)
  })
})
