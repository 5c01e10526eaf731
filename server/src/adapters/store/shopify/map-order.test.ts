import { describe, expect, it } from 'vitest'
import { mapOrder, snapshotVersion } from './map-order.ts'
import { knownValues } from './status-mapping.ts'
import {
  customer,
  fulfillment,
  fulfillmentEvent,
  lineItem,
  order,
  refundRecord,
  saleTransaction,
} from './testing/fake-orders.ts'
import { orderTimeline } from '@porchlight/shared/orders/timeline'

function mapped(raw: ReturnType<typeof order>) {
  const unknown: Array<[string, string]> = []
  const result = mapOrder(raw, (field, value) => unknown.push([field, value]))
  return { order: result, unknown }
}

describe('Shopify order mapping: order-level statuses', () => {
  const financial: Record<string, string> = {
    PENDING: 'pending',
    AUTHORIZED: 'authorized',
    PARTIALLY_PAID: 'partially_paid',
    PAID: 'paid',
    PARTIALLY_REFUNDED: 'partially_refunded',
    REFUNDED: 'refunded',
    VOIDED: 'voided',
    EXPIRED: 'voided',
  }
  it('covers every OrderDisplayFinancialStatus we know', () => {
    expect(Object.keys(financial).sort()).toEqual(
      [...knownValues.OrderDisplayFinancialStatus].sort(),
    )
  })
  it.each(Object.entries(financial))('maps displayFinancialStatus %s to %s', (value, expected) => {
    const { order: o, unknown } = mapped(order({ displayFinancialStatus: value }))
    expect(o.financialStatus).toBe(expected)
    expect(unknown).toEqual([])
  })

  const fulfilment: Record<string, string> = {
    UNFULFILLED: 'unfulfilled',
    OPEN: 'unfulfilled',
    RESTOCKED: 'unfulfilled',
    SCHEDULED: 'unfulfilled',
    PENDING_FULFILLMENT: 'in_progress',
    IN_PROGRESS: 'in_progress',
    ON_HOLD: 'on_hold',
    REQUEST_DECLINED: 'on_hold',
    PARTIALLY_FULFILLED: 'partially_fulfilled',
    FULFILLED: 'fulfilled',
    FULFILLMENT_NOT_REQUIRED: 'fulfilled',
  }
  it('covers every OrderDisplayFulfillmentStatus we know', () => {
    expect(Object.keys(fulfilment).sort()).toEqual(
      [...knownValues.OrderDisplayFulfillmentStatus].sort(),
    )
  })
  it.each(Object.entries(fulfilment))(
    'maps displayFulfillmentStatus %s to %s',
    (value, expected) => {
      expect(mapped(order({ displayFulfillmentStatus: value })).order.fulfillmentStatus).toBe(
        expected,
      )
    },
  )

  it('turns values from future API versions into unknown, and reports them', () => {
    const { order: o, unknown } = mapped(
      order({
        displayFinancialStatus: 'PARTIALLY_AUTHORIZED',
        displayFulfillmentStatus: 'TELEPORTED',
      }),
    )
    expect(o.financialStatus).toBe('unknown')
    expect(o.fulfillmentStatus).toBe('unknown')
    expect(unknown).toEqual([
      ['OrderDisplayFinancialStatus', 'PARTIALLY_AUTHORIZED'],
      ['OrderDisplayFulfillmentStatus', 'TELEPORTED'],
    ])
  })

  it('reads cancelled and closed orders', () => {
    const cancelled = mapped(
      order({ cancelledAt: '2026-01-09T08:00:00Z', closedAt: '2026-01-09T08:00:00Z' }),
    ).order
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.fulfillmentStatus).toBe('cancelled')
    expect(cancelled.cancelledAt).toBe('2026-01-09T08:00:00Z')
    const archived = mapped(order({ closedAt: '2026-01-20T08:00:00Z' })).order
    expect(archived.status).toBe('archived')
    expect(mapped(order()).order.status).toBe('open')
  })

  it('refines FULFILLED with where the shipments got to', () => {
    const li = lineItem()
    const withShipments = (...displayStatuses: string[]) =>
      mapped(
        order({
          lines: [li],
          displayFulfillmentStatus: 'FULFILLED',
          fulfillments: displayStatuses.map((d) => fulfillment([li], { displayStatus: d })),
        }),
      ).order.fulfillmentStatus
    expect(withShipments('DELIVERED', 'DELIVERED')).toBe('delivered')
    expect(withShipments('DELIVERED', 'IN_TRANSIT')).toBe('fulfilled')
    expect(withShipments('PICKED_UP')).toBe('picked_up')
    expect(withShipments('READY_FOR_PICKUP')).toBe('ready_for_pickup')
    expect(withShipments('DELIVERED', 'CANCELED')).toBe('delivered')
    expect(
      mapped(order({ returnStatus: 'RETURNED', displayFulfillmentStatus: 'FULFILLED' })).order
        .fulfillmentStatus,
    ).toBe('returned')
  })
})

