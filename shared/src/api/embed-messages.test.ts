import { describe, expect, it } from 'vitest'
import { normalizeLocale, pickLocale, readHostMessage } from './embed-messages.ts'

describe('normalizeLocale', () => {
  it.each([
    ['fr', 'fr'],
    ['pt-BR', 'pt-BR'],
    ['en_GB', 'en-GB'],
    [' de ', 'de'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
  ])('accepts %j as %j', (tag, expected) => {
    expect(normalizeLocale(tag)).toBe(expected)
  })

  it.each([[''], ['f'], ['français'], ['en-'], ['fr"><script>'], ['x'.repeat(40)], [42], [null]])(
    'refuses %j',
    (tag) => {
      expect(normalizeLocale(tag)).toBeUndefined()
    },
  )
})

describe('pickLocale', () => {
  it('takes the first usable candidate: data-locale, then <html lang>, then the browser', () => {
    expect(pickLocale('es', 'en', 'de-DE')).toBe('es')
    expect(pickLocale(undefined, 'en', 'de-DE')).toBe('en')
    expect(pickLocale(undefined, '', 'de-DE')).toBe('de-DE')
    expect(pickLocale('??', '', undefined)).toBeUndefined()
  })
})

describe('readHostMessage', () => {
  it('reads open and locale messages', () => {
    expect(readHostMessage({ type: 'porchlight:open' })).toEqual({ type: 'porchlight:open' })
    expect(readHostMessage({ type: 'porchlight:locale', locale: 'fr_CA', extra: 1 })).toEqual({
      type: 'porchlight:locale',
      locale: 'fr-CA',
    })
  })

  it('reads a Shopify app proxy grant of the right shape only', () => {
    const grant = `plg_${'A1_-'.repeat(10)}abc`
    expect(readHostMessage({ type: 'porchlight:grant', grant })).toEqual({
      type: 'porchlight:grant',
      grant,
    })
    // What the loader posts when the proxy refused: the error answer has no grant.
    expect(readHostMessage({ type: 'porchlight:grant' })).toBeUndefined()
    for (const bad of [`plg_${'a'.repeat(42)}`, `plg_${'a'.repeat(44)}`, `pls_${'a'.repeat(43)}`]) {
      expect(readHostMessage({ type: 'porchlight:grant', grant: bad })).toBeUndefined()
    }
    expect(readHostMessage({ type: 'porchlight:grant', grant: `plg_${'a'.repeat(42)}=` })).toBe(
      undefined,
    )
  })

  it.each([
    [null],
    ['porchlight:open'],
    [{ type: 'porchlight:close' }],
    [{ type: 'porchlight:locale' }],
    [{ type: 'porchlight:locale', locale: '<img src=x>' }],
  ])('ignores %j', (data) => {
    expect(readHostMessage(data)).toBeUndefined()
  })
})
