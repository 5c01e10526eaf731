/**
 * Orders as the server sends them, for the panel's DOM tests (shapes of shared/src/api/orders.ts
 * and requests.ts), and a signed-in start. Only tests import this file.
 */
import type { OrderListItem } from '@porchlight/shared/api/orders'
import type { RequestSummary } from '@porchlight/shared/api/requests'
import type { OrderView } from './order-view.ts'
import { STORE_KEY, type FakeServer } from './test-support.tsx'

// The server formats for its locale; the panel formats from the raw values, so `formatted`
// here is deliberately not what the panel shows.
const date = (iso: string) => ({ iso, formatted: `server:${iso}` })
const gbp = (amount: number) => ({ amount, currency: 'GBP', formatted: `server:${amount}` })

export function listItem(overrides: Partial<OrderListItem> = {}): OrderListItem {
  return {
    id: 'ord_1028',
    name: '#1028',
    createdAt: date('2026-11-04T12:00:00Z'),
    status: { code: 'delivered', estimatedDeliveryAt: null },
    lastEvent: {
      kind: 'delivered',
      at: date('2026-11-07T12:00:00Z'),
      message: null,
      location: 'London',
    },
    trackingUrl: 'https://tracking.example.com/LL10281',
    total: gbp(9295),
    itemCount: 3,
    preview: { title: 'Speckled stoneware mug', imageUrl: null, quantity: 1 },
    ...overrides,
  }
}

export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  const address = {
    name: 'Chidi Okafor',
    company: null,
    line1: '221 Camden High Street',
    line2: null,
    city: 'London',
    region: null,
    postalCode: 'NW1 7BU',
    country: 'GB',
    phone: null,
    lines: ['Chidi Okafor', '221 Camden High Street', 'London, NW1 7BU', 'United Kingdom'],
  }
  return {
    id: 'ord_1028',
    name: '#1028',
    createdAt: date('2026-11-04T12:00:00Z'),
    status: { code: 'delivered', estimatedDeliveryAt: null },
    summary: {
      name: '#1028',
      placedAt: date('2026-11-04T12:00:00Z'),
      itemCount: 3,
      shipping: {
        deliveryMethod: 'shipping',
        method: 'Standard shipping',
        address,
        carriers: ['DPD'],
      },
      billing: {
        address: {
          ...address,
          lines: ['Chidi Okafor', 'Billing Road 1', 'Leeds', 'United Kingdom'],
        },
      },
      payment: {
        method: { kind: 'card', label: 'Visa •••• 4242' },
        subtotal: gbp(8700),
        shipping: gbp(595),
        tax: gbp(0),
        discount: gbp(0),
        total: gbp(9295),
        paid: gbp(9295),
        refunded: gbp(1200),
        outstanding: gbp(0),
      },
    },
    events: [
      { kind: 'order_placed', at: date('2026-11-04T12:00:00Z'), message: null, location: null },
      { kind: 'payment_received', at: date('2026-11-04T12:00:00Z'), message: null, location: null },
      {
        kind: 'refund_issued',
        at: date('2026-11-10T12:00:00Z'),
        message: null,
        location: null,
        amount: gbp(1200),
      },
    ],
    shipments: [
      {
        id: 'sh_1',
        state: 'delivered',
        carrier: 'DPD',
        trackingNumber: 'LL10281',
        trackingUrl: 'https://tracking.example.com/LL10281',
        estimatedDeliveryAt: null,
        lines: [{ lineItemId: 'li_1', quantity: 2 }],
        entries: [
          { kind: 'fulfilled', at: date('2026-11-05T12:00:00Z'), message: null, location: null },
          {
            kind: 'delivered',
            at: date('2026-11-07T12:00:00Z'),
            message: 'Left with a neighbour',
            location: 'London',
          },
        ],
      },
    ],
    lineItems: [
      {
        id: 'li_1',
        title: 'Speckled stoneware mug',
        variantTitle: 'Oat',
        quantity: 2,
        unitPrice: gbp(2400),
        total: gbp(4800),
        imageUrl: null,
        finalSale: false,
        giftCard: false,
        refundedQuantity: 0,
        returnableQuantity: 2,
        notReturnableReason: null,
      },
      {
        id: 'li_2',
        title: 'Ridged glass vase',
        variantTitle: null,
        quantity: 1,
        unitPrice: gbp(3900),
        total: gbp(3900),
        imageUrl: null,
        finalSale: true,
        giftCard: false,
        refundedQuantity: 0,
        returnableQuantity: 0,
        notReturnableReason: 'final_sale',
      },
    ],
    actions: {
      cancel: { offered: false, reason: { code: 'already_fulfilled' } },
      return: { offered: true, until: date('2026-12-07T12:00:00Z') },
    },
    issue: {
      scenario: 'delivered',
      reasons: [{ code: 'damaged_item' }, { code: 'wrong_item' }, { code: 'other' }],
    },
    requests: [],
    ...overrides,
  }
}

export function requestSummary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    ticketId: 'tk_1',
    reference: 'R-1042',
    type: 'return',
    requestStatus: 'requested',
    createdAt: '2026-11-20T12:00:00Z',
    orderId: 'ord_1028',
    orderName: '#1028',
    reason: 'changed_mind',
    decidedAt: null,
    decisionNote: null,
    rating: null,
    canRate: false,
    messages: [],
    ...overrides,
  }
}

/** A panel that opens signed in as `email`, with these orders on the server. */
export function signedIn(
  server: FakeServer,
  orders: OrderListItem[] = [listItem()],
  email = 'chidi@example.com',
) {
  localStorage.setItem(`porchlight.session.${STORE_KEY}`, 'tok_shopper')
  return server
    .on('GET /v1/auth/session', {
      status: 200,
      body: { expiresAt: '2099-01-01T00:00:00Z', identity: { kind: 'email', value: email } },
    })
    .on('GET /v1/orders', { status: 200, body: { orders, nextCursor: null } })
    .on('DELETE /v1/auth/session', { status: 204 })
}
