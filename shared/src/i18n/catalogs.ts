import type { Locale } from './locales.ts'
import type { Catalog, ChatCatalog, CoreCatalog, FormsCatalog, LaterCatalog } from './types.ts'

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
 * contact and rating forms; what the chat and the request forms share with them), English
 * included: fetched with those screens, so the first view never carries them.
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

/** The words only the chat draws: fetched with it, so the order page never carries them. */
export function loadChatWords(locale: Locale): Promise<ChatCatalog> {
  switch (locale) {
    case 'en':
      return import('./en-chat.ts').then((m) => m.enChat)
    case 'fr':
      return import('./fr-chat.ts').then((m) => m.frChat)
    case 'es':
      return import('./es-chat.ts').then((m) => m.esChat)
    case 'de':
      return import('./de-chat.ts').then((m) => m.deChat)
    case 'ar':
      return import('./ar-chat.ts').then((m) => m.arChat)
  }
}

/**
 * The words only the request forms draw (return, cancel, report an issue, address change,
 * exchanges): fetched with those forms, so the order page and the chat never carry them.
 */
export function loadFormsWords(locale: Locale): Promise<FormsCatalog> {
  switch (locale) {
    case 'en':
      return import('./en-forms.ts').then((m) => m.enForms)
    case 'fr':
      return import('./fr-forms.ts').then((m) => m.frForms)
    case 'es':
      return import('./es-forms.ts').then((m) => m.esForms)
    case 'de':
      return import('./de-forms.ts').then((m) => m.deForms)
    case 'ar':
      return import('./ar-forms.ts').then((m) => m.arForms)
  }
}

/** A whole language (all its parts), for tools and tests. */
export async function loadFullCatalog(locale: Locale): Promise<Catalog> {
  const [core, later, chat, forms] = await Promise.all([
    loadCatalog(locale),
    loadLaterWords(locale),
    loadChatWords(locale),
    loadFormsWords(locale),
  ])
  return { ...core, ...later, ...chat, ...forms }
}
