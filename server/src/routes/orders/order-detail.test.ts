import { describe, expect, it } from 'vitest'
import type { OrderDetailResponse } from '@porchlight/shared/api/orders'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import { ada, addOtherStore, bruno, errorCode, getJson, id, signIn } from './orders-test-support.ts'

describe(`GET /v1/orders/:id (${testDialect})`, () => {
  it('returns the order page: summary, timelines, items, actions and issue reasons', async () => {
    const ctx = await createTestApp()
    const { status, body } = await getJson<OrderDetailResponse>(
      ctx,
      `/v1/orders/${id(1008)}?locale=en-US&tz=America/Los_Angeles`,
      await signIn(ctx, ada),
    )
    expect(status).toBe(200)
    const order = body.order
    expect(order.name).toBe('#1008')
    expect(order.status.code).toBe('in_transit')
    expect(order.shipments.map((s) => s.state)).toEqual(['delivered', 'in_transit'])
    expect(order.shipments[1]?.entries.map((e) => e.kind)).toEqual([
      'fulfilled',
      'carrier_picked_up',
      'in_transit',
    ])
    expect(order.events.map((e) => e.kind)).toEqual(['order_placed', 'payment_received'])
    expect(order.summary.shipping.address?.lines).toContain('Oakland, CA 94612')
    expect(order.summary.shipping.carriers).toEqual(['USPS', 'UPS'])
    expect(order.summary.payment.total.formatted).toBe('$316.95')
    expect(order.actions.cancel).toEqual({ offered: false, reason: { code: 'already_fulfilled' } })
    expect(order.actions.return.offered).toBe(true)
    expect(
      order.lineItems.map((l) => [l.title, l.returnableQuantity, l.notReturnableReason]),
    ).toEqual([
      ['Beeswax taper candles', 1, null],
      ['Speckled stoneware mug', 0, 'not_delivered'],
      ['Hand-loomed wool rug', 0, 'not_fulfilled'],
    ])
    expect(order.issue.scenario).toBe('shipped')
    expect(order.issue.reasons.map((r) => r.code)).toContain('tracking_not_updating')
  })

  it('explains a closed return window with the date it closed', async () => {
    const ctx = await createTestApp()
    const { body } = await getJson<OrderDetailResponse>(
      ctx,
      `/v1/orders/${id(1007)}`,
      await signIn(ctx, ada),
    )
    const closedAt = new Date(ctx.clock.now().getTime() - 15 * 86_400_000).toISOString()
    expect(body.order.actions.return).toEqual({
      offered: false,
      reason: { code: 'return_window_closed', data: { closedAt } },
    })
    expect(body.order.issue.scenario).toBe('delivered')
  })

  it('offers cancel on a fresh order and withdraws return as time passes', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const fresh = await getJson<OrderDetailResponse>(ctx, `/v1/orders/${id(1001)}`, headers)
    expect(fresh.body.order.actions.cancel).toEqual({ offered: true, until: null })
    expect(fresh.body.order.actions.return).toEqual({
      offered: false,
      // The demo store's returns need delivery: "once it has arrived", before and after shipping.
      reason: { code: 'not_delivered_yet' },
    })
    const delivered = await getJson<OrderDetailResponse>(ctx, `/v1/orders/${id(1006)}`, headers)
    expect(delivered.body.order.actions.return.offered).toBe(true)
    ctx.clock.advance(26 * 86_400_000)
    const later = await getJson<OrderDetailResponse>(
      ctx,
      `/v1/orders/${id(1006)}`,
      await signIn(ctx, ada),
    )
    expect(later.body.order.actions.return).toMatchObject({
      offered: false,
      reason: { code: 'return_window_closed' },
    })
  })

  it('uses the store’s own rules and reasons', async () => {
    const ctx = await createTestApp()
    await ctx.db
      .updateTable('stores')
      .set({
        settings: JSON.stringify({
          orderRules: {
            cancel: { enabled: false },
            issueReasons: {
              delivered: [{ code: 'smells_odd', labels: { en: 'It smells odd' } }],
            },
          },
        }),
      })
      .where('id', '=', DEMO_STORE_ID)
      .execute()
    const headers = await signIn(ctx, ada)
    const fresh = await getJson<OrderDetailResponse>(ctx, `/v1/orders/${id(1001)}`, headers)
    expect(fresh.body.order.actions.cancel).toEqual({
      offered: false,
      reason: { code: 'action_disabled' },
    })
    const delivered = await getJson<OrderDetailResponse>(ctx, `/v1/orders/${id(1006)}`, headers)
    expect(delivered.body.order.issue.reasons).toEqual([
      { code: 'smells_odd', labels: { en: 'It smells odd' } },
    ])
  })

  it('logs and survives broken store rules', async () => {
    const ctx = await createTestApp()
    await ctx.db
      .updateTable('stores')
      .set({ settings: JSON.stringify({ orderRules: { return: { window: 'forever' } } }) })
      .where('id', '=', DEMO_STORE_ID)
      .execute()
    const { status, body } = await getJson<OrderDetailResponse>(
      ctx,
      `/v1/orders/${id(1006)}`,
      await signIn(ctx, ada),
    )
    expect(status).toBe(200)
    expect(body.order.actions.return.offered).toBe(true)
    expect(ctx.logger.lines.some((l) => String(l['msg']).includes('order rules'))).toBe(true)
  })

  it('answers 404 for another shopper’s order in the same store', async () => {
    const ctx = await createTestApp()
    const res = await ctx.app.request(`/v1/orders/${id(1012)}`, {
      headers: await signIn(ctx, ada),
    })
    expect(res.status).toBe(404)
    expect(errorCode(await res.json())).toBe('order_not_found')
    // Bruno, its owner, can read it.
    const own = await ctx.app.request(`/v1/orders/${id(1012)}`, {
      headers: await signIn(ctx, bruno),
    })
    expect(own.status).toBe(200)
  })

  it('answers 404 for a phone-only order read with the same person’s email session', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, { kind: 'email', value: DEMO_SHOPPERS.chidi.email })
    const res = await ctx.app.request(`/v1/orders/${id(1029)}`, { headers })
    expect(res.status).toBe(404)
  })

  it('answers 404 for the shopper’s own order in another store', async () => {
    const ctx = await createTestApp()
    await addOtherStore(ctx)
    const headers = await signIn(ctx, ada)
    const res = await ctx.app.request(`/v1/orders/${id(1001, 'st_other')}`, { headers })
    expect(res.status).toBe(404)
    expect(errorCode(await res.json())).toBe('order_not_found')
    // A session of the other store reads it, and not the demo store's copy.
    const other = await mintShopperSession(ctx, 'st_other', ada)
    const there = await ctx.app.request(`/v1/orders/${id(1001, 'st_other')}`, {
      headers: other.headers,
    })
    expect(there.status).toBe(200)
    const back = await ctx.app.request(`/v1/orders/${id(1001)}`, { headers: other.headers })
    expect(back.status).toBe(404)
  })

  it.each([['does-not-exist'], ['ord_' + 'x'.repeat(70)], ['%27%20or%201%3D1'], ['..%2F..']])(
    'answers 404 for an id that is not an order (%s)',
    async (orderId) => {
      const ctx = await createTestApp()
      const res = await ctx.app.request(`/v1/orders/${orderId}`, {
        headers: await signIn(ctx, ada),
      })
      expect(res.status).toBe(404)
    },
  )

  it('refuses unknown query parameters on the order page', async () => {
    const ctx = await createTestApp()
    const res = await ctx.app.request(`/v1/orders/${id(1001)}?limit=3`, {
      headers: await signIn(ctx, ada),
    })
    expect(res.status).toBe(400)
    expect(errorCode(await res.json())).toBe('validation_failed')
  })
})
