import { describe, expect, it } from 'vitest'
import { dir, isLocale, matchLocale, offeredLocale, regionOf, resolveLocale } from './locales.ts'

describe('resolveLocale', () => {
  it.each([
    [['fr-CA', 'en'], 'fr'],
    [['pt-BR', 'es-MX', 'en'], 'es'],
    [['DE_at'], 'de'],
    [['ar-EG'], 'ar'],
    [[null, undefined, '', 'en-GB'], 'en'],
    [['ja', 'zh-Hant'], 'en'],
    [[], 'en'],
  ])('picks from %j the locale %s', (candidates, expected) => {
    expect(resolveLocale(candidates)).toBe(expected)
  })

  it('respects the order of preference', () => {
    expect(resolveLocale(['de', 'fr'])).toBe('de')
    expect(resolveLocale(['fr', 'de'])).toBe('fr')
  })

  it('tells when nothing matches, so a store default can apply', () => {
    expect(matchLocale(['ja', 'ko'])).toBeUndefined()
    expect(matchLocale(['ja', 'es'])).toBe('es')
  })
})

describe('dir', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['en', 'ltr'],
    ['fr-CA', 'ltr'],
    ['', 'ltr'],
  ])('%s is %s', (locale, expected) => {
    expect(dir(locale)).toBe(expected)
  })
})

describe('isLocale and regionOf', () => {
  it('accepts only shipped languages', () => {
    expect(isLocale('fr')).toBe(true)
    expect(isLocale('fr-CA')).toBe(false)
    expect(isLocale('it')).toBe(false)
  })

  it.each([
    ['fr-CA', 'CA'],
    ['en_gb', 'GB'],
    ['zh-Hant-TW', 'TW'],
    ['es-419', undefined],
    ['de', undefined],
    [null, undefined],
  ])('the region of %s is %s', (tag, region) => {
    expect(regionOf(tag)).toBe(region)
  })
})

describe('offeredLocale: only the languages the store offers', () => {
  it.each([
    [['fr-CA', 'en'], ['en', 'fr'], 'en', 'fr'],
    // German is ours but not offered: the next preference the store offers.
    [['de-AT', 'es'], ['en', 'es'], 'en', 'es'],
    // Nothing the shopper reads is offered: the store's default.
    [['de', 'ja'], ['fr', 'ar'], 'ar', 'ar'],
    // A default that is not offered (stored before the check): the first offered we ship.
    [['ja'], ['es', 'fr'], 'de', 'es'],
    // Nothing offered that we ship: English, the last resort.
    [['ja'], ['pt'], 'pt', 'en'],
  ])('%j offered %j (default %s) speaks %s', (candidates, offered, storeDefault, expected) => {
    expect(offeredLocale(candidates, offered, storeDefault)).toBe(expected)
  })

  it('leaves matchLocale unchanged without an offer', () => {
    expect(matchLocale(['de'])).toBe('de')
    expect(matchLocale(['de'], ['en', 'fr'])).toBeUndefined()
  })
})
