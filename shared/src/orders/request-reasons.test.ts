import { describe, expect, it } from 'vitest'
import { enForms } from '../i18n/en-forms.ts'
import { en as enCore } from '../i18n/en.ts'
import {
  BUILTIN_REQUEST_REASON_CODES,
  DEFAULT_CANCEL_REASONS,
  DEFAULT_RETURN_REASONS,
  cancelReasons,
  isBuiltinRequestReason,
  isReasonOffered,
  offeredReasons,
  returnReasons,
} from './request-reasons.ts'
import { DEFAULT_ORDER_RULES, normalizeOrderRules, type OrderRules } from './settings.ts'
import { at, makeOrder, shippedOrder } from './test-support/order-builder.ts'

const rules = DEFAULT_ORDER_RULES
const codes = (list: Array<{ code: string }>) => list.map((r) => r.code)

describe('return and cancel reasons', () => {
  it('offers the default lists, each closed by "other"', () => {
    expect(codes(returnReasons(rules))).toEqual([...DEFAULT_RETURN_REASONS])
    expect(codes(cancelReasons(rules))).toEqual([...DEFAULT_CANCEL_REASONS])
    expect(DEFAULT_RETURN_REASONS.at(-1)).toBe('other')
    expect(DEFAULT_CANCEL_REASONS.at(-1)).toBe('other')
  })

  it('has an English label for every built-in code', () => {
    for (const code of BUILTIN_REQUEST_REASON_CODES) {
      expect(Object.keys({ ...enCore, ...enForms }), code).toContain(`reason.${code}`)
    }
  })

  it("uses a store's own list instead of the default", () => {
    const own = normalizeOrderRules({
      returnReasons: [{ code: 'too_big', labels: { en: 'Too big', fr: 'Trop grand' } }],
      cancelReasons: [{ code: 'ordered_by_mistake' }],
    }).rules
    expect(returnReasons(own)).toEqual([
      { code: 'too_big', labels: { en: 'Too big', fr: 'Trop grand' } },
    ])
    expect(cancelReasons(own)).toEqual([{ code: 'ordered_by_mistake' }])
  })

  it('drops own reasons without labels, and falls back when none is left', () => {
    // Rules built by hand (not through normalizeOrderRules) may still carry such entries.
    const handMade: OrderRules = {
      ...rules,
      returnReasons: [{ code: 'mystery' }],
      cancelReasons: [{ code: 'mystery' }, { code: 'other' }],
    }
    expect(codes(returnReasons(handMade))).toEqual([...DEFAULT_RETURN_REASONS])
    expect(codes(cancelReasons(handMade))).toEqual(['other'])
  })

  it('knows which codes the catalogs label', () => {
    expect(isBuiltinRequestReason('doesnt_fit')).toBe(true)
    expect(isBuiltinRequestReason('found_better_price')).toBe(true)
    expect(isBuiltinRequestReason('tracking_not_updating')).toBe(true)
    expect(isBuiltinRequestReason('too_big')).toBe(false)
  })
})

describe('offeredReasons', () => {
  it("gives issue reports the reasons of the order's scenario", () => {
    const delivered = shippedOrder([['delivered', at(3)]])
    expect(codes(offeredReasons(delivered, rules, 'issue'))).toContain('damaged_item')
    expect(codes(offeredReasons(makeOrder(), rules, 'issue'))).toContain('taking_too_long')
    expect(isReasonOffered(makeOrder(), rules, 'issue', 'damaged_item')).toBe(false)
    expect(isReasonOffered(delivered, rules, 'issue', 'damaged_item')).toBe(true)
  })

  it('keeps each list to its own kind of request', () => {
    const order = makeOrder()
    expect(isReasonOffered(order, rules, 'cancel', 'ordered_by_mistake')).toBe(true)
    expect(isReasonOffered(order, rules, 'return', 'ordered_by_mistake')).toBe(false)
    expect(isReasonOffered(order, rules, 'return', 'doesnt_fit')).toBe(true)
    expect(isReasonOffered(order, rules, 'cancel', 'doesnt_fit')).toBe(false)
  })
})
