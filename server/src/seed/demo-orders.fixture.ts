/**
 * The demo store's orders: every display status and the awkward cases a support widget must
 * get right (two parcels, partial refund, unpaid cash on delivery, pickup, cancelled, archived,
 * past the return window, final sale). Dates are relative to the seed time, so the demo tells
 * the same story whenever it is first started.
 */
import type { PaymentMethod } from '@porchlight/shared/orders/model'
import type { OrderSpec } from './demo-order-builders.ts'
import { DEMO_SHOPPERS, PRODUCTS as P } from './demo-shoppers.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const cod: PaymentMethod = { kind: 'cash_on_delivery', label: 'Cash on delivery' }
const paypal: PaymentMethod = { kind: 'paypal', label: 'PayPal' }

/** The demo orders, dated relative to `now` (the first start). */
export function demoOrderSpecs(now: Date): OrderSpec[] {
  const t = now.getTime()
  const ago = (days: number, hours = 0) => new Date(t - days * DAY - hours * HOUR).toISOString()
  const ahead = (days: number) => new Date(t + days * DAY).toISOString()
  const { ada, bruno, chidi } = DEMO_SHOPPERS

  // One order per paragraph reads as a table; Prettier would triple the length of this list.
  // prettier-ignore
  return [
    // Ada Park, Oakland (USD)
    { number: 1001, shopper: ada, placedAt: ago(0, 2), items: [[P.throw, 1], [P.candle, 2]],
      financial: 'paid', fulfillment: 'unfulfilled' },
    { number: 1002, shopper: ada, placedAt: ago(1, 3), items: [[P.rug, 1]],
      financial: 'paid', fulfillment: 'in_progress' },
    { number: 1003, shopper: ada, placedAt: ago(2), items: [[P.vase, 1]],
      financial: 'paid', fulfillment: 'fulfilled',
      shipments: [{ carrier: 'UPS', createdAt: ago(1), eta: ahead(4),
        events: [['label_created', ago(1), 'Shipping label created']] }] },
    { number: 1004, shopper: ada, placedAt: ago(5), items: [[P.mug, 4]],
      financial: 'paid', fulfillment: 'fulfilled',
      shipments: [{ carrier: 'UPS', createdAt: ago(4), eta: ahead(2), events: [
        ['label_created', ago(4)], ['carrier_picked_up', ago(3, 20), 'Picked up by UPS'],
        ['in_transit', ago(1, 6), 'Arrived at facility, Sacramento CA']] }] },
    { number: 1005, shopper: ada, placedAt: ago(4), items: [[P.napkins, 2]],
      financial: 'paid', fulfillment: 'fulfilled',
      shipments: [{ carrier: 'USPS', createdAt: ago(3), eta: ahead(0), events: [
        ['in_transit', ago(2), 'In transit to next facility'],
        ['out_for_delivery', ago(0, 3), 'Out for delivery, Oakland CA']] }] },
    { number: 1006, shopper: ada, placedAt: ago(9), items: [[P.throw, 1], [P.cushion, 2]],
      financial: 'paid', fulfillment: 'delivered',
      shipments: [{ carrier: 'UPS', createdAt: ago(8), events: [
        ['in_transit', ago(7)], ['delivered', ago(5), 'Delivered, front door']] }] },
    { number: 1007, shopper: ada, placedAt: ago(52), items: [[P.vase, 2]],
      financial: 'paid', fulfillment: 'delivered',
      shipments: [{ carrier: 'USPS', createdAt: ago(50), events: [
        ['in_transit', ago(49)], ['delivered', ago(45), 'Delivered, in mailbox']] }] },
    { number: 1008, shopper: ada, placedAt: ago(6),
      items: [[P.candle, 1], [P.mug, 2], [P.rug, 1]],
      financial: 'paid', fulfillment: 'partially_fulfilled',
      shipments: [
        { carrier: 'USPS', items: [0], createdAt: ago(5), events: [
          ['in_transit', ago(4)], ['delivered', ago(2), 'Delivered, front porch']] },
        { carrier: 'UPS', items: [1], createdAt: ago(2), eta: ahead(3), events: [
          ['carrier_picked_up', ago(1, 22)],
          ['in_transit', ago(1), 'Departed facility, Reno NV']] },
      ] },
    { number: 1009, shopper: ada, placedAt: ago(24), items: [[P.rug, 1]],
      financial: 'refunded', fulfillment: 'returned',
      shipments: [{ carrier: 'UPS', createdAt: ago(23), events: [['delivered', ago(20)]] }],
      returns: [
        { createdAt: ago(16), status: 'closed', reason: 'not_as_described', items: [[0, 1]] }],
      refunds: [[ago(10), 24_500 + 595, [[0, 1]]]] },
    { number: 1010, shopper: ada, placedAt: ago(75), items: [[P.napkins, 1], [P.mug, 2]],
      status: 'archived', closedAt: ago(60), financial: 'paid', fulfillment: 'delivered',
      shipments: [{ carrier: 'USPS', createdAt: ago(74), events: [['delivered', ago(70)]] }] },
    { number: 1011, shopper: ada, placedAt: ago(3), items: [[P.giftCard, 1]],
      deliveryMethod: 'none', shippingMethod: 'Email delivery', financial: 'paid',
      fulfillment: 'fulfilled' },

    // Bruno Lefèvre, Paris (EUR)
    { number: 1012, shopper: bruno, placedAt: ago(1), items: [[P.candle, 3], [P.napkins, 1]],
      financial: 'pending', fulfillment: 'unfulfilled', payment: cod },
    { number: 1013, shopper: bruno, placedAt: ago(4), items: [[P.vase, 1]],
      financial: 'pending', fulfillment: 'fulfilled', payment: cod,
      shipments: [{ carrier: 'Colissimo', createdAt: ago(3), eta: ahead(1), events: [
        ['in_transit', ago(2)], ['out_for_delivery', ago(0, 8)],
        ['attempted_delivery', ago(0, 5), 'Destinataire absent, avis de passage déposé']] }] },
    { number: 1014, shopper: bruno, placedAt: ago(2), items: [[P.throw, 1]],
      deliveryMethod: 'pickup', financial: 'paid', fulfillment: 'ready_for_pickup',
      shipments: [{ carrier: null, tracked: false, createdAt: ago(1), events: [
        ['ready_for_pickup', ago(1), 'Prête au retrait, boutique du Marais']] }] },
    { number: 1015, shopper: bruno, placedAt: ago(7), items: [[P.mug, 2], [P.candle, 1]],
      deliveryMethod: 'pickup', financial: 'paid', fulfillment: 'picked_up',
      shipments: [{ carrier: null, tracked: false, createdAt: ago(6), events: [
        ['ready_for_pickup', ago(6)], ['delivered', ago(3), 'Retirée en boutique']] }] },
    { number: 1016, shopper: bruno, placedAt: ago(8), items: [[P.rug, 1]],
      financial: 'refunded', fulfillment: 'cancelled',
      cancelledAt: ago(6), cancelReason: 'customer',
      refunds: [[ago(6), 24_500 + 595, [[0, 1]]]] },
    { number: 1017, shopper: bruno, placedAt: ago(12), items: [[P.throw, 1], [P.vase, 1]],
      financial: 'partially_refunded', fulfillment: 'delivered', payment: paypal,
      shipments: [{ carrier: 'Colissimo', createdAt: ago(11), events: [
        ['in_transit', ago(10)], ['delivered', ago(8), 'Colis livré en boîte aux lettres']] }],
      refunds: [[ago(3), 3900, [[1, 1]]]] },
    { number: 1018, shopper: bruno, placedAt: ago(6), items: [[P.napkins, 2]],
      financial: 'paid', fulfillment: 'fulfilled',
      shipments: [{ carrier: 'Colissimo', createdAt: ago(5), events: [
        ['in_transit', ago(4)], ['attempted_delivery', ago(2)],
        ['failed', ago(1), 'Adresse incomplète, retour à l’expéditeur']] }] },
    { number: 1019, shopper: bruno, placedAt: ago(7), items: [[P.throw, 1]], tags: ['final-sale'],
      financial: 'paid', fulfillment: 'delivered',
      shipments: [{ carrier: 'La Poste', createdAt: ago(6), events: [['delivered', ago(4)]] }] },
    { number: 1020, shopper: bruno, placedAt: ago(0, 20), items: [[P.mug, 6]],
      financial: 'paid', fulfillment: 'on_hold' },

    // Chidi Okafor, London (GBP)
    { number: 1021, shopper: chidi, placedAt: ago(6), items: [[P.rug, 1]],
      financial: 'paid', fulfillment: 'fulfilled',
      shipments: [{ carrier: 'DPD', createdAt: ago(5), eta: ahead(1), events: [
        ['in_transit', ago(4)], ['delayed', ago(1), 'Delayed by weather at the hub']] }] },
    { number: 1022, shopper: chidi, placedAt: ago(4), items: [[P.candle, 2]],
      financial: 'paid', fulfillment: 'fulfilled', shippingMethod: 'Collect from a parcel shop',
      shipments: [{ carrier: 'Royal Mail', createdAt: ago(3), events: [
        ['in_transit', ago(2)],
        ['ready_for_pickup', ago(0, 6), 'Ready to collect, Camden Post Office']] }] },
    { number: 1023, shopper: chidi, placedAt: ago(3), items: [[P.vase, 1]],
      financial: 'voided', fulfillment: 'cancelled',
      cancelledAt: ago(2), cancelReason: 'inventory' },
    { number: 1024, shopper: chidi, placedAt: ago(9), items: [[P.napkins, 1]],
      financial: 'paid', fulfillment: 'unknown' },
    { number: 1025, shopper: chidi, placedAt: ago(3), items: [[P.mug, 1]],
      financial: 'paid', fulfillment: 'fulfilled',
      shipments: [{ carrier: 'Evri', tracked: false, createdAt: ago(2), events: [] }] },
    { number: 1026, shopper: chidi, placedAt: ago(33), items: [[P.throw, 2]],
      financial: 'paid', fulfillment: 'delivered',
      shipments: [{ carrier: 'DPD', createdAt: ago(31), events: [
        ['out_for_delivery', ago(28, 6)],
        ['delivered', ago(28), 'Delivered to a neighbour at 219']] }] },
    { number: 1027, shopper: chidi, placedAt: ago(5), items: [[P.cushion, 3]],
      financial: 'paid', fulfillment: 'delivered',
      shipments: [{ carrier: 'Royal Mail', createdAt: ago(4), events: [['delivered', ago(3)]] }] },
    { number: 1028, shopper: chidi, placedAt: ago(18), items: [[P.mug, 2], [P.vase, 1]],
      financial: 'paid', fulfillment: 'delivered',
      shipments: [{ carrier: 'DPD', createdAt: ago(17), events: [['delivered', ago(15)]] }],
      returns: [{ createdAt: ago(2), status: 'open', reason: 'damaged_item', items: [[1, 1]] }] },
    { number: 1029, shopper: chidi, contact: 'phone', placedAt: ago(2), items: [[P.candle, 1]],
      financial: 'paid', fulfillment: 'fulfilled',
      shipments: [{ carrier: 'Royal Mail', createdAt: ago(1), eta: ahead(1), events: [
        ['in_transit', ago(0, 12), 'In transit to the local delivery office']] }] },
    { number: 1030, shopper: chidi, contact: 'email', placedAt: ago(130), items: [[P.throw, 1]],
      status: 'archived', closedAt: ago(120), financial: 'paid', fulfillment: 'fulfilled',
      shipments: [
        { carrier: 'Royal Mail', createdAt: ago(128), events: [['delivered', ago(126)]] }] },
  ]
}
