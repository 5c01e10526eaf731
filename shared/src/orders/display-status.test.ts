import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DISPLAY_STATUS_CODES, displayStatus, type DisplayStatusCode } from './display-status.ts'
import type { Order } from './model.ts'
import { anyOrder } from './test-support/order-arbitrary.ts'
import {
  at,
  makeLine,
  makeOrder,
  makeShipment,
  shippedOrder,
} from './test-support/order-builder.ts'

const table: Array<[string, Order, DisplayStatusCode]> = [
  ['a paid order nobody started on', makeOrder(), 'unfulfilled'],
  [
    'an unpaid cash-on-delivery order',
    makeOrder({
      financialStatus: 'pending',
      paymentMethod: { kind: 'cash_on_delivery', label: 'COD' },
    }),
    'unfulfilled',
  ],
  ['an order being prepared', makeOrder({ fulfillmentStatus: 'in_progress' }), 'processing'],
  ['an order on hold', makeOrder({ fulfillmentStatus: 'on_hold' }), 'processing'],
  [
    'a fulfilled order with no tracking yet',
    makeOrder({ fulfillmentStatus: 'fulfilled' }),
    'pending_delivery',
  ],
  ['a shipment with only a label', shippedOrder([['label_created', at(1)]]), 'pending_delivery'],
  [
    'a parcel the carrier picked up',
    shippedOrder([
      ['label_created', at(1)],
      ['carrier_picked_up', at(2)],
    ]),
    'in_transit',
  ],
  [
    'a delayed parcel',
    shippedOrder([
      ['in_transit', at(2)],
      ['delayed', at(3)],
    ]),
    'in_transit',
  ],
  ['a parcel out for delivery', shippedOrder([['out_for_delivery', at(3)]]), 'out_for_delivery'],
  [
    'a missed delivery',
    shippedOrder([
      ['out_for_delivery', at(3)],
      ['attempted_delivery', at(3, 4)],
    ]),
    'attempted_delivery',
  ],
  [
    'a parcel waiting at a pickup point',
    shippedOrder([['ready_for_pickup', at(4)]]),
    'ready_for_pickup',
  ],
  [
    'a store pickup order ready',
    makeOrder({ deliveryMethod: 'pickup', fulfillmentStatus: 'ready_for_pickup' }),
    'ready_for_pickup',
  ],
  ['a delivered parcel', shippedOrder([['delivered', at(4)]]), 'delivered'],
  [
    'a picked-up pickup order',
    makeOrder({ deliveryMethod: 'pickup', fulfillmentStatus: 'picked_up' }),
    'delivered',
  ],
  [
    'a gift card (nothing to carry)',
    makeOrder({ deliveryMethod: 'none', fulfillmentStatus: 'fulfilled' }),
    'delivered',
  ],
  [
    'a failed delivery',
    shippedOrder([
      ['in_transit', at(2)],
      ['failed', at(5)],
    ]),
    'failed_delivery',
  ],
  [
    'a cancelled order, refunded',
    makeOrder({ status: 'cancelled', cancelledAt: at(1), financialStatus: 'refunded' }),
    'cancelled',
  ],
  [
    'a refunded delivered order',
    shippedOrder([['delivered', at(4)]], { financialStatus: 'refunded' }),
    'refunded',
  ],
  [
    'a partially refunded delivered order',
    shippedOrder([['delivered', at(4)]], { financialStatus: 'partially_refunded' }),
    'partially_refunded',
  ],
  [
    'a partially refunded order still in transit (tracking comes first)',
    shippedOrder([['in_transit', at(2)]], { financialStatus: 'partially_refunded' }),
    'in_transit',
  ],
  [
    'an unknown fulfilment status',
    makeOrder({ fulfillmentStatus: 'unknown' }),
    'status_unavailable',
  ],
  ['an unknown order status', makeOrder({ status: 'unknown' }), 'status_unavailable'],
  [
    'an archived delivered order',
    shippedOrder([['delivered', at(4)]], { status: 'archived', closedAt: at(5) }),
    'delivered',
  ],
]

