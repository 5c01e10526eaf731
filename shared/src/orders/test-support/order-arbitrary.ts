/**
 * fast-check arbitraries for orders in any state, including nonsense a real platform might
 * still send (unknown statuses, unreadable dates, events in any order). Test support only.
 */
import fc from 'fast-check'
import {
  FINANCIAL_STATUSES,
  FULFILLMENT_STATUSES,
  ORDER_STATUSES,
  SHIPMENT_EVENT_KINDS,
  type FinancialStatus,
  type FulfillmentStatus,
  type LineItem,
  type Order,
  type OrderStatus,
  type Shipment,
  type ShipmentEventKind,
} from '../model.ts'
import { ACTION_WINDOW_ANCHORS, type ActionRules, type OrderRules } from '../settings.ts'
import { DAY, T0, makeOrder } from './order-builder.ts'

// The arbitraries range over every value the model names, its own lists.
export const orderStatuses: readonly OrderStatus[] = ORDER_STATUSES
export const financialStatuses: readonly FinancialStatus[] = FINANCIAL_STATUSES
export const fulfillmentStatuses: readonly FulfillmentStatus[] = FULFILLMENT_STATUSES
export const shipmentEventKinds: readonly ShipmentEventKind[] = SHIPMENT_EVENT_KINDS

export const isoTime = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.integer({ min: 0, max: 120 * DAY }).map((ms) => new Date(T0 + ms).toISOString()),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'not a date', '2026-13-45T99:00:00Z') },
)

const lineIds = ['li_1', 'li_2', 'li_3']

// 'unknown' is rare upstream; weighting it down keeps most runs on orders a rule can decide.
const status = <T extends string>(all: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...all.filter((s) => s !== 'unknown')) },
    { weight: 1, arbitrary: fc.constant('unknown' as T) },
  )

const lineItem = (id: string): fc.Arbitrary<LineItem> =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 3 }),
      refundedQuantity: fc.integer({ min: 0, max: 3 }),
      finalSale: fc.boolean(),
      giftCard: fc.boolean(),
    })
    .map((l) => ({
      id,
      title: `Item ${id}`,
      variantTitle: null,
      sku: null,
      quantity: l.quantity,
      price: { amount: 1000, currency: 'EUR' },
      imageUrl: null,
      finalSale: l.finalSale,
      giftCard: l.giftCard,
      refundedQuantity: Math.min(l.refundedQuantity, l.quantity),
    }))

