import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BUILTIN_ISSUE_REASON_CODES,
  DEFAULT_ISSUE_REASONS,
  ISSUE_SCENARIO_CODES,
  issueScenario,
  type IssueScenarioCode,
} from './issue-scenarios.ts'
import type { Order } from './model.ts'
import { DEFAULT_ORDER_RULES } from './settings.ts'
import { anyOrder } from './test-support/order-arbitrary.ts'
import { at, makeOrder, shippedOrder } from './test-support/order-builder.ts'

const rules = DEFAULT_ORDER_RULES

describe('issueScenario', () => {
  it.each<[string, Order, IssueScenarioCode]>([
    ['unfulfilled', makeOrder(), 'processing'],
    ['being prepared', makeOrder({ fulfillmentStatus: 'in_progress' }), 'processing'],
    ['unpaid cash on delivery', makeOrder({ financialStatus: 'pending' }), 'processing'],
    ['label created', shippedOrder([['label_created', at(1)]]), 'shipped'],
    ['in transit', shippedOrder([['in_transit', at(2)]]), 'shipped'],
    ['out for delivery', shippedOrder([['out_for_delivery', at(2)]]), 'shipped'],
    ['missed delivery', shippedOrder([['attempted_delivery', at(2)]]), 'shipped'],
    ['waiting at a pickup point', shippedOrder([['ready_for_pickup', at(2)]]), 'shipped'],
    ['delivered', shippedOrder([['delivered', at(3)]]), 'delivered'],
    [
      'picked up',
      makeOrder({ deliveryMethod: 'pickup', fulfillmentStatus: 'picked_up' }),
      'delivered',
    ],
    [
      'delivered and partially refunded',
      shippedOrder([['delivered', at(3)]], { financialStatus: 'partially_refunded' }),
      'delivered',
    ],
    ['failed delivery', shippedOrder([['failed', at(3)]]), 'failed_delivery'],
    ['cancelled', makeOrder({ status: 'cancelled', cancelledAt: at(1) }), 'cancelled'],
    ['refunded', shippedOrder([['delivered', at(3)]], { financialStatus: 'refunded' }), 'refunded'],
    ['voided', makeOrder({ financialStatus: 'voided' }), 'refunded'],
    ['unknown fulfilment', makeOrder({ fulfillmentStatus: 'unknown' }), 'fallback'],
    ['unknown order status', makeOrder({ status: 'unknown' }), 'fallback'],
  ])('%s → %s', (_name, order, scenario) => {
    const result = issueScenario(order, rules)
    expect(result.scenario).toBe(scenario)
    expect(result.reasons).toEqual(DEFAULT_ISSUE_REASONS[scenario].map((code) => ({ code })))
  })

  it('offers the delivered reasons the issue names', () => {
    const codes = issueScenario(shippedOrder([['delivered', at(3)]]), rules).reasons.map(
      (r) => r.code,
    )
    expect(codes).toEqual(
      expect.arrayContaining([
        'damaged_item',
        'wrong_item',
        'missing_item',
        'delivered_not_received',
      ]),
    )
  })

  it('uses a store’s own reasons for the scenarios it replaced', () => {
    const custom = {
      ...rules,
      issueReasons: {
        delivered: [
          { code: 'damaged_item' },
          { code: 'smells_odd', labels: { en: 'It smells odd', fr: 'Odeur étrange' } },
        ],
      },
    }
    expect(issueScenario(shippedOrder([['delivered', at(3)]]), custom).reasons).toEqual([
      { code: 'damaged_item' },
      { code: 'smells_odd', labels: { en: 'It smells odd', fr: 'Odeur étrange' } },
    ])
    // Other scenarios keep their defaults.
    expect(issueScenario(makeOrder(), custom).reasons.map((r) => r.code)).toEqual([
      ...DEFAULT_ISSUE_REASONS.processing,
    ])
  })

  it('drops an unlabelled own reason, and falls back to the defaults if none is left', () => {
    const custom = { ...rules, issueReasons: { processing: [{ code: 'mystery' }] } }
    expect(issueScenario(makeOrder(), custom).reasons.map((r) => r.code)).toEqual([
      ...DEFAULT_ISSUE_REASONS.processing,
    ])
  })

  it('ends every default list with other, and codes are unique within a scenario', () => {
    for (const scenario of ISSUE_SCENARIO_CODES) {
      const list = DEFAULT_ISSUE_REASONS[scenario]
      expect(list[list.length - 1]).toBe('other')
      expect(new Set(list).size).toBe(list.length)
    }
    expect(BUILTIN_ISSUE_REASON_CODES).toContain('delivered_not_received')
  })

  it('gives every order one scenario with at least one reason', () => {
    fc.assert(
      fc.property(anyOrder, (order) => {
        const { scenario, reasons } = issueScenario(order, rules)
        expect(ISSUE_SCENARIO_CODES).toContain(scenario)
        expect(reasons.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})
