import { describe, expect, it } from 'vitest'
import { formatAge, formatDateTime, formatMoney, label } from './format.ts'

describe('format', () => {
  it('labels known codes and makes unknown ones readable', () => {
    expect(label('help-center')).toBe('Help center')
    expect(label('pending_release')).toBe('Refund pending release')
    expect(label('partially_refunded')).toBe('Partially refunded')
    expect(label(null)).toBe('—')
    // A default reason reads as the shopper saw it, apostrophe included.
    expect(label('doesnt_fit')).toBe('It doesn’t fit')
  })

  it('shows a bare date as that calendar day, whatever the time zone', () => {
    const d = formatDateTime('2026-01-14')
    expect(d).toContain('14')
    expect(d).not.toMatch(/\d:\d\d/)
    expect(formatDateTime('2026-01-14T15:00:00Z')).toMatch(/\d:\d\d/)
    expect(formatDateTime('garbage')).toBe('—')
  })

  it('gives ages in minutes, hours, then days', () => {
    const now = Date.parse('2026-01-10T12:00:00Z')
    expect(formatAge('2026-01-10T11:55:00Z', now)).toBe('5 min')
    expect(formatAge('2026-01-09T12:00:00Z', now)).toBe('24 h')
    expect(formatAge('2026-01-05T12:00:00Z', now)).toBe('5 d')
    expect(formatAge('2026-01-11T12:00:00Z', now)).toBe('0 min')
  })

  it('formats minor units by the currency’s decimals', () => {
    expect(formatMoney(1250, 'EUR')).toMatch(/12[.,]50/)
    expect(formatMoney(1250, 'JPY')).toMatch(/1,?250/)
    expect(formatMoney(1250, 'NOPE')).toBe('12.50 NOPE')
  })
})
