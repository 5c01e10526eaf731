import { describe, expect, it } from 'vitest'
import { order } from '../../adapters/store/shopify/testing/fake-orders.ts'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { saveSections } from '../../services/settings/section-settings.ts'
import { signInAgent } from '../../test/agents.ts'
import { mintShopperSession, testDialect } from '../../test/harness.ts'
import { shopifyTestApp } from '../../test/shopify-test-app.ts'
import { cancelRequest, newKey } from './requests-test-support.ts'

const mocks = interceptShopify()

/** A Shopify store (msw) whose automation approves cancellations of orders under 6 hours. */
async function setup(enabled = true) {
  const ctx = await shopifyTestApp(mocks)
  const { app } = ctx
  const saved = await saveSections(ctx.deps, {
    storeId: 'st_shopify',
    actor: { kind: 'cli', name: 'test' },
    sections: {
      automation: {
        approveCancel: { enabled, withinHours: 6 },
        approveReturn: { enabled: false, lessThan: [] },
      },
    },
  })
  if (!saved.ok) throw new Error(saved.code)
  const agent = await signInAgent(ctx, 'st_shopify')
  const shopper = await mintShopperSession(ctx, 'st_shopify', {
    kind: 'email',
    value: 'ada@example.com',
  })
  const file = async (orderId: string, key = newKey()) => {
    const res = await app.request(`/v1/orders/${orderId}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...shopper.headers },
      body: JSON.stringify(cancelRequest),
    })
    return { status: res.status, body: await res.json() }
  }
  const view = async (id: string) =>
    (await app.request(`/v1/agent/tickets/${id}`, { headers: agent.read })).json()
  return { ...ctx, file, view }
}

describe(`automation on a Shopify store (${testDialect})`, () => {
  it('cancels a young unfulfilled order through orderCancel with no agent', async () => {
    const t = await setup()
    // Placed two hours before the shopper asks (the test clock is 2026-01-15T12:00Z).
    const o = t.shop.addOrder(order({ createdAt: '2026-01-15T10:00:00Z' }))
    const filed = await t.file(o.legacyResourceId)
    expect(filed.status).toBe(201)
    expect(filed.body.requestStatus).toBe('approved')
    expect(t.shop.callsOf('PorchlightOrderCancel').map((c) => c.variables)).toEqual([
      expect.objectContaining({
        reason: 'CUSTOMER',
        refundMethod: { originalPaymentMethodsRefund: true },
        restock: true,
        staffNote: expect.stringContaining('Approve cancellations'),
      }),
    ])
    const view = await t.view(filed.body.ticketId)
    expect(view.ticket.requestStatus).toBe('approved')
    expect(view.history.find((e: { kind: string }) => e.kind === 'approved')).toMatchObject({
      actor: { kind: 'system', id: 'approve_cancel' },
      data: { rule: 'approve_cancel', orderStatus: 'cancelled' },
    })
  })

  it('asks Shopify nothing for an order older than the rule’s hours', async () => {
    const t = await setup()
    const old = t.shop.addOrder(order())
    expect((await t.file(old.legacyResourceId)).body.requestStatus).toBe('requested')
    expect(t.shop.callsOf('PorchlightOrderCancel')).toEqual([])
  })

  it('asks Shopify nothing with the rule off', async () => {
    const off = await setup(false)
    const young = off.shop.addOrder(order({ createdAt: '2026-01-15T10:00:00Z' }))
    expect((await off.file(young.legacyResourceId)).body.requestStatus).toBe('requested')
    expect(off.shop.callsOf('PorchlightOrderCancel')).toEqual([])
  })

  it('cancels once when the same cancellation is filed many times at once', async () => {
    const t = await setup()
    const o = t.shop.addOrder(order({ createdAt: '2026-01-15T10:00:00Z' }))
    const key = newKey()
    const filed = await Promise.all(
      Array.from({ length: 4 }, () => t.file(o.legacyResourceId, key)),
    )
    // Each retry is answered with the first attempt's ticket, never refused.
    expect(filed.map((r) => r.status).sort()).toEqual([200, 200, 200, 201])
    expect(new Set(filed.map((r) => r.body.ticketId)).size).toBe(1)
    expect(t.shop.callsOf('PorchlightOrderCancel')).toHaveLength(1)
  })
})
