import {
  customer,
  fulfillment,
  fulfillmentEvent,
  lineItem,
  money,
  order,
  refundRecord,
  saleTransaction,
} from './fake-orders.ts'
import type { RawCustomer } from '../shopify-types.ts'
import { FakeShop, type FakeShopOptions } from './fake-shop.ts'

export const SAMPLE_EMAIL = 'ada@example.com'
export const SAMPLE_PHONE = '+33612345678'

export interface SampleShopOptions extends FakeShopOptions {
  /**
   * When the shop opens: the recently delivered order (#1008) is dated from it, so its return
   * window is open whenever the tests run. The fake shop's own clock when not given.
   */
  today?: Date
}

/**
 * A fake shop holding one shopper's orders in every state the portal shows (processing, in
 * transit, delayed, delivered long ago and days ago, ready for pickup, cancelled, refunded), for
 * tests and end-to-end journeys that should run the same on a Shopify store as on the demo store.
 */
export function sampleShop(options: SampleShopOptions = {}): FakeShop {
  const { today, ...shopOptions } = options
  const shop = new FakeShop(shopOptions)
  const ada = customer({ email: SAMPLE_EMAIL, phone: SAMPLE_PHONE, legacyResourceId: '7001' })
  const mk = (id: string, createdAt: string, extra: Parameters<typeof order>[0] = {}) =>
    shop.addOrder(
      order({ legacyResourceId: id, name: `#${id}`, customer: ada, createdAt, ...extra }),
    )

  mk('1001', '2026-01-14T09:00:00Z')

  const transitLine = lineItem({ title: 'Wool blanket' })
  mk('1002', '2026-01-10T09:00:00Z', {
    lines: [transitLine],
    displayFulfillmentStatus: 'FULFILLED',
    fulfillments: [
      fulfillment([transitLine], {
        displayStatus: 'IN_TRANSIT',
        createdAt: '2026-01-11T08:30:00Z',
        updatedAt: '2026-01-12T08:00:00Z',
        estimatedDeliveryAt: '2026-01-16T00:00:00Z',
        eventList: [
          fulfillmentEvent('IN_TRANSIT', '2026-01-12T08:00:00Z', {
            city: 'Paris',
            country: 'France',
          }),
          fulfillmentEvent('CARRIER_PICKED_UP', '2026-01-11T17:00:00Z', {
            city: 'Lyon',
            country: 'France',
          }),
          fulfillmentEvent('LABEL_PRINTED', '2026-01-11T09:00:00Z'),
        ],
      }),
    ],
  })

  const delayedLine = lineItem({ title: 'Ceramic vase' })
  mk('1003', '2026-01-06T09:00:00Z', {
    lines: [delayedLine],
    displayFulfillmentStatus: 'FULFILLED',
    fulfillments: [
      fulfillment([delayedLine], {
        displayStatus: 'DELAYED',
        createdAt: '2026-01-07T08:00:00Z',
        updatedAt: '2026-01-09T10:00:00Z',
        eventList: [
          fulfillmentEvent('DELAYED', '2026-01-09T10:00:00Z', { message: 'Weather delay' }),
          fulfillmentEvent('IN_TRANSIT', '2026-01-07T10:00:00Z'),
        ],
      }),
    ],
  })

  const deliveredLine = lineItem({ title: 'Linen throw' })
  mk('1004', '2025-12-20T09:00:00Z', {
    lines: [deliveredLine],
    displayFulfillmentStatus: 'FULFILLED',
    fulfillments: [
      fulfillment([deliveredLine], {
        displayStatus: 'DELIVERED',
        createdAt: '2025-12-21T06:00:00Z',
        updatedAt: '2025-12-23T14:00:00Z',
        deliveredAt: '2025-12-23T14:00:00Z',
        eventList: [
          fulfillmentEvent('DELIVERED', '2025-12-23T14:00:00Z'),
          fulfillmentEvent('OUT_FOR_DELIVERY', '2025-12-23T07:00:00Z'),
          fulfillmentEvent('IN_TRANSIT', '2025-12-21T07:00:00Z'),
        ],
      }),
    ],
  })

  const pickupLine = lineItem({ title: 'Beeswax candle' })
  mk('1005', '2026-01-13T09:00:00Z', {
    lines: [pickupLine],
    shippingLine: { title: 'Retrait en boutique', deliveryCategory: 'pick-up' },
    displayFulfillmentStatus: 'FULFILLED',
    fulfillments: [
      fulfillment([pickupLine], {
        displayStatus: 'READY_FOR_PICKUP',
        createdAt: '2026-01-14T09:30:00Z',
        updatedAt: '2026-01-14T10:00:00Z',
        trackingInfo: [],
        eventList: [fulfillmentEvent('READY_FOR_PICKUP', '2026-01-14T10:00:00Z')],
      }),
    ],
  })

  const cancelledSale = saleTransaction('54.90', { processedAt: '2025-12-01T09:00:05Z' })
  mk('1006', '2025-12-01T09:00:00Z', {
    cancelledAt: '2025-12-01T12:00:00Z',
    closedAt: '2025-12-01T12:00:00Z',
    cancelReason: 'CUSTOMER',
    displayFinancialStatus: 'REFUNDED',
    displayFulfillmentStatus: 'UNFULFILLED',
    totalRefundedSet: money('54.90'),
    transactions: [
      cancelledSale,
      saleTransaction('54.90', {
        kind: 'REFUND',
        parentTransaction: { id: cancelledSale.id },
        paymentDetails: null,
        processedAt: '2025-12-01T12:00:00Z',
      }),
    ],
    refunds: [refundRecord('54.90', '2025-12-01T12:00:00Z')],
  })

  // A goodwill refund (no lines) on an order still waiting to ship.
  const sale = saleTransaction('54.90', { processedAt: '2025-11-15T09:00:05Z' })
  mk('1007', '2025-11-15T09:00:00Z', {
    displayFinancialStatus: 'PARTIALLY_REFUNDED',
    totalRefundedSet: money('20.00'),
    transactions: [
      sale,
      saleTransaction('20.00', {
        kind: 'REFUND',
        parentTransaction: { id: sale.id },
        paymentDetails: null,
        processedAt: '2025-11-20T10:00:00Z',
      }),
    ],
    refunds: [refundRecord('20.00', '2025-11-20T10:00:00Z')],
  })

  addRecentlyDelivered(shop, ada, today ?? new Date(shop.now()))
  return shop
}

