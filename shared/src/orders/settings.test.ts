import { describe, expect, it } from 'vitest'
import { DEFAULT_ORDER_RULES, normalizeOrderRules, windowMs } from './settings.ts'

describe('normalizeOrderRules', () => {
  it('gives the defaults for a store that set nothing', () => {
    expect(normalizeOrderRules(undefined)).toEqual({ rules: DEFAULT_ORDER_RULES, problems: [] })
    expect(normalizeOrderRules({})).toEqual({ rules: DEFAULT_ORDER_RULES, problems: [] })
  })

  it('keeps valid fields and merges them over the defaults', () => {
    const { rules, problems } = normalizeOrderRules({
      cancel: { window: { amount: 12, unit: 'hours', from: 'order' } },
      return: {
        window: { amount: 14, unit: 'days', from: 'fulfillment' },
        excludedTags: [' Final-Sale ', 'clearance', 'clearance'],
        financialStatuses: ['paid'],
      },
      issueReasons: {
        delivered: [
          { code: 'damaged_item' },
          { code: 'smells_odd', labels: { en: 'It smells odd', 'pt-BR': 'Cheiro estranho' } },
        ],
      },
    })
    expect(problems).toEqual([])
    expect(rules.cancel).toEqual({
      ...DEFAULT_ORDER_RULES.cancel,
      window: { amount: 12, unit: 'hours', from: 'order' },
    })
    expect(rules.return.window).toEqual({ amount: 14, unit: 'days', from: 'fulfillment' })
    expect(rules.return.excludedTags).toEqual(['final-sale', 'clearance'])
    expect(rules.return.financialStatuses).toEqual(['paid'])
    expect(rules.return.fulfillmentStatuses).toEqual(DEFAULT_ORDER_RULES.return.fulfillmentStatuses)
    expect(rules.issueReasons.delivered).toHaveLength(2)
  })

  it.each([
    ['a non-object', 'yes', ['orderRules: expected an object']],
    ['cancel as a list', { cancel: [] }, ['cancel: expected an object']],
    ['enabled as text', { cancel: { enabled: 'no' } }, ['cancel.enabled: invalid value']],
    [
      'requireDelivery as text',
      { return: { requireDelivery: 'yes' } },
      ['return.requireDelivery: invalid value'],
    ],
    [
      'a zero window',
      { return: { window: { amount: 0, unit: 'days', from: 'delivery' } } },
      ['return.window: invalid value'],
    ],
    [
      'a fractional window',
      { return: { window: { amount: 1.5, unit: 'days', from: 'delivery' } } },
      ['return.window: invalid value'],
    ],
    [
      'an unknown unit',
      { return: { window: { amount: 3, unit: 'weeks', from: 'delivery' } } },
      ['return.window: invalid value'],
    ],
    [
      'an unknown anchor',
      { return: { window: { amount: 3, unit: 'days', from: 'payment' } } },
      ['return.window: invalid value'],
    ],
    [
      'a window over ten years',
      { return: { window: { amount: 4000, unit: 'days', from: 'order' } } },
      ['return.window: invalid value'],
    ],
    [
      'an unknown status',
      { cancel: { fulfillmentStatuses: ['unfulfilled', 'shipped'] } },
      ['cancel.fulfillmentStatuses: invalid value'],
    ],
    ['an empty tag', { return: { excludedTags: [''] } }, ['return.excludedTags: invalid value']],
    [
      'an unknown scenario',
      { issueReasons: { lost: [{ code: 'other' }] } },
      ['issueReasons.lost: unknown scenario'],
    ],
    [
      'an empty reason list',
      { issueReasons: { delivered: [] } },
      ['issueReasons.delivered: expected 1 to 30 reasons of { code, labels? }'],
    ],
    [
      'a malformed code',
      { issueReasons: { delivered: [{ code: 'Bad Code' }] } },
      ['issueReasons.delivered: expected 1 to 30 reasons of { code, labels? }'],
    ],
    [
      'a label that is not text',
      { issueReasons: { delivered: [{ code: 'x', labels: { en: 3 } }] } },
      ['issueReasons.delivered: expected 1 to 30 reasons of { code, labels? }'],
    ],
    [
      'an own reason without labels',
      { issueReasons: { delivered: [{ code: 'smells_odd' }] } },
      ["issueReasons.delivered: the store's own reason smells_odd needs labels"],
    ],
    [
      'return reasons that are not a list',
      { returnReasons: { code: 'other' } },
      ['returnReasons: expected 1 to 30 reasons of { code, labels? }'],
    ],
    [
      'an empty cancel reason list',
      { cancelReasons: [] },
      ['cancelReasons: expected 1 to 30 reasons of { code, labels? }'],
    ],
    [
      'an own cancel reason without labels',
      { cancelReasons: [{ code: 'other' }, { code: 'moving_house' }] },
      ["cancelReasons: the store's own reason moving_house needs labels"],
    ],
  ])('reports %s and falls back to the default', (_name, raw, problems) => {
    const result = normalizeOrderRules(raw)
    expect(result.problems).toEqual(problems)
    expect(result.rules).toEqual(DEFAULT_ORDER_RULES)
  })

  it("keeps a store's own return and cancel reasons", () => {
    const { rules, problems } = normalizeOrderRules({
      returnReasons: [{ code: 'doesnt_fit' }, { code: 'too_big', labels: { en: 'Too big' } }],
      cancelReasons: [{ code: 'damaged_item' }],
    })
    expect(problems).toEqual([])
    expect(rules.returnReasons).toEqual([
      { code: 'doesnt_fit' },
      { code: 'too_big', labels: { en: 'Too big' } },
    ])
    // A built-in code of another list is labelled by the catalogs too, so it needs no labels.
    expect(rules.cancelReasons).toEqual([{ code: 'damaged_item' }])
  })

  it('allows switching the window off with null, and returns before delivery', () => {
    const { rules, problems } = normalizeOrderRules({
      return: { window: null, requireDelivery: false },
    })
    expect(problems).toEqual([])
    expect(rules.return.window).toBeNull()
    expect(rules.return.requireDelivery).toBe(false)
  })
})

describe('windowMs', () => {
  it('counts days and hours', () => {
    expect(windowMs({ amount: 2, unit: 'days', from: 'order' })).toBe(2 * 86_400_000)
    expect(windowMs({ amount: 5, unit: 'hours', from: 'order' })).toBe(5 * 3_600_000)
  })
})

describe('hidden reasons', () => {
  it('keeps a hidden reason out of what shoppers are offered', () => {
    const { rules, problems } = normalizeOrderRules({
      issueReasons: {
        shipped: [
          { code: 'package_delayed', hidden: true },
          { code: 'gift_wrap', labels: { en: 'Gift wrap torn' } },
          { code: 'old_own_reason', hidden: true },
        ],
      },
      returnReasons: [{ code: 'doesnt_fit' }, { code: 'changed_mind', hidden: true }],
    })
    expect(problems).toEqual([])
    expect(rules.issueReasons.shipped).toEqual([
      { code: 'gift_wrap', labels: { en: 'Gift wrap torn' } },
    ])
    expect(rules.returnReasons).toEqual([{ code: 'doesnt_fit' }])
  })

  it('reports a hidden flag that is not true or false', () => {
    const { problems } = normalizeOrderRules({
      returnReasons: [{ code: 'doesnt_fit', hidden: 'yes' }],
    })
    expect(problems).toHaveLength(1)
  })
})
