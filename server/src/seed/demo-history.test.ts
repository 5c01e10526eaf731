import { describe, expect, it } from 'vitest'
import { computeInsights } from '../services/insights/insights.ts'
import { createTestApp, testDialect } from '../test/harness.ts'
import { buildDemoHistory, DEMO_HISTORY_DAYS, seedDemoHistory } from './demo-history.ts'
import { DEMO_SHOPPERS } from './demo-shoppers.ts'

const DAY = 24 * 3600_000

describe(`the demo store's history (${testDialect})`, () => {
  it('is written once, apart from the demo shoppers and the ticket counter', async () => {
    const ctx = await createTestApp()
    const now = ctx.clock.now()
    const written = await seedDemoHistory(ctx.db, 'st_demo', now)
    expect(written).toBeGreaterThan(40)
    expect(await seedDemoHistory(ctx.db, 'st_demo', now)).toBe(0)
    const tickets = await ctx.db
      .selectFrom('tickets')
      .select(['number', 'identity_value'])
      .execute()
    expect(tickets).toHaveLength(written)
    expect(Math.max(...tickets.map((t) => Number(t.number)))).toBeLessThan(1000)
    const demoEmails = Object.values(DEMO_SHOPPERS).map((s) => s.email)
    expect(tickets.filter((t) => demoEmails.includes(t.identity_value ?? ''))).toEqual([])
  })

  it('gives the insights page figures that match its rows, counted here by hand', async () => {
    const ctx = await createTestApp()
    const now = ctx.clock.now()
    await seedDemoHistory(ctx.db, 'st_demo', now)
    const h = buildDemoHistory('st_demo', now.getTime())
    const from = now.getTime() - 30 * DAY
    const inside = (t: number) => t >= from && t < now.getTime()
    const figures = await computeInsights(ctx, { storeId: 'st_demo', from, to: now.getTime() })

    const signedIn = new Set(
      h.shopperEvents
        .filter((e) => e.kind === 'signed_in' && inside(e.created_at))
        .map((e) => e.identity_value),
    )
    const firstView = new Map<string, number>()
    for (const e of h.shopperEvents) {
      if (e.kind === 'signed_in' || !inside(e.created_at) || !signedIn.has(e.identity_value))
        continue
      firstView.set(
        e.identity_value,
        Math.min(firstView.get(e.identity_value) ?? Infinity, e.created_at),
      )
    }
    const selfServed = [...firstView].filter(
      ([who, at]) =>
        !h.tickets.some(
          (t) => t.identity_value === who && t.created_at >= at && t.created_at < at + DAY,
        ),
    ).length
    expect(figures.shoppers.signedIn).toBe(signedIn.size)
    expect(figures.shoppers.selfServed).toBe(selfServed)
    expect(selfServed).toBeGreaterThan(0)
    expect(selfServed).toBeLessThan(signedIn.size)

    const tickets = h.tickets.filter((t) => inside(t.created_at))
    expect(figures.tickets.total).toBe(tickets.length)
    const chats = h.conversations.filter((c) => inside(c.created_at))
    expect(figures.chats).toEqual({
      answered: chats.filter((c) => c.first_response_ms !== null).length,
      missed: chats.filter((c) => c.first_response_ms === null).length,
    })
    expect(figures.decisions.automatic).toBe(0)
    expect(figures.decisions.agent).toBe(
      h.ticketEvents.filter(
        (e) => ['approved', 'declined'].includes(e.kind) && inside(e.created_at),
      ).length,
    )
    const ratings = h.ratings.filter((r) => inside(r.created_at))
    expect(figures.satisfaction.count).toBe(ratings.length)
    expect(figures.topProducts.length).toBeGreaterThan(2)
    expect(figures.times.medianFirstResponseMs).toBeGreaterThan(0)
    expect(figures.times.medianResolutionMs).toBeGreaterThan(0)
    expect(DEMO_HISTORY_DAYS).toBeGreaterThan(30)
  })
})
