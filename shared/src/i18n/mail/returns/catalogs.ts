import type { MailLocale } from '../messages.ts'
import { ar } from './ar.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import type { ReturnMailCatalog } from './types.ts'

export type { ReturnMailCatalog } from './types.ts'

// Apart from the ticket catalogs, like those are apart from sign-in: same languages and marks.
const catalogs: Record<MailLocale, ReturnMailCatalog> = { en, fr, es, de, ar }

/** The return-message texts of one language. */
export function returnMailCatalog(locale: MailLocale): ReturnMailCatalog {
  return catalogs[locale]
}
