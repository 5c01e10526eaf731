import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PanelErrorCode } from './api-client.ts'
import { needLaterWords, resetLocale, startLocale } from './locale.ts'
import { problemFor } from './problem.ts'

// The panel's first words, as main.tsx fetches them before anything is drawn.
beforeEach(() => startLocale('', ['en']))
afterEach(resetLocale)

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

  it('names a form’s own error once the forms’ words are here, and only then', async () => {
    // The sign-in and request forms' errors are in the later part of the language, which
    // arrives before those forms are drawn; the first view's screens never meet them.
    const error = { code: 'code_expired', status: 400, message: 'x' } as const
    expect(problemFor(error)).toEqual({ key: 'error.unknown' })
    await needLaterWords()
    expect(problemFor(error)).toEqual({ key: 'error.code_expired' })
  })
})
