import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cancelEligibility,
  returnEligibility,
  type Eligibility,
  type IneligibleReason,
} from './eligibility.ts'
import type { Order } from './model.ts'
import { DEFAULT_ORDER_RULES, type OrderRules } from './settings.ts'
import { anyNow, anyOrder, anyRules, coherentOrder } from './test-support/order-arbitrary.ts'
import {
  DAY,
  HOUR,
  T0,
  at,
  makeLine,
  makeOrder,
  makeShipment,
  shippedOrder,
} from './test-support/order-builder.ts'

const rules = DEFAULT_ORDER_RULES
const now = new Date(T0 + 10 * DAY)
const delivered = (overrides: Partial<Order> = {}) =>
  shippedOrder([['delivered', at(4)]], overrides)

const verdict = (e: Eligibility): string | IneligibleReason => (e.eligible ? 'offered' : e.reason)

describe('cancel eligibility with the default rules', () => {
  it.each<[string, Order, string | IneligibleReason]>([
    ['unfulfilled and paid', makeOrder(), 'offered'],
    ['unpaid cash on delivery', makeOrder({ financialStatus: 'pending' }), 'offered'],
    ['on hold', makeOrder({ fulfillmentStatus: 'on_hold' }), 'offered'],
    [
      'being prepared',
      makeOrder({ fulfillmentStatus: 'in_progress' }),
      { code: 'fulfillment_in_progress' },
    ],
    ['label created', shippedOrder([['label_created', at(1)]]), { code: 'already_fulfilled' }],
    ['in transit', shippedOrder([['in_transit', at(2)]]), { code: 'already_fulfilled' }],
    ['delivered', delivered(), { code: 'already_fulfilled' }],
    [
      'partially fulfilled',
      makeOrder({ fulfillmentStatus: 'partially_fulfilled' }),
      { code: 'already_fulfilled' },
    ],
    [
      'ready for pickup',
      makeOrder({ deliveryMethod: 'pickup', fulfillmentStatus: 'ready_for_pickup' }),
      { code: 'already_fulfilled' },
    ],
    [
      'cancelled',
      makeOrder({ status: 'cancelled', cancelledAt: at(1) }),
      { code: 'order_cancelled' },
    ],
    ['archived', makeOrder({ status: 'archived' }), { code: 'order_archived' }],
    ['refunded', makeOrder({ financialStatus: 'refunded' }), { code: 'already_refunded' }],
    [
      'voided',
      makeOrder({ financialStatus: 'voided' }),
      { code: 'financial_status_not_allowed', data: { status: 'voided' } },
    ],
    ['unknown fulfilment', makeOrder({ fulfillmentStatus: 'unknown' }), { code: 'status_unknown' }],
    ['unknown payment', makeOrder({ financialStatus: 'unknown' }), { code: 'status_unknown' }],
  ])('%s', (_name, order, expected) => {
    expect(verdict(cancelEligibility(order, rules, now))).toEqual(expected)
  })

  it('has no time limit by default', () => {
    expect(cancelEligibility(makeOrder(), rules, new Date(T0 + 400 * DAY))).toEqual({
      eligible: true,
      until: null,
    })
  })
})

