import { describe, expect, it } from 'vitest'
import { mailLocales } from '../messages.ts'
import { returnMailCatalog } from './catalogs.ts'

const marks = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('return mail catalogs', () => {
  it.each(mailLocales)('%s has every text, translated, with the marks of English', (locale) => {
    const en = returnMailCatalog('en')
    const t = returnMailCatalog(locale)
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(t[key].trim(), `${locale}.${key}`).not.toBe('')
      expect(marks(t[key]), `${locale}.${key}`).toEqual(marks(en[key]))
      if (locale !== 'en') expect(t[key], `${locale}.${key}`).not.toBe(en[key])
    }
  })
})
