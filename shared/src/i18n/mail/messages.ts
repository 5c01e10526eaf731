import { ar } from './ar.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import type { MailCatalog } from './types.ts'

export type { MailCatalog } from './types.ts'

const catalogs = { en, fr, es, de, ar } as const satisfies Record<string, MailCatalog>

export type MailLocale = keyof typeof catalogs

/** Languages outgoing messages are written in. */
export const mailLocales = Object.keys(catalogs) as MailLocale[]

/** True when `value` names a language we write messages in. */
export function isMailLocale(value: string): value is MailLocale {
  return Object.hasOwn(catalogs, value)
}

/** The message language for a BCP 47 tag ('fr-CA' -> 'fr'), else `fallback`, else English. */
export function resolveMailLocale(tag: string, fallback?: string): MailLocale {
  for (const candidate of [tag, fallback ?? '']) {
    const primary = candidate.split(/[-_]/)[0]?.toLowerCase() ?? ''
    if (isMailLocale(primary)) return primary
  }
  return 'en'
}

/** The texts of one language. */
export function mailCatalog(locale: MailLocale): MailCatalog {
  return catalogs[locale]
}

/** Fills `{name}` marks from `values`; a mark without a value is left as it is. */
export function fillMail(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (mark, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : mark,
  )
}
