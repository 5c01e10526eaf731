import { describe, expect, it } from 'vitest'
import { mapOrder } from '../map-order.ts'
import { sampleShop } from './sample-shop.ts'

describe('sample shop', () => {
  it('holds one order per portal state, all mapping without unknown values', () => {
    const shop = sampleShop()
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
})