const shipment = (index: number): fc.Arbitrary<Shipment> =>
  fc
    .record({
      createdAt: isoTime,
      estimatedDeliveryAt: fc.option(isoTime, { nil: null }),
      events: fc.array(
        fc.record({
          kind: fc.constantFrom(...shipmentEventKinds),
          at: isoTime,
          message: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
      lines: fc
        .subarray(lineIds)
        .map((ids) => ids.map((lineItemId) => ({ lineItemId, quantity: 1 }))),
    })
    .map((s) => ({
      id: `sh_${index}`,
      carrier: 'Carrier',
      trackingNumber: null,
      trackingUrl: null,
      estimatedDeliveryAt: s.estimatedDeliveryAt,
      createdAt: s.createdAt,
      events: s.events.map((e) => (e.message === undefined ? { kind: e.kind, at: e.at } : e)),
      lines: s.lines,
    }))

/** Orders in any combination of statuses, shipments, events, refunds, tags and items. */
export const anyOrder: fc.Arbitrary<Order> = fc
  .record({
    status: status(orderStatuses),
    financialStatus: status(financialStatuses),
    fulfillmentStatus: status(fulfillmentStatuses),
    deliveryMethod: fc.constantFrom('shipping' as const, 'pickup' as const, 'none' as const),
    createdAt: isoTime,
    paidAt: fc.option(isoTime, { nil: null }),
    cancelledAt: fc.option(isoTime, { nil: null }),
    lineCount: fc.integer({ min: 1, max: 3 }),
    lines: fc.tuple(lineItem('li_1'), lineItem('li_2'), lineItem('li_3')),
    shipments: fc
      .integer({ min: 0, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => shipment(i)))),
    refunds: fc.array(isoTime, { maxLength: 2 }),
    tags: fc.subarray(['final-sale', 'vip', 'wholesale']),
  })
  .map((o) =>
    makeOrder({
      status: o.status,
      financialStatus: o.financialStatus,
      fulfillmentStatus: o.fulfillmentStatus,
      deliveryMethod: o.deliveryMethod,
      createdAt: o.createdAt,
      paidAt: o.paidAt,
      cancelledAt: o.status === 'cancelled' ? (o.cancelledAt ?? o.createdAt) : null,
      lineItems: o.lines.slice(0, o.lineCount),
      shipments: o.shipments,
      refunds: o.refunds.map((createdAt, i) => ({
        id: `re_${i}`,
        createdAt,
        amount: { amount: 500, currency: 'EUR' },
        lines: [],
      })),
      tags: o.tags,
    }),
  )

// Status lists are either everything (so only the fixed facts hold an action back), the
// defaults, or a random few; most rules are switched on so runs reach the window check.
const statusList = <T extends string>(all: readonly T[], defaults: T[]): fc.Arbitrary<T[]> => {
  const list: T[] = [...all]
  return fc.oneof(fc.constant(list), fc.constant(defaults), fc.subarray(list))
}

const windowArb = fc.record({
  amount: fc.integer({ min: 1, max: 90 }),
  unit: fc.constantFrom('days' as const, 'hours' as const),
  from: fc.constantFrom(...ACTION_WINDOW_ANCHORS),
})

const actionRules = (base: ActionRules, windowed: boolean): fc.Arbitrary<ActionRules> =>
  fc.record({
    enabled: fc.oneof(
      { weight: 9, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    window: windowed ? windowArb : fc.option(windowArb, { nil: null }),
    orderStatuses: statusList(orderStatuses, base.orderStatuses),
    financialStatuses: statusList(financialStatuses, base.financialStatuses),
    fulfillmentStatuses: statusList(fulfillmentStatuses, base.fulfillmentStatuses),
    excludedTags: fc.subarray(['final-sale', 'vip']),
  })

/** Any store's rules, including ones that allow every status (to test the fixed facts). */
export const anyRules = (defaults: OrderRules, windowed = false): fc.Arbitrary<OrderRules> =>
  fc
    .record({
      cancel: actionRules(defaults.cancel, windowed),
      return: actionRules(defaults.return, windowed),
      requireDelivery: fc.boolean(),
    })
    .map(({ requireDelivery, ...r }) => ({ ...r, return: { ...r.return, requireDelivery } }))
    .map((r) => ({ ...r, issueReasons: {} }))

/** A moment between T0 and 200 days later. */
export const anyNow = fc.integer({ min: 0, max: 200 * DAY }).map((ms) => new Date(T0 + ms))

const validTime = fc.integer({ min: 0, max: 60 * DAY })
const stages = ['placed', 'preparing', 'shipped', 'delivered', 'pickup_ready', 'picked_up'] as const

/**
 * Orders whose parts agree (a delivered order has a delivered parcel, dates in lifecycle order),
 * so properties about time reach the window checks instead of stopping at a status check.
 */
export const coherentOrder: fc.Arbitrary<Order> = fc
  .record({
    stage: fc.constantFrom(...stages),
    financialStatus: fc.constantFrom<FinancialStatus>(
      'paid',
      'partially_refunded',
      'pending',
      'authorized',
    ),
    archived: fc.boolean(),
    placed: validTime,
    steps: fc.array(fc.integer({ min: 1, max: 5 * DAY }), { minLength: 3, maxLength: 3 }),
    finalSale: fc.boolean(),
    tags: fc.subarray(['final-sale', 'vip']),
  })
  .map((o) => {
    const iso = (ms: number) => new Date(T0 + ms).toISOString()
    const [a, b, c] = o.steps as [number, number, number]
    const shippedAt = o.placed + a
    const deliveredAt = shippedAt + b + c
    const pickup = o.stage === 'pickup_ready' || o.stage === 'picked_up'
    const events: Array<[ShipmentEventKind, number]> =
      o.stage === 'shipped'
        ? [['in_transit', shippedAt + b]]
        : o.stage === 'delivered'
          ? [
              ['in_transit', shippedAt + b],
              ['delivered', deliveredAt],
            ]
          : o.stage === 'picked_up'
            ? [
                ['ready_for_pickup', shippedAt + b],
                ['delivered', deliveredAt],
              ]
            : []
    const hasShipment = o.stage === 'shipped' || o.stage === 'delivered' || o.stage === 'picked_up'
    const fulfillmentStatus: FulfillmentStatus = {
      placed: 'unfulfilled',
      preparing: 'in_progress',
      shipped: 'fulfilled',
      delivered: 'delivered',
      pickup_ready: 'ready_for_pickup',
      picked_up: 'picked_up',
    }[o.stage] as FulfillmentStatus
    const base = makeOrder()
    return makeOrder({
      status: o.archived && hasShipment ? 'archived' : 'open',
      financialStatus: o.financialStatus,
      fulfillmentStatus,
      deliveryMethod: pickup ? 'pickup' : 'shipping',
      createdAt: iso(o.placed),
      lineItems: [
        { ...base.lineItems[0]!, finalSale: o.finalSale },
        { ...base.lineItems[0]!, id: 'li_2' },
      ],
      shipments: hasShipment
        ? [
            {
              id: 'sh_0',
              carrier: 'Carrier',
              trackingNumber: null,
              trackingUrl: null,
              estimatedDeliveryAt: iso(deliveredAt),
              createdAt: iso(shippedAt),
              events: events.map(([kind, ms]) => ({ kind, at: iso(ms) })),
              lines: [
                { lineItemId: 'li_1', quantity: 1 },
                { lineItemId: 'li_2', quantity: 1 },
              ],
            },
          ]
        : [],
      tags: o.tags,
    })
  })
