import {
  createTranslator,
  dir,
  loadCatalog,
  loadChatWords,
  loadFormsWords,
  loadLaterWords,
  matchLocale,
  offeredLocale,
  type LoadedCatalog,
  type Locale,
  type Translator,
} from '@porchlight/shared/i18n/index'
import { createStore, useStore } from './store.ts'

export interface LocaleState {
  locale: Locale
  dir: 'ltr' | 'rtl'
  catalog: LoadedCatalog
  /** Which parts beyond the first view's are here (see WordsPart). */
  has: Readonly<Record<WordsPart, boolean>>
  t: Translator
}

/**
 * The parts of a language beyond the first view's: `later` for the sign-in forms, the order
 * page, the contact and rating forms (and what the others share with them); `chat` for the chat
 * alone; `forms` for the request forms alone (return, cancel, issue, address change, exchanges).
 * Apart, the chat does not carry the forms' words, nor the forms the chat's.
 */
export type WordsPart = 'later' | 'chat' | 'forms'
const loaders = { later: loadLaterWords, chat: loadChatWords, forms: loadFormsWords }

function stateFor(
  locale: Locale,
  catalog: LoadedCatalog,
  parts: readonly WordsPart[],
): LocaleState {
  const direction = dir(locale)
  // Interpolated values (emails, phone numbers) keep their own direction in mirrored text.
  const t = createTranslator(catalog, locale, { isolate: direction === 'rtl' })
  const has = {
    later: parts.includes('later'),
    chat: parts.includes('chat'),
    forms: parts.includes('forms'),
  }
  return { locale, dir: direction, catalog, has, t }
}

/**
 * No words yet: every language, English included, is a chunk of its own (catalogs.ts), and
 * main.tsx draws the panel only once the first one is here, so no screen shows keys or a
 * language the shopper does not read.
 */
const noWords = {} as LoadedCatalog

/** The panel's language. Every component reading it re-renders in the same pass on a change. */
export const localeStore = createStore<LocaleState>(stateFor('en', noWords, []))

let latestRequest = 0
let chosen = false
/** The languages the store offers (its config); every one we ship until the config is here. */
let offered: readonly string[] | undefined
/** What the shopper's side asked for so far (the loader's, the browser's, the host page's). */
let asked: string[] = []
/** The language last asked for (it may still be on its way). */
let target: Locale = 'en'
/** The switch in flight or last done: a superseded switch resolves with it. */
let latest: Promise<Locale> = Promise.resolve('en')
/** The parts a screen opened so far needed: from then on every switch fetches them too. */
const wanted = new Set<WordsPart>()

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
  const list = typeof candidates === 'string' ? [candidates] : candidates
  asked = [...list, ...asked.filter((c) => !list.includes(c))]
  const locale = matchLocale(list, offered)
  if (locale === undefined) return Promise.resolve(localeStore.get().locale)
  chosen = true
  target = locale
  latest = switchTo(locale, ++latestRequest)
  return latest
}

async function switchTo(locale: Locale, request: number): Promise<Locale> {
  const parts = [...wanted]
  let catalog: LoadedCatalog
  try {
    const [core, ...more] = await Promise.all([
      loadCatalog(locale),
      ...parts.map((part) => loaders[part](locale)),
    ])
    catalog = Object.assign({}, core, ...more) as LoadedCatalog
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
    now.catalog !== noWords && now.locale === locale && parts.every((part) => now.has[part])
  const state = unchanged ? now : stateFor(locale, catalog, parts)
  localeStore.set(state)
  applyToDocument(state)
  return locale
}

/**
 * Fetches the parts of the panel's language a screen draws with, before it draws. Rejects when
 * they could not be fetched, so the screen offers a retry (see lazy-screen.tsx).
 */
export async function needWords(parts: readonly WordsPart[]): Promise<void> {
  for (const part of parts) wanted.add(part)
  const here = () => parts.every((part) => localeStore.get().has[part])
  if (here()) return
  latest = switchTo(target, ++latestRequest)
  await latest
  if (!here()) throw new Error('the words of this screen did not arrive')
}

/** The later screens' words (sign-in forms, order page, contact form), see needWords. */
export const needLaterWords = (): Promise<void> => needWords(['later'])

/**
 * The store's languages, once its config is here: the panel speaks only those it offers (its
 * Store settings). The shopper's side (the `locale` the loader passed, the browser's languages,
 * the host page) chooses among them; the store's default speaks when it asked for none of them.
 */
export function adoptStoreLanguages(
  locales: readonly string[] | undefined,
  storeDefault: string,
): Promise<Locale> {
  offered = locales
  const current = localeStore.get().locale
  if (chosen && (offered === undefined || offered.includes(target))) {
    return Promise.resolve(current)
  }
  const locale =
    offered === undefined
      ? (matchLocale([storeDefault]) ?? target)
      : offeredLocale(asked, offered, storeDefault)
  if (locale === target) return latest
  target = locale
  latest = switchTo(locale, ++latestRequest)
  return latest
}

/**
 * The first language to show: the loader's `?locale=`, then the browser's preferences, English
 * when none is ours (the store's default may replace it once the config is here). Resolves once
 * its first-view words are here.
 */
export function startLocale(search: string, browser: readonly string[]): Promise<Locale> {
  const fromUrl = new URLSearchParams(search).get('locale')
  const candidates = [...(fromUrl ? [fromUrl] : []), ...browser]
  asked = [...candidates]
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
  offered = undefined
  asked = []
  target = 'en'
  wanted.clear()
  latest = Promise.resolve('en')
  localeStore.set(stateFor('en', noWords, []))
  applyToDocument(localeStore.get())
}

/** The current language, its direction and its `t`. */
export function useI18n(): LocaleState {
  return useStore(localeStore)
}
