import { describe, expect, it } from 'vitest'
import type { InsightsResponse } from '@porchlight/shared/api/insights'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import { DAY, HOUR, historyWriter } from './insights-test-kit.ts'

/**
 * A history whose figures are counted by hand (30 days back from now):
 *   a: signs in, views an order, files nothing                -> self-served
 *   b: signs in, views, files an issue 2 h later               -> not
 *   c: signs in, views, files a return 30 h later              -> self-served (past 24 h)
 *   d: signs in, views nothing                                 -> not
 *   e: signed in 40 days ago, views inside the period          -> not counted at all
 *   f: signs in twice, views tracking, files nothing           -> counted once, self-served
 *   g: of another store                                        -> never counted here
 */
async function seeded() {
  const ctx = await createTestApp()
  await insertOtherStore(ctx)
  const agent = await signInAgent(ctx)
  const h = historyWriter(ctx)
  const t0 = (d: number) => h.ago(d * DAY).getTime()
  for (const [who, day] of [
    ['a', 3],
    ['b', 5],
    ['c', 6],
    ['d', 2],
    ['f', 4],
    ['f', 1],
  ] as const) {
    await h.shopper('st_demo', `${who}@example.com`, 'signed_in', h.ago(day * DAY))
  }
  await h.shopper('st_demo', 'a@example.com', 'order_viewed', h.ago(3 * DAY - HOUR))
  await h.shopper('st_demo', 'b@example.com', 'order_viewed', h.ago(5 * DAY - HOUR))
  await h.shopper('st_demo', 'c@example.com', 'order_viewed', h.ago(6 * DAY - HOUR))
  await h.shopper('st_demo', 'f@example.com', 'tracking_viewed', h.ago(4 * DAY - HOUR))
  await h.shopper('st_demo', 'e@example.com', 'signed_in', h.ago(40 * DAY))
  await h.shopper('st_demo', 'e@example.com', 'order_viewed', h.ago(2 * DAY))
  await h.shopper('st_other', 'g@example.com', 'signed_in', h.ago(2 * DAY))
  await h.shopper('st_other', 'g@example.com', 'order_viewed', h.ago(2 * DAY))

  const b = { identity_kind: 'email', identity_value: 'b@example.com' } as const
  const c = { identity_kind: 'email', identity_value: 'c@example.com' } as const
  const issueAt = t0(5) + 3 * HOUR
  const issue = await h.ticket({ ...b, type: 'issue', reason: 'damaged', created_at: issueAt })
  await h.event(issue, 'approved', 'agent', issueAt + 4 * HOUR)
  await ctx.db
    .updateTable('tickets')
    .set({ status: 'resolved', resolved_at: issueAt + 4 * HOUR })
    .where('id', '=', issue.id)
    .execute()
  await h.products(issue, [
    { title: 'Speckled mug', quantity: 2 },
    { title: 'Linen throw', quantity: 1 },
  ])
  const returnAt = t0(6) - HOUR + 30 * HOUR
  const ret = await h.ticket({ ...c, type: 'return', reason: 'too_small', created_at: returnAt })
  await h.event(ret, 'declined', 'system', returnAt + HOUR)
  await ctx.db
    .updateTable('tickets')
    .set({ status: 'closed', resolved_at: returnAt + HOUR })
    .where('id', '=', ret.id)
    .execute()
  await h.products(ret, [{ title: 'Speckled mug', quantity: 1 }])
  const contactAt = t0(2)
  const contact = await h.ticket({
    type: 'contact',
    channel: 'contact-form',
    created_at: contactAt,
  })
  await h.event(contact, 'reply', 'agent', contactAt + 2 * HOUR)
  const chatAt = t0(1)
  const chat = await h.ticket({ type: 'chat', channel: 'chat', created_at: chatAt })
  await h.conversation(chat, 60_000)
  await ctx.db
    .updateTable('tickets')
    .set({ status: 'closed', resolved_at: chatAt + 30 * 60_000 })
    .where('id', '=', chat.id)
    .execute()
  const missed = await h.ticket({ type: 'chat', channel: 'chat', created_at: chatAt + HOUR })
  await h.conversation(missed, null)
  // Outside the period: neither the ticket nor its decision counts.
  const old = await h.ticket({ type: 'cancel', reason: 'changed_mind', created_at: t0(40) })
  await h.event(old, 'approved', 'agent', t0(35))
  await h.products(old, [{ title: 'Old lamp', quantity: 1 }])
  await h.rating(issue, 5, issueAt + 5 * HOUR)
  await h.rating(ret, 2, returnAt + 2 * HOUR)
  await h.rating(chat, 4, chatAt + HOUR)
  await h.rating(old, 1, t0(34))
  return { ...ctx, agent }
}

