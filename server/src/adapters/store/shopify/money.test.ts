import { describe, expect, it } from 'vitest'
import { toDecimal, toMoney } from './money.ts'

describe('Shopify money', () => {
  it('reads decimal strings exactly, per currency precision', () => {
    expect(toMoney('12.5', 'EUR')).toEqual({ amount: 1250, currency: 'EUR' })
    expect(toMoney('0.10', 'USD')).toEqual({ amount: 10, currency: 'USD' })
    expect(toMoney('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' })
    expect(toMoney('1.234', 'KWD')).toEqual({ amount: 1234, currency: 'KWD' })
    // 0.1 + 0.2 style float noise never enters: 19.99 stays 1999.
    expect(toMoney('19.99', 'EUR').amount).toBe(1999)
    expect(toMoney('-3.20', 'EUR').amount).toBe(-320)
  })

  it('writes minor units back as the decimal string Shopify expects', () => {
    expect(toDecimal({ amount: 1250, currency: 'EUR' })).toBe('12.50')
    expect(toDecimal({ amount: 5, currency: 'EUR' })).toBe('0.05')
    expect(toDecimal({ amount: 1500, currency: 'JPY' })).toBe('1500')
    expect(toDecimal({ amount: 1234, currency: 'KWD' })).toBe('1.234')
  })

  it('treats garbage as zero instead of throwing', () => {
    expect(toMoney('not money', 'EUR')).toEqual({ amount: 0, currency: 'EUR' })
  })
})
