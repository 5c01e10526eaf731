import { describe, expect, it } from 'vitest'
import { currencyDigits, formatDate, formatMoney, formatNumber, formatWait } from './format.ts'

// Intl separates with no-break spaces (U+00A0, U+202F); compare with plain ones.
const plain = (text: string) => text.replace(/\s/gu, ' ')

describe('formatMoney', () => {
  it('reads minor units with the currency’s own number of digits', () => {
    expect(currencyDigits('EUR')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('KWD')).toBe(3)
    expect(plain(formatMoney({ amount: 1999, currency: 'EUR' }, 'fr'))).toBe('19,99 €')
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500')
    expect(formatMoney({ amount: 12345, currency: 'USD' }, 'en')).toBe('$123.45')
    expect(plain(formatMoney({ amount: 1250, currency: 'KWD' }, 'en'))).toBe('KWD 1.250')
  })

  it('follows the locale, not the currency, for separators', () => {
    expect(plain(formatMoney({ amount: 123456, currency: 'USD' }, 'de'))).toBe('1.234,56 $')
  })
})

describe('formatDate', () => {
  const at = '2026-10-03T12:00:00Z'

  it('writes the day and month in each language', () => {
    expect(formatDate(at, 'en', 'day', 'UTC')).toBe('October 3')
    expect(formatDate(at, 'fr', 'day', 'UTC')).toBe('3 octobre')
    expect(formatDate(at, 'de', 'day', 'UTC')).toBe('3. Oktober')
    expect(formatDate(at, 'es', 'day', 'UTC')).toBe('3 de octubre')
  })

  it('adds the year or the time when asked', () => {
    expect(formatDate(at, 'en', 'date', 'UTC')).toBe('October 3, 2026')
    expect(plain(formatDate(at, 'en', 'dateTime', 'UTC'))).toBe('Oct 3, 12:00 PM')
  })

  it('counts the day in the given time zone', () => {
    expect(formatDate('2026-10-03T23:30:00Z', 'en', 'day', 'Asia/Tokyo')).toBe('October 4')
    expect(formatDate(new Date('2026-10-03T23:30:00Z'), 'en', 'day', 'UTC')).toBe('October 3')
  })
})

describe('formatWait', () => {
  it.each([
    [0, 'in 1 second'],
    [25, 'in 25 seconds'],
    [59, 'in 59 seconds'],
    [59.2, 'in 1 minute'],
    [60, 'in 1 minute'],
    [61, 'in 2 minutes'],
    [3599, 'in 60 minutes'],
    [7200, 'in 2 hours'],
  ])('%s seconds is "%s", rounded up', (seconds, text) => {
    expect(formatWait(seconds, 'en')).toBe(text)
  })

  it('speaks the locale', () => {
    expect(formatWait(300, 'fr')).toBe('dans 5 minutes')
    expect(formatWait(300, 'de')).toBe('in 5 Minuten')
  })
})

describe('formatNumber', () => {
  it('groups digits by locale', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567')
    expect(formatNumber(1234567, 'de')).toBe('1.234.567')
  })
})
