import { describe, expect, it } from 'vitest'
import { normalizeOrderNumber, normalizePostalCode, splitName } from './order-lookup.ts'

describe('order lookup values', () => {
  it('reads an order number with or without its #', () => {
    expect(normalizeOrderNumber('1022')).toBe('#1022')
    expect(normalizeOrderNumber(' #1022 ')).toBe('#1022')
  })

  it('compares postal codes without spaces or case', () => {
    expect(normalizePostalCode(' sw1a  1aa ')).toBe('SW1A1AA')
  })

  it('splits a full name into first names and the last name, in lower case', () => {
    expect(splitName('Ada King Lovelace')).toEqual({ first: 'ada king', last: 'lovelace' })
    expect(splitName('  Zoë   Ndiaye ')).toEqual({ first: 'zoë', last: 'ndiaye' })
    expect(splitName('Cher')).toEqual({ first: 'cher', last: 'cher' })
    expect(splitName('   ')).toBeNull()
    expect(splitName(null)).toBeNull()
  })
})