describe('Shopify order mapping: shipments', () => {
  const events: Record<string, string> = {
    LABEL_PURCHASED: 'label_created',
    LABEL_PRINTED: 'label_created',
    CONFIRMED: 'shipped',
    CARRIER_PICKED_UP: 'carrier_picked_up',
    IN_TRANSIT: 'in_transit',
    OUT_FOR_DELIVERY: 'out_for_delivery',
    ATTEMPTED_DELIVERY: 'attempted_delivery',
    DELAYED: 'delayed',
    READY_FOR_PICKUP: 'ready_for_pickup',
    PICKED_UP: 'delivered',
    DELIVERED: 'delivered',
    FAILURE: 'failed',
  }
  it('covers every FulfillmentEventStatus we know', () => {
    expect(Object.keys(events).sort()).toEqual([...knownValues.FulfillmentEventStatus].sort())
  })
  it.each(Object.entries(events))('maps fulfillment event %s to %s', (status, kind) => {
    const li = lineItem()
    const raw = order({
      lines: [li],
      fulfillments: [
        fulfillment([li], {
          displayStatus: 'CONFIRMED',
          eventList: [fulfillmentEvent(status, '2026-01-11T07:30:00Z')],
        }),
      ],
    })
    const { order: o, unknown } = mapped(raw)
    expect(o.shipments[0]?.events).toEqual([{ kind, at: '2026-01-11T07:30:00Z' }])
    expect(unknown).toEqual([])
  })

  it('keeps an event status from a future API version as unknown, logged, never thrown', () => {
    const li = lineItem()
    const raw = order({
      lines: [li],
      fulfillments: [
        fulfillment([li], {
          displayStatus: 'CONFIRMED',
          eventList: [
            fulfillmentEvent('RETURNING_TO_SENDER', '2026-01-12T07:30:00Z'),
            fulfillmentEvent('IN_TRANSIT', '2026-01-11T07:30:00Z'),
          ],
        }),
      ],
    })
    const { order: o, unknown } = mapped(raw)
    expect(o.shipments[0]?.events.map((e) => e.kind)).toEqual(['unknown', 'in_transit'])
    expect(unknown).toEqual([['FulfillmentEventStatus', 'RETURNING_TO_SENDER']])
  })

  const display: Record<string, string | null> = {
    ATTEMPTED_DELIVERY: 'attempted_delivery',
    CANCELED: 'cancelled',
    CARRIER_PICKED_UP: 'carrier_picked_up',
    CONFIRMED: null,
    DELAYED: 'delayed',
    DELIVERED: 'delivered',
    FAILURE: 'failed',
    FULFILLED: null,
    IN_TRANSIT: 'in_transit',
    LABEL_PRINTED: 'label_created',
    LABEL_PURCHASED: 'label_created',
    LABEL_VOIDED: 'cancelled',
    MARKED_AS_FULFILLED: null,
    NOT_DELIVERED: 'failed',
    OUT_FOR_DELIVERY: 'out_for_delivery',
    PICKED_UP: 'delivered',
    READY_FOR_PICKUP: 'ready_for_pickup',
    SUBMITTED: null,
  }
  it('covers every FulfillmentDisplayStatus we know', () => {
    expect(Object.keys(display).sort()).toEqual([...knownValues.FulfillmentDisplayStatus].sort())
  })
  it.each(Object.entries(display))(
    'shows display status %s as %s when no tracking event says it',
    (displayStatus, kind) => {
      const li = lineItem()
      const raw = order({
        lines: [li],
        fulfillments: [fulfillment([li], { displayStatus, updatedAt: '2026-01-12T10:00:00Z' })],
      })
      const { order: o, unknown } = mapped(raw)
      expect(o.shipments[0]?.events).toEqual(
        kind === null ? [] : [{ kind, at: '2026-01-12T10:00:00Z' }],
      )
      expect(unknown).toEqual([])
    },
  )

  it('does not repeat a state the carrier already reported, and reports unknown display states', () => {
    const li = lineItem()
    const raw = order({
      lines: [li],
      fulfillments: [
        fulfillment([li], {
          displayStatus: 'DELAYED',
          eventList: [fulfillmentEvent('DELAYED', '2026-01-11T07:30:00Z')],
        }),
        fulfillment([li], { displayStatus: 'HOVERING' }),
      ],
    })
    const { order: o, unknown } = mapped(raw)
    expect(o.shipments[0]?.events).toHaveLength(1)
    expect(o.shipments[1]?.events).toEqual([])
    expect(unknown).toEqual([['FulfillmentDisplayStatus', 'HOVERING']])
  })

  it('maps tracking, dates, locations and lines', () => {
    const li = lineItem({ quantity: 2, currentQuantity: 2, refundableQuantity: 2 })
    const f = fulfillment([li], {
      displayStatus: 'IN_TRANSIT',
      createdAt: '2026-01-10T09:00:00Z',
      inTransitAt: '2026-01-10T18:00:00Z',
      estimatedDeliveryAt: null,
      eventList: [
        fulfillmentEvent('CARRIER_PICKED_UP', '2026-01-10T17:00:00Z', {
          city: 'Lyon',
          country: 'France',
          message: 'Pris en charge',
          estimatedDeliveryAt: '2026-01-13T00:00:00Z',
        }),
      ],
    })
    const o = mapped(
      order({ lines: [li], fulfillments: [f], displayFulfillmentStatus: 'FULFILLED' }),
    ).order
    const s = o.shipments[0]
    expect(s).toEqual({
      id: f.legacyResourceId,
      carrier: 'La Poste',
      trackingNumber: '6A12345678901',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
      estimatedDeliveryAt: '2026-01-13T00:00:00Z',
      createdAt: '2026-01-10T09:00:00Z',
      events: [
        {
          kind: 'carrier_picked_up',
          at: '2026-01-10T17:00:00Z',
          message: 'Pris en charge',
          location: 'Lyon, France',
        },
        { kind: 'in_transit', at: '2026-01-10T18:00:00Z' },
      ],
      lines: [{ lineItemId: li.id.split('/').pop(), quantity: 2 }],
    })
  })

  it.each(['javascript:alert(document.domain)', 'data:text/html,x', '/track', ''])(
    'keeps the tracking number but drops the tracking URL %j',
    (url) => {
      const li = lineItem()
      const f = fulfillment([li], {
        trackingInfo: [{ company: 'La Poste', number: '6A1', url }],
      })
      const s = mapped(order({ lines: [li], fulfillments: [f] })).order.shipments[0]
      expect(s).toMatchObject({ trackingNumber: '6A1', trackingUrl: null })
    },
  )

  it('turns deliveredAt into a delivery event when the carrier sent none', () => {
    const li = lineItem()
    const f = fulfillment([li], { displayStatus: 'FULFILLED', deliveredAt: '2026-01-12T15:00:00Z' })
    const o = mapped(
      order({ lines: [li], fulfillments: [f], displayFulfillmentStatus: 'FULFILLED' }),
    ).order
    expect(o.shipments[0]?.events).toEqual([{ kind: 'delivered', at: '2026-01-12T15:00:00Z' }])
    expect(o.fulfillmentStatus).toBe('delivered')
  })
})

