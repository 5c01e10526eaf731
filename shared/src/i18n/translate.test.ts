import { describe, expect, it } from 'vitest'
import { arLater } from './ar-later.ts'
import { ar as arCore } from './ar.ts'
import { deLater } from './de-later.ts'
import { de as deCore } from './de.ts'
import { enLater } from './en-later.ts'
import { en as enCore } from './en.ts'
import { frLater } from './fr-later.ts'
import { fr as frCore } from './fr.ts'
import { createTranslator, isMessageKey, translate } from './translate.ts'

// Whole languages: the messages below come from both parts (the first view's and the later).
const [en, fr, de, ar] = [
  { ...enCore, ...enLater },
  { ...frCore, ...frLater },
  { ...deCore, ...deLater },
  { ...arCore, ...arLater },
]

describe('translate', () => {
  it('fills placeholders by name', () => {
    expect(translate(en, 'en', 'auth.home.signed_in_as', { identity: 'ada@example.com' })).toBe(
      'Signed in as ada@example.com',
    )
    expect(translate(en, 'en', 'order.shipment', { index: 2, total: 3 })).toBe('Parcel 2 of 3')
  })

  it('leaves an unknown placeholder visible instead of dropping it', () => {
    expect(translate(en, 'en', 'auth.home.signed_in_as', {})).toBe('Signed in as {identity}')
  })

  it('picks the English plural by count', () => {
    expect(translate(en, 'en', 'order.items', { count: 1 })).toBe('1 item')
    expect(translate(en, 'en', 'order.items', { count: 0 })).toBe('0 items')
    expect(translate(en, 'en', 'order.items', { count: 12 })).toBe('12 items')
  })

  it('follows French rules, where zero is singular', () => {
    expect(translate(fr, 'fr', 'auth.code.resend_in', { count: 0 })).toBe(
      'Envoyer un nouveau code dans 0 seconde',
    )
    expect(translate(fr, 'fr', 'auth.code.resend_in', { count: 2 })).toBe(
      'Envoyer un nouveau code dans 2 secondes',
    )
  })

  it('uses all six Arabic forms', () => {
    const text = (count: number) => translate(ar, 'ar', 'order.items', { count })
    expect(text(1)).toBe('منتج واحد')
    expect(text(2)).toBe('منتجان')
    expect(text(3)).toBe(`${new Intl.NumberFormat('ar').format(3)} منتجات`)
    expect(text(11)).toBe(`${new Intl.NumberFormat('ar').format(11)} منتجًا`)
    expect(text(100)).toBe(`${new Intl.NumberFormat('ar').format(100)} منتج`)
  })

  it('writes numbers with the locale grouping', () => {
    expect(translate(de, 'de', 'order.items', { count: 1234 })).toBe('1.234 Artikel')
  })

  it('isolates interpolated values when asked, for right-to-left text', () => {
    const text = translate(
      ar,
      'ar',
      'auth.home.signed_in_as',
      { identity: '+447700900123' },
      {
        isolate: true,
      },
    )
    expect(text).toBe('تم تسجيل الدخول باستخدام \u2068+447700900123\u2069')
  })
})

describe('createTranslator', () => {
  it('binds a catalog and a locale', () => {
    const t = createTranslator(fr, 'fr')
    expect(t('common.close')).toBe('Fermer')
    expect(t('auth.code.expires', { count: 10 })).toBe('Il est valable 10 minutes.')
  })
})

describe('isMessageKey', () => {
  it('accepts keys of the catalog and nothing inherited', () => {
    expect(isMessageKey(en, 'error.code_expired')).toBe(true)
    expect(isMessageKey(en, 'error.made_up')).toBe(false)
    expect(isMessageKey(en, 'toString')).toBe(false)
  })
})
