import {
  createTranslator,
  dir,
  en,
  loadCatalog,
  matchLocale,
  type Catalog,
  type Locale,
  type Translator,
} from '@porchlight/shared/i18n/index'
import { createStore, useStore } from './store.ts'

export interface LocaleState {
  locale: Locale
  dir: 'ltr' | 'rtl'
  catalog: Catalog
  t: Translator
}

function stateFor(locale: Locale, catalog: Catalog): LocaleState {
  const direction = dir(locale)
  // Interpolated values (emails, phone numbers) keep their own direction in mirrored text.
  const t = createTranslator(catalog, locale, { isolate: direction === 'rtl' })
  return { locale, dir: direction, catalog, t }
}

/** The panel's language. Every component reading it re-renders in the same pass on a change. */
export const localeStore = createStore<LocaleState>(stateFor('en', en))

let latestRequest = 0
let chosen = false

function applyToDocument(state: LocaleState): void {
  const html = document.documentElement
  html.lang = state.locale
  html.dir = state.dir
}

/**
 * Switches the panel to the first supported language among `candidates` (a tag like 'fr-CA'
 * or a list, most preferred first). The catalog is fetched before anything changes, so every
 * string, the direction and `<html lang>` switch together; a later call wins over a slower
 * earlier one. Resolves to the locale in use afterwards; an unsupported tag changes nothing.
 * The host messaging calls this on `porchlight:locale`.
 */
export async function setLocale(candidates: string | readonly string[]): Promise<Locale> {
  const locale = matchLocale(typeof candidates === 'string' ? [candidates] : candidates)
  if (locale === undefined) return localeStore.get().locale
  chosen = true
  const request = ++latestRequest
  let catalog: Catalog
  try {
    catalog = await loadCatalog(locale)
  } catch {
    // The chunk could not be fetched (offline, deploy in progress): stay readable in the
    // current language rather than break the panel.
    return localeStore.get().locale
  }
  if (request !== latestRequest) return localeStore.get().locale
  const state = localeStore.get().locale === locale ? localeStore.get() : stateFor(locale, catalog)
  localeStore.set(state)
  applyToDocument(state)
  return locale
}

/**
 * The store's default language, used only when nothing the shopper's side said (the `locale`
 * the loader passed, the browser's languages) is one we ship.
 */
export function adoptStoreDefault(tag: string): Promise<Locale> {
  return chosen ? Promise.resolve(localeStore.get().locale) : setLocale(tag)
}

/** The first language to show: the loader's `?locale=`, then the browser's preferences. */
export function startLocale(search: string, browser: readonly string[]): Promise<Locale> {
  const fromUrl = new URLSearchParams(search).get('locale')
  const candidates = [...(fromUrl ? [fromUrl] : []), ...browser]
  applyToDocument(localeStore.get())
  return setLocale(candidates)
}

/** For tests: back to English with no choice made. */
export function resetLocale(): void {
  latestRequest++
  chosen = false
  localeStore.set(stateFor('en', en))
  applyToDocument(localeStore.get())
}

/** The current language, its direction and its `t`. */
export function useI18n(): LocaleState {
  return useStore(localeStore)
}