describe('return eligibility with the default rules', () => {
  it.each<[string, Order, string | IneligibleReason]>([
    ['delivered 6 days ago', delivered(), 'offered'],
    ['archived after delivery', delivered({ status: 'archived', closedAt: at(5) }), 'offered'],
    [
      'picked up',
      makeOrder({ deliveryMethod: 'pickup', fulfillmentStatus: 'picked_up' }),
      'offered',
    ],
    ['partially refunded', delivered({ financialStatus: 'partially_refunded' }), 'offered'],
    // The default rules need the parcel delivered: the hint says so from the start, as it
    // does once the order has shipped (issue 20: "once it has shipped" then "once it has arrived").
    ['unfulfilled', makeOrder(), { code: 'not_delivered_yet' }],
    [
      'being prepared',
      makeOrder({ fulfillmentStatus: 'in_progress' }),
      { code: 'not_delivered_yet' },
    ],
    [
      'ready for pickup',
      makeOrder({ fulfillmentStatus: 'ready_for_pickup' }),
      { code: 'not_delivered_yet' },
    ],
    ['refunded', delivered({ financialStatus: 'refunded' }), { code: 'already_refunded' }],
    ['voided', delivered({ financialStatus: 'voided' }), { code: 'already_refunded' }],
    [
      'unpaid cash on delivery',
      delivered({ financialStatus: 'pending' }),
      { code: 'financial_status_not_allowed', data: { status: 'pending' } },
    ],
    ['returned', delivered({ fulfillmentStatus: 'returned' }), { code: 'already_returned' }],
    [
      'cancelled',
      delivered({ status: 'cancelled', cancelledAt: at(5) }),
      { code: 'order_cancelled' },
    ],
    [
      'tagged final-sale',
      delivered({ tags: ['Final-Sale'] }),
      { code: 'excluded_tag', data: { tag: 'Final-Sale' } },
    ],
    [
      'only final-sale and gift-card items',
      delivered({
        lineItems: [makeLine({ finalSale: true }), makeLine({ id: 'li_2', giftCard: true })],
      }),
      { code: 'no_returnable_items', data: { finalSale: 1, giftCard: 1 } },
    ],
    [
      'every item refunded already',
      delivered({ lineItems: [makeLine({ refundedQuantity: 1 })] }),
      { code: 'already_refunded' },
    ],
    [
      'every item already in a return',
      delivered({
        returns: [
          {
            id: 'rt',
            createdAt: at(5),
            status: 'open',
            reason: 'other',
            lines: [{ lineItemId: 'li_1', quantity: 1 }],
          },
        ],
      }),
      { code: 'already_returned' },
    ],
    ['unknown order status', delivered({ status: 'unknown' }), { code: 'status_unknown' }],
  ])('%s', (_name, order, expected) => {
    expect(verdict(returnEligibility(order, rules, now))).toEqual(expected)
  })

  it('closes 30 days after delivery and says when', () => {
    const order = delivered()
    const closes = T0 + 4 * DAY + 30 * DAY
    expect(returnEligibility(order, rules, new Date(closes - 1))).toEqual({
      eligible: true,
      until: new Date(closes).toISOString(),
    })
    expect(returnEligibility(order, rules, new Date(closes))).toEqual({
      eligible: false,
      reason: { code: 'return_window_closed', data: { closedAt: new Date(closes).toISOString() } },
    })
  })

  it('counts from fulfilment when the parcel has no tracking', () => {
    const order = makeOrder({
      fulfillmentStatus: 'fulfilled',
      shipments: [makeShipment([], { createdAt: at(1), trackingNumber: null, trackingUrl: null })],
    })
    const result = returnEligibility(order, rules, now)
    expect(result).toEqual({ eligible: true, until: new Date(T0 + 31 * DAY).toISOString() })
  })

  it.each<[string, Order]>([
    ['label created', shippedOrder([['label_created', at(1)]])],
    ['in transit', shippedOrder([['in_transit', at(2)]])],
    ['waiting at a pickup point', shippedOrder([['ready_for_pickup', at(2)]])],
    ['after a failed delivery', shippedOrder([['failed', at(3)]])],
  ])('waits for the parcel to arrive: %s', (_name, order) => {
    expect(verdict(returnEligibility(order, rules, now))).toEqual({ code: 'not_delivered_yet' })
  })

  it('takes the store’s word that an order was delivered over a stale carrier feed', () => {
    const order = shippedOrder([['in_transit', at(2)]], { fulfillmentStatus: 'delivered' })
    expect(returnEligibility(order, rules, now).eligible).toBe(true)
  })

  it('says "once it has shipped" before shipping when the store does not require delivery', () => {
    const early: OrderRules = { ...rules, return: { ...rules.return, requireDelivery: false } }
    for (const order of [makeOrder(), makeOrder({ fulfillmentStatus: 'in_progress' })]) {
      expect(verdict(returnEligibility(order, early, now))).toEqual({ code: 'not_fulfilled_yet' })
    }
    expect(verdict(returnEligibility(makeOrder(), rules, now))).toEqual({
      code: 'not_delivered_yet',
    })
    expect(verdict(returnEligibility(shippedOrder([['in_transit', at(2)]]), rules, now))).toEqual({
      code: 'not_delivered_yet',
    })
  })

  it('offers returns before delivery when the store does not require it', () => {
    const early: OrderRules = { ...rules, return: { ...rules.return, requireDelivery: false } }
    const order = shippedOrder([['in_transit', at(2)]])
    expect(returnEligibility(order, early, now)).toEqual({
      eligible: true,
      until: new Date(T0 + 31 * DAY).toISOString(),
    })
  })

  it('offers a return when some items are final sale and others are not', () => {
    const order = delivered({
      lineItems: [makeLine({ finalSale: true }), makeLine({ id: 'li_2' })],
      shipments: [
        makeShipment([['delivered', at(4)]], {
          lines: [
            { lineItemId: 'li_1', quantity: 1 },
            { lineItemId: 'li_2', quantity: 1 },
          ],
        }),
      ],
    })
    expect(returnEligibility(order, rules, now).eligible).toBe(true)
  })
})

