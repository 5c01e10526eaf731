/**
 * Builders for orders in tests: a plain, paid, unfulfilled order that each test bends into the
 * state it needs. Test support only; nothing in the product imports this.
 */
import type { LineItem, Order, Shipment, ShipmentEvent, ShipmentEventKind } from '../model.ts'

export const T0 = Date.parse('2026-03-01T10:00:00Z')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** ISO time `days` after T0 (negative: before). */
export function at(days: number, hours = 0): string {
  return new Date(T0 + days * DAY + hours * HOUR).toISOString()
}

export function makeLine(overrides: Partial<LineItem> = {}): LineItem {
  return {
    id: 'li_1',
    title: 'Linen throw',
    variantTitle: 'Sand',
    sku: 'LT-SAND',
    quantity: 1,
    price: { amount: 4500, currency: 'EUR' },
    imageUrl: null,
    finalSale: false,
    giftCard: false,
    refundedQuantity: 0,
    ...overrides,
  }
}

export function makeShipment(
  events: Array<[ShipmentEventKind, string]> = [],
  overrides: Partial<Shipment> = {},
): Shipment {
  return {
    id: 'sh_1',
    carrier: 'Colissimo',
    trackingNumber: '6A123',
    trackingUrl: 'https://track.example/6A123',
    estimatedDeliveryAt: null,
    createdAt: at(1),
    events: events.map(([kind, when]): ShipmentEvent => ({ kind, at: when })),
    lines: [{ lineItemId: 'li_1', quantity: 1 }],
    ...overrides,
  }
}

export function makeOrder(overrides: Partial<Order> = {}): Order {
  const money = (amount: number) => ({ amount, currency: 'EUR' })
  return {
    id: 'o_1',
    name: '#1001',
    email: 'ada@example.com',
    phone: '+33639980001',
    createdAt: at(0),
    updatedAt: at(0),
    cancelledAt: null,
    closedAt: null,
    status: 'open',
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    deliveryMethod: 'shipping',
    shippingMethod: 'Standard',
    shippingAddress: null,
    billingAddress: null,
    paymentMethod: { kind: 'card', label: 'Visa •••• 4242' },
    lineItems: [makeLine()],
    shipments: [],
    totals: {
      subtotal: money(4500),
      shipping: money(500),
      tax: money(0),
      discount: money(0),
      total: money(5000),
      paid: money(5000),
      refunded: money(0),
    },
    currency: 'EUR',
    tags: [],
    ...overrides,
  }
}

/** A fulfilled order whose one shipment went through the given events. */
export function shippedOrder(
  events: Array<[ShipmentEventKind, string]>,
  overrides: Partial<Order> = {},
): Order {
  return makeOrder({
    fulfillmentStatus: 'fulfilled',
    shipments: [makeShipment(events)],
    ...overrides,
  })
}