/**
 * #1008: two lines in one parcel, delivered two days before `today`, so it can be returned. The
 * order whose return window is open, whatever day the tests run on (#1004's closed long ago).
 */
function addRecentlyDelivered(shop: FakeShop, owner: RawCustomer, today: Date): void {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  const at = (daysAgo: number, time: string) => {
    const [h, m] = time.split(':').map(Number)
    return new Date(midnight - daysAgo * 86_400_000 + (h! * 60 + m!) * 60_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
  }
  const mugs = lineItem({
    title: 'Stoneware mug',
    variantTitle: 'Moss',
    sku: 'STO-MUG-MOS',
    quantity: 2,
    currentQuantity: 2,
    refundableQuantity: 2,
    originalUnitPriceSet: money('18.00'),
    image: { url: 'https://cdn.shopify.com/s/files/1/0000/mug-moss.jpg' },
  })
  const napkins = lineItem({
    title: 'Linen napkins',
    variantTitle: 'Set of 4 / Oat',
    sku: 'LIN-NAP-OAT4',
    originalUnitPriceSet: money('24.00'),
    image: { url: 'https://cdn.shopify.com/s/files/1/0000/napkins-oat.jpg' },
  })
  shop.addOrder(
    order({
      legacyResourceId: '1008',
      name: '#1008',
      customer: owner,
      createdAt: at(6, '10:20'),
      updatedAt: at(2, '13:10'),
      lines: [mugs, napkins],
      displayFulfillmentStatus: 'FULFILLED',
      subtotalPriceSet: money('60.00'),
      totalShippingPriceSet: money('5.90'),
      // French prices include 20% VAT: a sixth of the total.
      totalTaxSet: money('10.98'),
      totalPriceSet: money('65.90'),
      fulfillments: [
        fulfillment([mugs, napkins], {
          name: '#1008-F1',
          displayStatus: 'DELIVERED',
          createdAt: at(5, '08:00'),
          updatedAt: at(2, '13:10'),
          inTransitAt: at(5, '16:40'),
          deliveredAt: at(2, '13:10'),
          trackingInfo: [
            {
              company: 'Colissimo',
              number: '6C98765432109',
              url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6C98765432109',
            },
          ],
          eventList: [
            fulfillmentEvent('DELIVERED', at(2, '13:10'), { city: 'Lyon', country: 'France' }),
            fulfillmentEvent('OUT_FOR_DELIVERY', at(2, '07:30'), {
              city: 'Lyon',
              country: 'France',
            }),
            fulfillmentEvent('IN_TRANSIT', at(5, '16:40'), { city: 'Paris', country: 'France' }),
            fulfillmentEvent('LABEL_PRINTED', at(5, '08:05')),
          ],
        }),
      ],
    }),
  )
}
