import { describe, expect, it } from 'vitest'
import { fillMail, mailCatalog, mailLocales, resolveMailLocale } from './messages.ts'

const marks = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('mail catalogs', () => {
  it('ship the languages the widget ships', () => {
    expect(mailLocales.sort()).toEqual(['ar', 'de', 'en', 'es', 'fr'])
  })

  it.each(mailLocales)('%s has every text with the same marks as English', (locale) => {
    for (const section of ['signInCode', 'requestAck'] as const) {
      const en: Record<string, string> = mailCatalog('en')[section]
      const texts: Record<string, string> = mailCatalog(locale)[section]
      expect(Object.keys(texts).sort()).toEqual(Object.keys(en).sort())
      for (const key of Object.keys(en)) {
        expect(texts[key]?.trim(), key).not.toBe('')
        expect(marks(texts[key] ?? ''), `${locale}.${section}.${key}`).toEqual(marks(en[key]!))
      }
      if (locale !== 'en') expect(texts['subject']).not.toBe(en['subject'])
    }
  })

  it.each(mailLocales)('%s acknowledges a request without promising a refund', (locale) => {
    const ack = mailCatalog(locale).requestAck
    const refund = { en: /refund/i, fr: /rembours/i, es: /reembols/i, de: /erstatt/i, ar: /استرد/ }
    for (const text of Object.values(ack)) expect(text).not.toMatch(refund[locale])
  })

  it('writes Arabic right to left and the others left to right', () => {
    expect(mailLocales.filter((l) => mailCatalog(l).dir === 'rtl')).toEqual(['ar'])
  })
})

describe('resolveMailLocale', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['DE_at', 'de'],
    ['ar-EG', 'ar'],
    ['pt-BR', 'en'],
    ['', 'en'],
  ])('%s -> %s', (tag, expected) => {
    expect(resolveMailLocale(tag)).toBe(expected)
  })

  it('uses the fallback (the store language) before English', () => {
    expect(resolveMailLocale('pt', 'es')).toBe('es')
    expect(resolveMailLocale('pt', 'zz')).toBe('en')
  })

  it('does not treat inherited object keys as languages', () => {
    expect(resolveMailLocale('constructor')).toBe('en')
    expect(resolveMailLocale('__proto__')).toBe('en')
  })
})

describe('fillMail', () => {
  it('fills known marks and leaves unknown ones', () => {
    expect(fillMail('{code} for {store} {nope}', { code: '012345', store: 'A&B' })).toBe(
      '012345 for A&B {nope}',
    )
  })

  it('does not re-read marks inside filled values', () => {
    expect(fillMail('{store} {code}', { store: '{code}', code: '1' })).toBe('{code} 1')
  })
})
