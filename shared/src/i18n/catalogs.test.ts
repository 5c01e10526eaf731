import { describe, expect, it } from 'vitest'
import {
  loadCatalog,
  loadChatWords,
  loadFormsWords,
  loadFullCatalog,
  loadLaterWords,
} from './catalogs.ts'
import { enChat } from './en-chat.ts'
import { enForms } from './en-forms.ts'
import { enLater } from './en-later.ts'
import { en as enCore } from './en.ts'
import { locales } from './locales.ts'
import type { Catalog, PluralForms } from './types.ts'

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
const forms = (entry: string | PluralForms) =>
  typeof entry === 'string' ? [entry] : Object.values(entry)
const en = { ...enCore, ...enLater, ...enChat, ...enForms }
const englishKeys = Object.keys(en).sort()

// Categories a count from 0 to 200 can fall in: those are the forms shoppers actually meet
// (seconds, minutes, items); 'many' for a million in French is left to the 'other' fallback.
function categoriesInUse(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale)
  return new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)))
}

describe.each(locales)('the %s catalog', (locale) => {
  let catalog: Catalog

  it('loads', async () => {
    catalog = await loadFullCatalog(locale)
    expect(typeof catalog).toBe('object')
  })

  it('has exactly the English keys', () => {
    expect(Object.keys(catalog).sort()).toEqual(englishKeys)
  })

  it('has no empty message', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      for (const text of forms(entry)) expect(text.trim(), key).not.toBe('')
    }
  })

  it('uses the placeholders of the English message, no more and no fewer', () => {
    for (const [key, entry] of Object.entries(catalog) as [
      keyof typeof en,
      string | PluralForms,
    ][]) {
      const reference = new Set(forms(en[key]).flatMap((text) => [...placeholders(text)]))
      if (typeof entry === 'string') {
        expect(placeholders(entry), key).toEqual(reference)
        continue
      }
      // A plural form may spell its number out ("دقيقتين": two minutes) and so omit {count}.
      reference.delete('count')
      for (const text of forms(entry)) {
        const used = placeholders(text)
        used.delete('count')
        expect(used, key).toEqual(reference)
      }
    }
  })

  it('gives every plural the forms its language uses for everyday counts', () => {
    const needed = categoriesInUse(locale)
    for (const [key, entry] of Object.entries(catalog)) {
      if (typeof entry === 'string') continue
      for (const category of needed) expect(entry, `${key} ${category}`).toHaveProperty(category)
    }
  })
})

describe('loadCatalog', () => {
  it('returns the English catalog itself (its own chunk, like every language)', async () => {
    expect(await loadCatalog('en')).toBe(enCore)
  })

  it('splits every language the same way: first-view words, the later screens’, the chat’s, the forms’', async () => {
    for (const locale of locales) {
      expect(Object.keys(await loadCatalog(locale)).sort(), locale).toEqual(
        Object.keys(enCore).sort(),
      )
      expect(Object.keys(await loadLaterWords(locale)).sort(), locale).toEqual(
        Object.keys(enLater).sort(),
      )
      expect(Object.keys(await loadChatWords(locale)).sort(), locale).toEqual(
        Object.keys(enChat).sort(),
      )
      expect(Object.keys(await loadFormsWords(locale)).sort(), locale).toEqual(
        Object.keys(enForms).sort(),
      )
    }
  })

  it('returns a different text for the same key in each language', async () => {
    const texts = await Promise.all(
      locales.map(async (l) => (await loadCatalog(l))['common.close']),
    )
    expect(new Set(texts).size).toBe(locales.length)
  })
})
