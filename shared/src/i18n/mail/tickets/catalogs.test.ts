import { describe, expect, it } from 'vitest'
import { mailLocales } from '../messages.ts'
import { decisionTextKey, ticketMailCatalog } from './catalogs.ts'

const marks = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('ticket mail catalogs', () => {
  it.each(mailLocales)('%s has every text with the same marks as English', (locale) => {
    const en = ticketMailCatalog('en')
    const t = ticketMailCatalog(locale)
    for (const group of ['subject', 'lead'] as const) {
      for (const key of Object.keys(en[group]) as (keyof typeof en.subject)[]) {
        expect(t[group][key].trim(), `${locale}.${group}.${key}`).not.toBe('')
        expect(marks(t[group][key]), `${locale}.${group}.${key}`).toEqual(marks(en[group][key]))
      }
    }
    for (const key of [
      'refundReleased',
      'refundPending',
      'refundOnReceipt',
      'noteFrom',
      'referenceLine',
      'footer',
      'ratePrompt',
      'rateAction',
    ] as const) {
      expect(t[key].trim(), `${locale}.${key}`).not.toBe('')
      expect(marks(t[key]), `${locale}.${key}`).toEqual(marks(en[key]))
    }
    if (locale !== 'en') expect(t.lead.cancelApproved).not.toBe(en.lead.cancelApproved)
    expect(t.dir).toBe(locale === 'ar' ? 'rtl' : 'ltr')
  })

  it('names a text for every decision on every request type', () => {
    for (const type of ['cancel', 'return', 'issue'] as const) {
      for (const decision of ['approved', 'declined'] as const) {
        expect(ticketMailCatalog('en').lead[decisionTextKey(type, decision)]).toBeTypeOf('string')
      }
    }
  })
})
