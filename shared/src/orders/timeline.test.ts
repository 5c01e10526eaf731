import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderTimeline } from './timeline.ts'
import { anyOrder } from './test-support/order-arbitrary.ts'
import { at, makeLine, makeOrder, makeShipment } from './test-support/order-builder.ts'

describe('orderTimeline', () => {
  it('lists the order milestones in time order', () => {
    const order = makeOrder({
      paidAt: at(0, 1),
      cancelledAt: at(2),
      status: 'cancelled',
      refunds: [
        { id: 'r2', createdAt: at(2, 1), amount: { amount: 5000, currency: 'EUR' }, lines: [] },
      ],
    })
    const { order: entries } = orderTimeline(order)
    expect(entries.map((e) => [e.kind, e.at])).toEqual([
      ['order_placed', at(0)],
      ['payment_received', at(0, 1)],
      ['order_cancelled', at(2)],
      ['refund_issued', at(2, 1)],
    ])
    expect(entries[3]!.amount).toEqual({ amount: 5000, currency: 'EUR' })
  })

  it('gives each shipment its own events, sorted, with carrier text kept as is', () => {
    const order = makeOrder({
      fulfillmentStatus: 'partially_fulfilled',
      lineItems: [makeLine(), makeLine({ id: 'li_2' })],
      shipments: [
        makeShipment([], { id: 'late', createdAt: at(3) }),
        {
          ...makeShipment([], { id: 'early', createdAt: at(1), estimatedDeliveryAt: at(4) }),
          events: [
            { kind: 'in_transit', at: at(2), message: '<b>Sorting</b>', location: 'Lyon' },
            { kind: 'label_created', at: at(1, 2) },
          ],
        },
      ],
    })
    const { shipments } = orderTimeline(order)
    expect(shipments.map((s) => s.shipmentId)).toEqual(['early', 'late'])
    const early = shipments[0]!
    expect(early.state).toBe('in_transit')
    expect(early.estimatedDeliveryAt).toBe(at(4))
    expect(early.entries).toEqual([
      { kind: 'fulfilled', at: at(1), message: null, location: null },
      { kind: 'label_created', at: at(1, 2), message: null, location: null },
      { kind: 'in_transit', at: at(2), message: '<b>Sorting</b>', location: 'Lyon' },
    ])
    expect(shipments[1]!.entries.map((e) => e.kind)).toEqual(['fulfilled'])
  })

  it('breaks ties between equal times by the parcel’s lifecycle', () => {
    const order = makeOrder({
      shipments: [
        makeShipment([
          ['delivered', at(3)],
          ['out_for_delivery', at(3)],
        ]),
      ],
    })
    const kinds = orderTimeline(order).shipments[0]!.entries.map((e) => e.kind)
    expect(kinds).toEqual(['fulfilled', 'out_for_delivery', 'delivered'])
  })

  it('says picked up for a pickup order and keeps unknown events only with a message', () => {
    const order = makeOrder({
      deliveryMethod: 'pickup',
      shipments: [
        {
          ...makeShipment([]),
          events: [
            { kind: 'ready_for_pickup', at: at(2) },
            { kind: 'unknown', at: at(2, 1) },
            { kind: 'unknown', at: at(2, 2), message: 'Parcel at the counter' },
            { kind: 'delivered', at: at(3) },
            { kind: 'in_transit', at: 'garbled' },
          ],
        },
      ],
    })
    const entries = orderTimeline(order).shipments[0]!.entries
    expect(entries.map((e) => e.kind)).toEqual([
      'fulfilled',
      'ready_for_pickup',
      'update',
      'picked_up',
    ])
    expect(entries[2]!.message).toBe('Parcel at the counter')
  })

  it('keeps every list in time order for any order', () => {
    fc.assert(
      fc.property(anyOrder, (order) => {
        const timeline = orderTimeline(order)
        const lists = [timeline.order, ...timeline.shipments.map((s) => s.entries)]
        for (const list of lists) {
          const times = list.map((e) => Date.parse(e.at))
          for (const t of times) expect(Number.isNaN(t)).toBe(false)
          for (let i = 1; i < times.length; i++)
            expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!)
        }
        expect(timeline.shipments).toHaveLength(order.shipments.length)
      }),
      { numRuns: 500 },
    )
  })
})
