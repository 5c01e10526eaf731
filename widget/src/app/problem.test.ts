import { describe, expect, it } from 'vitest'
import type { PanelErrorCode } from './api-client.ts'
import { problemFor } from './problem.ts'

describe('problemFor', () => {
  it('tells a shopper the store withholds customer data, in words of its own', () => {
    expect(problemFor({ code: 'customer_data_withheld', status: 503, message: 'x' })).toEqual({
      key: 'error.customer_data_withheld',
    })
  })

  it('falls back to a general message for a code without words', () => {
    // A newer server may answer a code this panel does not know yet.
    const code = 'no_such_code' as PanelErrorCode
    expect(problemFor({ code, status: 503, message: 'x' })).toEqual({
      key: 'error.unknown',
    })
  })
})