async function insights(
  ctx: Awaited<ReturnType<typeof seeded>>,
  query: string,
  headers = ctx.agent.read,
) {
  const res = await ctx.app.request(`/v1/agent/insights${query}`, { headers })
  return {
    status: res.status,
    body: (await res.json()) as InsightsResponse & { error?: { code: string } },
  }
}

describe(`insights (${testDialect})`, () => {
  it('computes every figure of a known history', async () => {
    const ctx = await seeded()
    const { status, body } = await insights(ctx, '?days=30')
    expect(status).toBe(200)
    expect(body.shoppers).toEqual({ signedIn: 5, selfServed: 3, selfServiceRate: 0.6 })
    expect(body.tickets.total).toBe(5)
    expect(body.tickets.byType).toEqual([
      { key: 'chat', count: 2 },
      { key: 'contact', count: 1 },
      { key: 'issue', count: 1 },
      { key: 'return', count: 1 },
    ])
    expect(body.tickets.byReason).toEqual([
      { key: 'issue:damaged', count: 1 },
      { key: 'return:too_small', count: 1 },
    ])
    expect(body.decisions).toEqual({ automatic: 1, agent: 1 })
    // First responses 4 h (issue), 2 h (contact reply), 1 min (chat): the median is 2 h.
    // Resolutions 4 h, 1 h and 30 min: the median is 1 h.
    expect(body.times).toEqual({ medianFirstResponseMs: 2 * HOUR, medianResolutionMs: HOUR })
    expect(body.chats).toEqual({ answered: 1, missed: 1 })
    expect(body.topProducts).toEqual([
      { title: 'Speckled mug', issues: 1, returns: 1 },
      { title: 'Linen throw', issues: 1, returns: 0 },
    ])
    expect(body.satisfaction).toEqual({ count: 3, average: 3.67, distribution: [0, 1, 0, 1, 1] })
  })

  it('narrows to a custom period and to 7 days', async () => {
    const ctx = await seeded()
    const now = ctx.clock.now().getTime()
    const from = new Date(now - 3.5 * DAY).toISOString()
    const to = new Date(now).toISOString()
    const custom = await insights(ctx, `?from=${from}&to=${to}`)
    expect(custom.status).toBe(200)
    // Signed in inside: a (day 3), d (day 2), f (day 1). Only a viewed inside it (f's view, at
    // day 4, is before the period), so one of three served themselves.
    expect(custom.body.shoppers).toEqual({ signedIn: 3, selfServed: 1, selfServiceRate: 0.333 })
    expect(custom.body.tickets.total).toBe(3)
    const week = await insights(ctx, '?days=7')
    expect(week.body.shoppers.signedIn).toBe(5)
    expect(week.body.satisfaction.count).toBe(3)
    const all = await insights(ctx, '?days=90')
    expect(all.body.tickets.total).toBe(6)
    expect(all.body.satisfaction.count).toBe(4)
    expect(all.body.decisions).toEqual({ automatic: 1, agent: 2 })
  })

  it("never shows another store's figures: an agent of store B sees only B", async () => {
    const ctx = await seeded()
    const other = await signInAgent(ctx, 'st_other')
    const { status, body } = await insights(ctx, '?days=30', other.read)
    expect(status).toBe(200)
    expect(body.shoppers).toEqual({ signedIn: 1, selfServed: 1, selfServiceRate: 1 })
    expect(body.tickets.total).toBe(0)
    expect(body.topProducts).toEqual([])
    expect(body.satisfaction.count).toBe(0)
    // No query parameter reaches another store's rows.
    const sneaky = await ctx.app.request('/v1/agent/insights?days=30&store=st_demo', {
      headers: other.read,
    })
    expect(sneaky.status).toBe(400)
  })

  it('refuses signed-out readers and bad periods with stable codes', async () => {
    const ctx = await seeded()
    expect((await ctx.app.request('/v1/agent/insights?days=30')).status).toBe(401)
    const shopper = await mintShopperSession(ctx, 'st_demo', {
      kind: 'email',
      value: 'a@example.com',
    })
    expect(
      (await ctx.app.request('/v1/agent/insights?days=30', { headers: shopper.headers })).status,
    ).toBe(401)
    const now = ctx.clock.now().toISOString()
    for (const q of [
      '?days=14',
      '?days=7&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
      '?from=2026-01-01T00:00:00Z',
      `?from=${now}&to=2026-01-01T00:00:00Z`,
      '?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      '?from=yesterday&to=today',
    ]) {
      const { status, body } = await insights(ctx, q)
      expect([q, status, body.error?.code]).toEqual([q, 400, 'validation_failed'])
    }
  })
})