describe('Shopify order mapping: the rest of the order', () => {
  it('maps money in the presentment currency, lines, addresses and payment', () => {
    const li = lineItem({ quantity: 3, currentQuantity: 2, refundableQuantity: 2, sku: null })
    const o = mapped(
      order({
        legacyResourceId: '5551234',
        name: '#1042',
        lines: [li],
        totalRefundedSet: { presentmentMoney: { amount: '49.00', currencyCode: 'EUR' } },
      }),
    ).order
    expect(o.id).toBe('5551234')
    expect(o.name).toBe('#1042')
    expect(o.currency).toBe('EUR')
    expect(o.totals).toEqual({
      subtotal: { amount: 4900, currency: 'EUR' },
      shipping: { amount: 590, currency: 'EUR' },
      tax: { amount: 915, currency: 'EUR' },
      discount: { amount: 0, currency: 'EUR' },
      total: { amount: 5490, currency: 'EUR' },
      paid: { amount: 5490, currency: 'EUR' },
      refunded: { amount: 4900, currency: 'EUR' },
    })
    expect(o.lineItems[0]).toMatchObject({
      title: 'Linen throw',
      variantTitle: 'Sand / Large',
      sku: null,
      quantity: 3,
      refundedQuantity: 1,
      price: { amount: 4900, currency: 'EUR' },
      giftCard: false,
    })
    expect(o.shippingAddress).toEqual({
      name: 'Ada Lovelace',
      company: null,
      line1: '12 Rue des Lilas',
      line2: null,
      city: 'Lyon',
      region: null,
      postalCode: '69003',
      country: 'FR',
      phone: '+33612345678',
    })
    expect(o.paymentMethod).toEqual({ kind: 'card', label: 'Visa •••• 4242' })
    expect(o.shippingMethod).toBe('Colissimo')
    expect(o.deliveryMethod).toBe('shipping')
  })

  it('names non-card payments and pickup or digital orders', () => {
    const paypal = order({
      transactions: [
        saleTransaction('10.00', {
          gateway: 'paypal',
          formattedGateway: 'PayPal',
          paymentDetails: null,
        }),
      ],
    })
    expect(mapped(paypal).order.paymentMethod).toEqual({ kind: 'paypal', label: 'PayPal' })
    const cod = order({ transactions: [], paymentGatewayNames: ['Cash on Delivery (COD)'] })
    expect(mapped(cod).order.paymentMethod?.kind).toBe('cash_on_delivery')
    const pickup = order({
      shippingLine: { title: 'Retrait en boutique', deliveryCategory: 'pick-up' },
    })
    expect(mapped(pickup).order.deliveryMethod).toBe('pickup')
    const digital = order({ shippingLine: null, requiresShipping: false })
    expect(mapped(digital).order.deliveryMethod).toBe('none')
  })

  it('falls back to the customer record for contact details, phone as E.164', () => {
    const o = mapped(
      order({
        email: null,
        phone: null,
        customer: customer({ email: 'c@example.com', phone: '+33 6 98 76 54 32' }),
      }),
    ).order
    expect(o.email).toBe('c@example.com')
    expect(o.phone).toBe('+33698765432')
  })

  it('versions a snapshot by its newest Shopify timestamp, shipments included', () => {
    const li = lineItem()
    const raw = order({
      lines: [li],
      updatedAt: '2026-01-10T00:00:00Z',
      fulfillments: [
        fulfillment([li], {
          updatedAt: '2026-01-11T00:00:00Z',
          eventList: [fulfillmentEvent('IN_TRANSIT', '2026-01-12T00:00:00Z')],
        }),
      ],
    })
    expect(snapshotVersion(raw)).toBe(Date.parse('2026-01-12T00:00:00Z'))
  })

  it('dates the payment by the first sale or capture that went through', () => {
    const at = (processedAt: string | null, over = {}) =>
      saleTransaction('54.90', { processedAt, ...over })
    const paid = order({
      transactions: [
        at('2026-01-08T10:20:00Z', { kind: 'AUTHORIZATION' }),
        at('2026-01-08T10:25:00Z', { status: 'FAILURE' }),
        at('2026-01-09T08:00:00Z', { kind: 'CAPTURE' }),
        at('2026-01-08T10:30:00Z'),
      ],
    })
    expect(mapped(paid).order.paidAt).toBe('2026-01-08T10:30:00Z')
    const authorizedOnly = order({
      transactions: [at('2026-01-08T10:20:00Z', { kind: 'AUTHORIZATION' })],
    })
    expect(mapped(authorizedOnly).order.paidAt).toBeNull()
    // Snapshots cached before processedAt was selected have none: no date rather than a guess.
    const cached = order({ transactions: [saleTransaction('54.90')] })
    delete cached.transactions[0]!.processedAt
    expect(mapped(cached).order.paidAt).toBeNull()
  })

  it('lists refunds with their lines, and puts payment and refunds on the timeline', () => {
    const li = lineItem()
    const raw = order({
      lines: [li],
      refunds: [
        refundRecord('49.00', '2026-01-12T09:00:00Z', [{ lineItemId: li.id, quantity: 1 }]),
        refundRecord('5.90', '2026-01-11T09:00:00Z'),
        { ...refundRecord('1.00', '2026-01-13T09:00:00Z'), createdAt: null },
      ],
    })
    const o = mapped(raw).order
    expect(o.refunds).toEqual([
      {
        id: expect.any(String),
        createdAt: '2026-01-12T09:00:00Z',
        amount: { amount: 4900, currency: 'EUR' },
        lines: [{ lineItemId: li.id.replace(/^.*\//, ''), quantity: 1 }],
      },
      {
        id: expect.any(String),
        createdAt: '2026-01-11T09:00:00Z',
        amount: { amount: 590, currency: 'EUR' },
        lines: [],
      },
    ])
    expect(orderTimeline(o).order.map((e) => e.kind)).toEqual([
      'order_placed',
      'payment_received',
      'refund_issued',
      'refund_issued',
    ])
    // Cached before refunds were selected: none, not a failure.
    const cached = order()
    delete cached.refunds
    expect(mapped(cached).order.refunds).toEqual([])
  })

  it('maps why an order was cancelled, reporting reasons it does not know', () => {
    const reasons: Record<string, string> = {
      CUSTOMER: 'customer',
      DECLINED: 'declined',
      FRAUD: 'fraud',
      INVENTORY: 'inventory',
      OTHER: 'other',
      STAFF: 'other',
    }
    expect(Object.keys(reasons).sort()).toEqual([...knownValues.OrderCancelReason].sort())
    for (const [value, expected] of Object.entries(reasons)) {
      const o = order({ cancelledAt: '2026-01-09T00:00:00Z', cancelReason: value })
      expect(mapped(o).order.cancelReason).toBe(expected)
    }
    const future = mapped(order({ cancelledAt: '2026-01-09T00:00:00Z', cancelReason: 'GHOSTED' }))
    expect(future.order.cancelReason).toBe('unknown')
    expect(future.unknown).toEqual([['OrderCancelReason', 'GHOSTED']])
    expect(mapped(order({ cancelReason: 'CUSTOMER' })).order.cancelReason).toBeNull()
  })
})
