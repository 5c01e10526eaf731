import { isValidPhoneNumber } from 'libphonenumber-js'
import { isValidPhoneNumber as isValidWithFullMetadata } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { DISPLAY_STATUS_CODES, displayStatus } from '@porchlight/shared/orders/display-status'
import { returnEligibility } from '@porchlight/shared/orders/eligibility'
import { DEFAULT_ORDER_RULES } from '@porchlight/shared/orders/settings'
import { createDemoStoreAdapter } from '../adapters/store/demo/demo-store-adapter.ts'
import { normalizePhone } from '../services/auth/identifier.ts'
import { createTestApp, testDialect } from '../test/harness.ts'
import { buildDemoOrders, demoOrderId, seedDemoOrders } from './demo-orders.ts'
import { DEMO_SHOPPERS } from './demo-shoppers.ts'
import { DEMO_STORE_ID } from './demo-store.ts'

const now = new Date('2026-05-10T09:00:00Z')
const orders = buildDemoOrders(DEMO_STORE_ID, now)

describe('demo order fixture', () => {
  it('has at least 25 orders across at least 3 shoppers with emails and E.164 phones', () => {
    expect(orders.length).toBeGreaterThanOrEqual(25)
    const shoppers = Object.values(DEMO_SHOPPERS)
    expect(shoppers.length).toBeGreaterThanOrEqual(3)
    for (const shopper of shoppers) {
      expect(shopper.phone).toMatch(/^\+[1-9]\d{6,14}$/)
      // Valid whichever metadata the sign-in uses, or a demo shopper could not sign in by SMS.
      expect(isValidPhoneNumber(shopper.phone)).toBe(true)
      expect(isValidWithFullMetadata(shopper.phone)).toBe(true)
      // A number the sign-in takes for texts (a mobile), or the demo could not sign in by SMS.
      expect(normalizePhone(shopper.phone)).toEqual({ ok: true, value: shopper.phone })
      expect(orders.filter((o) => o.email === shopper.email).length).toBeGreaterThanOrEqual(5)
    }
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length)
  })

  it('covers every display status', () => {
    const seen = new Set(orders.map((o) => displayStatus(o).code))
    expect([...DISPLAY_STATUS_CODES].filter((code) => !seen.has(code))).toEqual([])
  })

  it('covers the cases a support widget must get right', () => {
    const has = (what: string, test: (o: (typeof orders)[number]) => boolean) =>
      expect(orders.some(test), what).toBe(true)
    has(
      'partial fulfilment with two shipments',
      (o) => o.fulfillmentStatus === 'partially_fulfilled' && o.shipments.length === 2,
    )
    has('partial refund', (o) => o.financialStatus === 'partially_refunded')
    has(
      'unpaid cash on delivery',
      (o) => o.paymentMethod?.kind === 'cash_on_delivery' && o.financialStatus === 'pending',
    )
    has('pickup order', (o) => o.deliveryMethod === 'pickup')
    has('cancelled order', (o) => o.status === 'cancelled')
    has('archived order', (o) => o.status === 'archived')
    has('final-sale item', (o) => o.lineItems.some((l) => l.finalSale))
    has('past its return window', (o) => {
      const e = returnEligibility(o, DEFAULT_ORDER_RULES, now)
      return !e.eligible && e.reason.code === 'return_window_closed'
    })
    has('return offered', (o) => returnEligibility(o, DEFAULT_ORDER_RULES, now).eligible)
  })

  it('has totals that add up and refunds within what was paid', () => {
    for (const o of orders) {
      const t = o.totals
      expect(t.subtotal.amount + t.shipping.amount + t.tax.amount - t.discount.amount).toBe(
        t.total.amount,
      )
      const refunded = (o.refunds ?? []).reduce((sum, r) => sum + r.amount.amount, 0)
      expect(t.refunded.amount).toBe(refunded)
      expect(refunded).toBeLessThanOrEqual(t.paid.amount)
      for (const s of o.shipments) {
        for (const line of s.lines) expect(o.lineItems.map((l) => l.id)).toContain(line.lineItemId)
      }
    }
  })

  it('dates everything relative to the seed time', () => {
    const later = buildDemoOrders(DEMO_STORE_ID, new Date(now.getTime() + 86_400_000))
    orders.forEach((o, i) => {
      expect(Date.parse(later[i]!.createdAt) - Date.parse(o.createdAt)).toBe(86_400_000)
      expect(Date.parse(o.createdAt)).toBeLessThanOrEqual(now.getTime())
    })
  })

  it('gives each store its own order ids', () => {
    expect(demoOrderId('st_a', 1001)).not.toBe(demoOrderId('st_b', 1001))
    expect(demoOrderId('st_a', 1001)).toBe(demoOrderId('st_a', 1001))
  })
})

describe(`seedDemoOrders (${testDialect})`, () => {
  it('is idempotent and never resets an order changed since', async () => {
    const ctx = await createTestApp()
    const count = await ctx.db
      .selectFrom('demo_orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(orders.length)
    const adapter = createDemoStoreAdapter({ db: ctx.db, storeId: DEMO_STORE_ID, clock: ctx.clock })
    const first = demoOrderId(DEMO_STORE_ID, 1001)
    await adapter.cancelOrder(first, { reason: 'customer', refund: true, restock: true })
    ctx.clock.advance(3_600_000)
    expect(await seedDemoOrders(ctx.db, ctx.clock.now())).toBe(0)
    expect((await adapter.getOrder(first))?.status).toBe('cancelled')
  })
})
