import { describe, expect, it } from 'vitest'
import { ticketNumberIn, ticketReference } from './reference.ts'

describe('ticket references', () => {
  it('names a ticket T-<number>, never like an order', () => {
    expect(ticketReference(1002)).toBe('T-1002')
    expect(ticketReference(7)).toBe('T-7')
  })

  it.each([
    ['T-1002', 1002],
    ['t-1002', 1002],
    ['T1002', 1002],
    ['#1002', 1002],
    ['1002', 1002],
    [' T-1002 ', 1002],
  ])('reads %j as ticket %d', (search, number) => {
    expect(ticketNumberIn(search)).toBe(number)
  })

  it.each(['', 'T-', 'T-10a', 'order 1002', 'TT-1002', '-1002', '1e3', '9999999999999999'])(
    'reads no ticket number in %j',
    (search) => {
      expect(ticketNumberIn(search)).toBeUndefined()
    },
  )

  it('reads back every reference it writes', () => {
    for (const n of [1, 42, 1002, 999_999]) expect(ticketNumberIn(ticketReference(n))).toBe(n)
  })
})