describe('displayStatus', () => {
  it.each(table)('%s → %s', (_name, order, expected) => {
    expect(displayStatus(order).code).toBe(expected)
  })

  it('says "arriving on" the earliest estimate of parcels still on their way', () => {
    const order = makeOrder({
      fulfillmentStatus: 'fulfilled',
      lineItems: [makeLine(), makeLine({ id: 'li_2' })],
      shipments: [
        makeShipment([['delivered', at(3)]], { id: 'a', estimatedDeliveryAt: at(2) }),
        makeShipment([['in_transit', at(3)]], { id: 'b', estimatedDeliveryAt: at(6) }),
        makeShipment([['in_transit', at(3)]], { id: 'c', estimatedDeliveryAt: at(5) }),
      ],
    })
    expect(displayStatus(order)).toEqual({ code: 'in_transit', estimatedDeliveryAt: at(5) })
  })

  it('drops an estimate more than a day past, keeping a later parcel’s', () => {
    const order = makeOrder({
      fulfillmentStatus: 'fulfilled',
      lineItems: [makeLine(), makeLine({ id: 'li_2' })],
      shipments: [
        makeShipment([['in_transit', at(3)]], { id: 'b', estimatedDeliveryAt: at(5) }),
        makeShipment([['in_transit', at(3)]], { id: 'c', estimatedDeliveryAt: at(9) }),
      ],
    })
    const now = (iso: string) => new Date(iso)
    // A day's grace: "arriving today" stays through the day it was due.
    expect(displayStatus(order, now(at(6))).estimatedDeliveryAt).toBe(at(5))
    expect(displayStatus(order, now(at(6, 1))).estimatedDeliveryAt).toBe(at(9))
    expect(displayStatus(order, now(at(10, 1))).estimatedDeliveryAt).toBeNull()
    expect(displayStatus(order, now(at(10, 1))).code).toBe('in_transit')
  })

  it('gives no estimate once delivered', () => {
    const order = shippedOrder([['delivered', at(3)]])
    order.shipments[0]!.estimatedDeliveryAt = at(4)
    expect(displayStatus(order).estimatedDeliveryAt).toBeNull()
  })

  it('shows the parcel that needs attention when shipments disagree', () => {
    const order = makeOrder({
      fulfillmentStatus: 'fulfilled',
      shipments: [
        makeShipment([['delivered', at(3)]], { id: 'a' }),
        makeShipment([['failed', at(4)]], { id: 'b' }),
      ],
    })
    expect(displayStatus(order).code).toBe('failed_delivery')
  })

  it('keeps a partially fulfilled order in processing once its first parcel arrived', () => {
    const order = makeOrder({
      fulfillmentStatus: 'partially_fulfilled',
      lineItems: [makeLine(), makeLine({ id: 'li_2' })],
      shipments: [makeShipment([['delivered', at(3)]])],
    })
    expect(displayStatus(order).code).toBe('processing')
  })

  it('ignores cancelled shipments and events it cannot date', () => {
    const order = makeOrder({
      fulfillmentStatus: 'fulfilled',
      shipments: [
        makeShipment(
          [
            ['delivered', 'yesterday'],
            ['in_transit', at(2)],
          ],
          { id: 'a' },
        ),
        makeShipment(
          [
            ['failed', at(3)],
            ['cancelled', at(4)],
          ],
          { id: 'b' },
        ),
      ],
    })
    expect(displayStatus(order).code).toBe('in_transit')
  })

  it('reads events by time, not by their order in the list', () => {
    const order = shippedOrder([
      ['delivered', at(5)],
      ['in_transit', at(2)],
      ['out_for_delivery', at(5)],
    ])
    expect(displayStatus(order).code).toBe('delivered')
  })

  it('gives every generated order exactly one known status and never throws', () => {
    fc.assert(
      fc.property(anyOrder, (order) => {
        const status = displayStatus(order)
        expect(DISPLAY_STATUS_CODES).toContain(status.code)
        // Deterministic: the same order always reads the same.
        expect(displayStatus(structuredClone(order))).toEqual(status)
      }),
      { numRuns: 500 },
    )
  })

  it('shows cancelled for every cancelled order and refunded for every refunded open one', () => {
    fc.assert(
      fc.property(anyOrder, (order) => {
        const { code } = displayStatus(order)
        if (order.status === 'cancelled') expect(code).toBe('cancelled')
        else if (order.status !== 'unknown' && order.financialStatus === 'refunded') {
          expect(code).toBe('refunded')
        }
      }),
      { numRuns: 300 },
    )
  })
})
