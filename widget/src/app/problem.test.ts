import { describe, expect, it } from 'vitest'
import { problemFor } from './problem.ts'

describe('problemFor', () => {
  it('tells a shopper the store withholds customer data, in words of its own', () => {
    expect(problemFor({ code: 'customer_data_withheld', status: 503, message: 'x' })).toEqual({
      key: 'error.customer_data_withheld',
    })
  })

  it('falls back to a general message for a code without words', () => {
    expect(problemFor({ code: 'no_such_code', status: 503, message: 'x' })).toEqual({
      key: 'error.unknown',
    })
  })
})
