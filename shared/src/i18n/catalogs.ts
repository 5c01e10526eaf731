import type { Locale } from './locales.ts'
import type { Catalog, CoreCatalog, LaterCatalog } from './types.ts'

/**
 * The first-view words of a language, each a separate chunk fetched on demand (English too), so
 * a shopper downloads only the language they read. The panel fetches them alongside the store's
 * config and draws once both are here (widget/src/app/main.tsx).
 */
export function loadCatalog(locale: Locale): Promise<CoreCatalog> {
  switch (locale) {
    case 'en':
      return import('./en.ts').then((m) => m.en)
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

/**
 * The words of the screens the first view does not draw (the sign-in forms, the order page, the
 * chat, the request and contact forms), English included: fetched with those screens, so the
 * first view never carries them.
 */
export function loadLaterWords(locale: Locale): Promise<LaterCatalog> {
  switch (locale) {
    case 'en':
      return import('./en-later.ts').then((m) => m.enLater)
    case 'fr':
      return import('./fr-later.ts').then((m) => m.frLater)
    case 'es':
      return import('./es-later.ts').then((m) => m.esLater)
    case 'de':
      return import('./de-later.ts').then((m) => m.deLater)
    case 'ar':
      return import('./ar-later.ts').then((m) => m.arLater)
  }
}

/** A whole language (both parts), for tools and tests. */
export async function loadFullCatalog(locale: Locale): Promise<Catalog> {
  const [core, later] = await Promise.all([loadCatalog(locale), loadLaterWords(locale)])
  return { ...core, ...later }
}
