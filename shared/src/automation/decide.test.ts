import { describe, expect, it } from 'vitest'
import { AUTOMATION_DEFAULTS, type AutomationSection } from '../settings/automation-section.ts'
import { DEFAULT_ORDER_RULES } from '../orders/settings.ts'
import {
  HOUR,
  T0,
  at,
  makeLine,
  makeOrder,
  shippedOrder,
} from '../orders/test-support/order-builder.ts'
import { automaticDecision, type AutomationInput } from './decide.ts'

const on: AutomationSection = {
  approveCancel: { enabled: true, withinHours: 6 },
  approveReturn: { enabled: true, lessThan: [{ currency: 'EUR', amount: 5000 }] },
}
const cancel = { type: 'cancel', lines: [] }
const returnOne = { type: 'return', lines: [{ lineItemId: 'li_1', quantity: 1 }] }
const delivered = shippedOrder([['delivered', at(4)]])

const decide = (over: Partial<AutomationInput>) =>
  automaticDecision({
    request: cancel,
    order: makeOrder(),
    automation: on,
    rules: DEFAULT_ORDER_RULES,
    askedAt: new Date(T0 + 2 * HOUR),
    ...over,
  })

describe('approve cancellations', () => {
  it('approves an unfulfilled order younger than the hours set, naming the rule', () => {
    expect(decide({})).toEqual({
      approve: true,
      rule: 'approve_cancel',
      why: { withinHours: 6 },
    })
  })

  it('waits for an agent once the order is as old as the hours set', () => {
    expect(decide({ askedAt: new Date(T0 + 6 * HOUR) })).toEqual({
      approve: false,
      rule: 'approve_cancel',
      hold: { code: 'order_too_old', ageHours: 6, withinHours: 6 },
    })
  })

  it('waits when anything is fulfilled, being prepared or on its way', () => {
    const hold = (order: AutomationInput['order']) =>
      (decide({ order }) as { hold: { code: string } }).hold
    expect(hold(makeOrder({ fulfillmentStatus: 'on_hold' }))).toEqual({
      code: 'fulfillment_started',
    })
    expect(hold(makeOrder({ fulfillmentStatus: 'in_progress' }))).toEqual({
      code: 'not_offered',
      reason: 'fulfillment_in_progress',
    })
    expect(hold(shippedOrder([['label_created', at(0, 1)]]))).toEqual({
      code: 'not_offered',
      reason: 'already_fulfilled',
    })
    expect(hold(makeOrder({ status: 'cancelled' }))).toMatchObject({ code: 'not_offered' })
  })

  it('is off by default', () => {
    expect(decide({ automation: AUTOMATION_DEFAULTS })).toEqual({
      approve: false,
      rule: 'approve_cancel',
      hold: { code: 'rule_off' },
    })
  })
})

describe('approve returns', () => {
  const askedAt = new Date(T0 + 10 * 24 * HOUR)
  const ret = (over: Partial<AutomationInput> = {}) =>
    decide({ request: returnOne, order: delivered, askedAt, ...over })

  it('approves a return inside the window worth less than the ceiling of its currency', () => {
    expect(ret()).toEqual({
      approve: true,
      rule: 'approve_return',
      why: {
        value: { amount: 4500, currency: 'EUR' },
        lessThan: { amount: 5000, currency: 'EUR' },
      },
    })
  })

  it('waits when the items are worth the ceiling or more', () => {
    const two = shippedOrder([['delivered', at(4)]], {
      lineItems: [makeLine({ quantity: 2 })],
    })
    const decision = ret({
      order: two,
      request: { type: 'return', lines: [{ lineItemId: 'li_1', quantity: 2 }] },
    })
    expect(decision).toMatchObject({
      approve: false,
      hold: { code: 'over_ceiling', value: { amount: 9000, currency: 'EUR' } },
    })
    const exact = {
      ...on,
      approveReturn: { enabled: true, lessThan: [{ currency: 'EUR', amount: 4500 }] },
    }
    expect(ret({ automation: exact })).toMatchObject({ hold: { code: 'over_ceiling' } })
  })

  it('waits for an order in a currency with no ceiling', () => {
    const usd = {
      ...on,
      approveReturn: { enabled: true, lessThan: [{ currency: 'USD', amount: 9_999_00 }] },
    }
    expect(ret({ automation: usd })).toMatchObject({
      hold: { code: 'no_ceiling_for_currency', currency: 'EUR' },
    })
  })

  it('waits outside the return window, judged when the shopper asked', () => {
    expect(ret({ askedAt: new Date(T0 + 40 * 24 * HOUR) })).toMatchObject({
      hold: { code: 'not_offered', reason: 'return_window_closed' },
    })
  })

  it('is off by default', () => {
    expect(ret({ automation: AUTOMATION_DEFAULTS })).toMatchObject({ hold: { code: 'rule_off' } })
  })
})

describe('requests without a rule', () => {
  it('leaves issue reports and kinds it does not know to an agent', () => {
    for (const type of ['issue', 'address_change', 'toString', '__proto__']) {
      expect(decide({ request: { type, lines: [] } })).toEqual({
        approve: false,
        rule: null,
        hold: { code: 'no_rule' },
      })
    }
  })
})
