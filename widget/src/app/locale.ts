import {
  createTranslator,
  dir,
  loadCatalog,
  loadLaterWords,
  matchLocale,
  type LoadedCatalog,
  type Locale,
  type Translator,
} from '@porchlight/shared/i18n/index'
import { createStore, useStore } from './store.ts'

export interface LocaleState {
  locale: Locale
  dir: 'ltr' | 'rtl'
  catalog: LoadedCatalog
  /** Whether the later screens' words (sign-in forms, order page, chat, requests) are here. */
  complete: boolean
  t: Translator
}

function stateFor(locale: Locale, catalog: LoadedCatalog, complete: boolean): LocaleState {
  const direction = dir(locale)
  // Interpolated values (emails, phone numbers) keep their own direction in mirrored text.
  const t = createTranslator(catalog, locale, { isolate: direction === 'rtl' })
  return { locale, dir: direction, catalog, complete, t }
}

/**
 * No words yet: every language, English included, is a chunk of its own (catalogs.ts), and
 * main.tsx draws the panel only once the first one is here, so no screen shows keys or a
 * language the shopper does not read.
 */
const noWords = {} as LoadedCatalog

/** The panel's language. Every component reading it re-renders in the same pass on a change. */
export const localeStore = createStore<LocaleState>(stateFor('en', noWords, false))

let latestRequest = 0
let chosen = false
/** The language last asked for (it may still be on its way). */
let target: Locale = 'en'
/** The switch in flight or last done: a superseded switch resolves with it. */
let latest: Promise<Locale> = Promise.resolve('en')
/** Set once a later screen opened: from then on every switch fetches both parts. */
let laterWanted = false

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
export function setLocale(candidates: string | readonly string[]): Promise<Locale> {
  const locale = matchLocale(typeof candidates === 'string' ? [candidates] : candidates)
  if (locale === undefined) return Promise.resolve(localeStore.get().locale)
  chosen = true
  target = locale
  latest = switchTo(locale, ++latestRequest)
  return latest
}

async function switchTo(locale: Locale, request: number): Promise<Locale> {
  const withLater = laterWanted
  let catalog: LoadedCatalog
  try {
    const [core, later] = await Promise.all([
      loadCatalog(locale),
      withLater ? loadLaterWords(locale) : undefined,
    ])
    catalog = later === undefined ? core : { ...core, ...later }
  } catch {
    // The chunk could not be fetched (offline, deploy in progress): stay readable in the
    // current language rather than break the panel; with none yet, English is the fallback.
    if (request !== latestRequest) return latest
    const none = localeStore.get().catalog === noWords
    return none && locale !== 'en' ? switchTo('en', request) : localeStore.get().locale
  }
  if (request !== latestRequest) return latest
  const now = localeStore.get()
  const unchanged =
    now.catalog !== noWords && now.locale === locale && (now.complete || !withLater)
  const state = unchanged ? now : stateFor(locale, catalog, withLater)
  localeStore.set(state)
  applyToDocument(state)
  return locale
}

/**
 * Fetches the later screens' words (sign-in forms, order page, chat, forms) in the panel's language,
 * before such a screen draws. Rejects when they could not be fetched, so the screen offers a
 * retry (see lazy-screen.tsx).
 */
export async function needLaterWords(): Promise<void> {
  laterWanted = true
  if (localeStore.get().complete) return
  latest = switchTo(target, ++latestRequest)
  await latest
  if (!localeStore.get().complete) throw new Error('the words of this screen did not arrive')
}

/**
 * The store's default language, used only when nothing the shopper's side said (the `locale`
 * the loader passed, the browser's languages) is one we ship.
 */
export function adoptStoreDefault(tag: string): Promise<Locale> {
  return chosen ? Promise.resolve(localeStore.get().locale) : setLocale(tag)
}

/**
 * The first language to show: the loader's `?locale=`, then the browser's preferences, English
 * when none is ours (the store's default may replace it once the config is here). Resolves once
 * its first-view words are here.
 */
export function startLocale(search: string, browser: readonly string[]): Promise<Locale> {
  const fromUrl = new URLSearchParams(search).get('locale')
  const candidates = [...(fromUrl ? [fromUrl] : []), ...browser]
  applyToDocument(localeStore.get())
  if (matchLocale(candidates) !== undefined) return setLocale(candidates)
  target = 'en'
  latest = switchTo('en', ++latestRequest)
  return latest
}

/** For tests: back to no words and no choice made (startLocale fetches the first ones). */
export function resetLocale(): void {
  latestRequest++
  chosen = false
  target = 'en'
  laterWanted = false
  latest = Promise.resolve('en')
  localeStore.set(stateFor('en', noWords, false))
  applyToDocument(localeStore.get())
}

/** The current language, its direction and its `t`. */
export function useI18n(): LocaleState {
  return useStore(localeStore)
}
