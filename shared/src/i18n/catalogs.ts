import { en } from './en.ts'
import type { Locale } from './locales.ts'
import type { Catalog } from './types.ts'

/**
 * The catalog of a language. English is bundled (the first paint and the fallback); the others
 * are separate chunks fetched on demand, so a shopper downloads only the language they read.
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  switch (locale) {
    case 'en':
      return Promise.resolve(en)
    case 'fr':
      return import('./fr.ts').then((m) => m.fr)
    case 'es':
      return import('./es.ts').then((m) => m.es)
    case 'de':
      return import('./de.ts').then((m) => m.de)
    case 'ar':
      return import('./ar.ts').then((m) => m.ar)
  }
}