describe('store rules', () => {
  const withRules = (
    patch: Partial<OrderRules['cancel']>,
    action: 'cancel' | 'return',
  ): OrderRules => ({
    ...rules,
    [action]: { ...rules[action], ...patch },
  })

  it('turns an action off', () => {
    expect(
      verdict(cancelEligibility(makeOrder(), withRules({ enabled: false }, 'cancel'), now)),
    ).toEqual({
      code: 'action_disabled',
    })
  })

  it('limits cancelling to hours after the order was placed', () => {
    const r = withRules({ window: { amount: 2, unit: 'hours', from: 'order' } }, 'cancel')
    expect(cancelEligibility(makeOrder(), r, new Date(T0 + HOUR)).eligible).toBe(true)
    expect(verdict(cancelEligibility(makeOrder(), r, new Date(T0 + 2 * HOUR)))).toEqual({
      code: 'cancel_window_closed',
      data: { closedAt: new Date(T0 + 2 * HOUR).toISOString() },
    })
  })

  it('counts a return window from fulfilment when asked', () => {
    const r = withRules({ window: { amount: 7, unit: 'days', from: 'fulfillment' } }, 'return')
    // Fulfilled at day 1, delivered at day 4: the window closes at day 8, not day 11.
    expect(returnEligibility(delivered(), r, new Date(T0 + 8 * DAY - 1)).eligible).toBe(true)
    expect(returnEligibility(delivered(), r, new Date(T0 + 8 * DAY)).eligible).toBe(false)
  })

  it('narrows the allowed statuses', () => {
    const r = withRules({ fulfillmentStatuses: ['unfulfilled'] }, 'cancel')
    expect(verdict(cancelEligibility(makeOrder({ fulfillmentStatus: 'on_hold' }), r, now))).toEqual(
      {
        code: 'fulfillment_status_not_allowed',
        data: { status: 'on_hold' },
      },
    )
  })

  it('excludes tagged orders from cancelling', () => {
    const r = withRules({ excludedTags: ['preorder'] }, 'cancel')
    expect(verdict(cancelEligibility(makeOrder({ tags: ['PreOrder'] }), r, now))).toEqual({
      code: 'excluded_tag',
      data: { tag: 'PreOrder' },
    })
  })

  it('cannot be bent into cancelling a shipped order or returning an unshipped one', () => {
    const everything: OrderRules = {
      ...rules,
      cancel: { ...rules.cancel, fulfillmentStatuses: ['fulfilled', 'delivered', 'in_progress'] },
      return: {
        ...rules.return,
        fulfillmentStatuses: ['unfulfilled'],
        financialStatuses: ['refunded'],
      },
    }
    expect(cancelEligibility(delivered(), everything, now).eligible).toBe(false)
    expect(returnEligibility(makeOrder(), everything, now).eligible).toBe(false)
    expect(
      returnEligibility(delivered({ financialStatus: 'refunded' }), everything, now).eligible,
    ).toBe(false)
  })
})

describe('eligibility properties', () => {
  const fulfilledStatuses = ['fulfilled', 'partially_fulfilled', 'delivered', 'picked_up'] as const

  it('never offers to cancel a fulfilled order, whatever the store’s rules', () => {
    fc.assert(
      fc.property(
        fc.oneof(coherentOrder, anyOrder),
        fc.constantFrom(...fulfilledStatuses),
        anyRules(rules),
        anyNow,
        (order, status, r, t) => {
          expect(cancelEligibility({ ...order, fulfillmentStatus: status }, r, t).eligible).toBe(
            false,
          )
        },
      ),
      { numRuns: 400 },
    )
  })

  it('never offers to cancel an order with a parcel on its way', () => {
    fc.assert(
      fc.property(anyOrder, anyRules(rules), anyNow, (order, r, t) => {
        const shipped = order.shipments.some((s) => !s.events.some((e) => e.kind === 'cancelled'))
        if (shipped) expect(cancelEligibility(order, r, t).eligible).toBe(false)
      }),
      { numRuns: 400 },
    )
  })

  it('never offers to return a refunded order, whatever the store’s rules', () => {
    fc.assert(
      fc.property(fc.oneof(coherentOrder, anyOrder), anyRules(rules), anyNow, (order, r, t) => {
        const refunded = { ...order, financialStatus: 'refunded' as const }
        expect(returnEligibility(refunded, r, t).eligible).toBe(false)
      }),
      { numRuns: 400 },
    )
  })

  it('is monotonic in time: once an action is withdrawn it never comes back', () => {
    // Tallies prove the runs reached both sides of a window, so the property is not vacuous.
    let stillOffered = 0
    let withdrawn = 0
    fc.assert(
      fc.property(
        fc.oneof(coherentOrder, anyOrder),
        fc.oneof(anyRules(rules, true), fc.constant(rules)),
        anyNow,
        anyNow,
        (order, r, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a]
          for (const check of [cancelEligibility, returnEligibility]) {
            const before = check(order, r, early).eligible
            const after = check(order, r, late).eligible
            if (after) expect(before).toBe(true)
            if (after) stillOffered++
            if (before && !after) withdrawn++
          }
        },
      ),
      { numRuns: 1000 },
    )
    expect(stillOffered).toBeGreaterThan(20)
    expect(withdrawn).toBeGreaterThan(20)
  })

  it('says until when a window applies, and that moment is in the future', () => {
    fc.assert(
      fc.property(
        fc.oneof(coherentOrder, anyOrder),
        anyRules(rules, true),
        anyNow,
        (order, r, t) => {
          for (const check of [cancelEligibility, returnEligibility]) {
            const result = check(order, r, t)
            if (result.eligible && result.until !== null) {
              expect(Date.parse(result.until)).toBeGreaterThan(t.getTime())
            }
            if (!result.eligible && result.reason.code.endsWith('_window_closed')) {
              const closedAt = (result.reason as { data: { closedAt: string } }).data.closedAt
              expect(Date.parse(closedAt)).toBeLessThanOrEqual(t.getTime())
            }
          }
        },
      ),
      { numRuns: 400 },
    )
  })
})
