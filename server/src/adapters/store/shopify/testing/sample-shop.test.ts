import { describe, expect, it } from 'vitest'
import { returnEligibility } from '@porchlight/shared/orders/eligibility'
import { DEFAULT_ORDER_RULES } from '@porchlight/shared/orders/settings'
import { mapOrder } from '../map-order.ts'
import { sampleShop } from './sample-shop.ts'

const TODAY = new Date('2026-11-22T08:00:00Z')

describe('sample shop', () => {
  it('holds one order per portal state, all mapping without unknown values', () => {
    const shop = sampleShop({ today: TODAY })
    const unknown: string[] = []
    const orders = [...shop.orders.values()].map((o) =>
      mapOrder(o, (f, v) => unknown.push(`${f}=${v}`)),
    )
    expect(unknown).toEqual([])
    expect(orders.map((o) => [o.id, o.status, o.financialStatus, o.fulfillmentStatus])).toEqual([
      ['1001', 'open', 'paid', 'unfulfilled'],
      ['1002', 'open', 'paid', 'fulfilled'],
      ['1003', 'open', 'paid', 'fulfilled'],
      ['1004', 'open', 'paid', 'delivered'],
      ['1005', 'open', 'paid', 'ready_for_pickup'],
      ['1006', 'cancelled', 'refunded', 'cancelled'],
      ['1007', 'open', 'partially_refunded', 'unfulfilled'],
      ['1008', 'open', 'paid', 'delivered'],
    ])
    expect(orders.every((o) => o.phone === '+33612345678')).toBe(true)
    // Paid at checkout; refunds and cancellations on the timeline, as on the demo store.
    for (const o of orders) {
      expect(Date.parse(o.paidAt ?? ''), `${o.id} paid`).toBeGreaterThan(Date.parse(o.createdAt))
    }
    expect(orders.map((o) => [o.id, o.refunds?.map((r) => r.amount.amount) ?? []])).toContainEqual([
      '1007',
      [2000],
    ])
    expect(orders.find((o) => o.id === '1006')?.cancelReason).toBe('customer')
    // Parcels leave after the order is placed and before their first carrier event, so the
    // latest thing a shopper reads is the carrier's latest word.
    for (const o of orders) {
      for (const s of o.shipments) {
        expect(Date.parse(s.createdAt), `${o.id} shipped after placed`).toBeGreaterThan(
          Date.parse(o.createdAt),
        )
        for (const e of s.events) {
          expect(Date.parse(e.at), `${o.id} event after shipping`).toBeGreaterThan(
            Date.parse(s.createdAt),
          )
        }
      }
    }
  })

  it('dates #1008 from the day it opens, so its return window is open on any day', () => {
    for (const today of [TODAY, new Date('2027-03-01T23:59:00Z')]) {
      const orders = [...sampleShop({ today }).orders.values()].map((o) => mapOrder(o, () => {}))
      const recent = orders.find((o) => o.id === '1008')!
      expect(returnEligibility(recent, DEFAULT_ORDER_RULES, today)).toMatchObject({
        eligible: true,
      })
      expect(
        recent.lineItems.map((l) => [l.title, l.quantity, l.price.amount, l.imageUrl !== null]),
      ).toEqual([
        ['Stoneware mug', 2, 1800, true],
        ['Linen napkins', 1, 2400, true],
      ])
      // Both lines went out in the one parcel that arrived, the newest of the shopper's orders.
      expect(recent.shipments.map((s) => s.events.map((e) => e.kind))).toEqual([
        ['delivered', 'out_for_delivery', 'in_transit', 'label_created'],
      ])
      expect(Math.max(...orders.map((o) => Date.parse(o.createdAt)))).toBe(
        Date.parse(recent.createdAt),
      )
      expect(Date.parse(recent.shipments[0]!.events[0]!.at)).toBeLessThan(today.getTime())
      // The parcel delivered in December is past its window, whatever the day.
      const old = orders.find((o) => o.id === '1004')!
      expect(returnEligibility(old, DEFAULT_ORDER_RULES, today)).toMatchObject({
        eligible: false,
        reason: { code: 'return_window_closed' },
      })
    }
  })
})
