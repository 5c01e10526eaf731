/** The languages the widget ships, English first (the reference and the last resort). */
export const locales = ['en', 'fr', 'es', 'de', 'ar'] as const

export type Locale = (typeof locales)[number]

// Scripts written right to left, by base language (Arabic, Hebrew, Persian, Urdu, ...), so a
// store's locale outside our catalogs still gets the right direction for its own content.
const rtl = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'])

function baseLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
}

/** Whether a language is written right to left ('rtl') or left to right ('ltr'). */
export function dir(locale: string): 'ltr' | 'rtl' {
  return rtl.has(baseLanguage(locale)) ? 'rtl' : 'ltr'
}

/** Whether a tag names a language we ship, e.g. 'fr' yes, 'fr-CA' no (see matchLocale). */
export function isLocale(tag: string): tag is Locale {
  return (locales as readonly string[]).includes(tag)
}

/**
 * The first candidate we can serve, by exact language or by its base language
 * (['fr-CA', 'en'] -> 'fr', ['pt-BR', 'es'] -> 'es'); undefined when none matches.
 */
export function matchLocale(
  candidates: readonly (string | null | undefined)[],
  /** The languages the store offers (its Store settings); every one we ship when absent. */
  offered?: readonly string[],
): Locale | undefined {
  for (const candidate of candidates) {
    if (!candidate) continue
    const base = baseLanguage(candidate)
    if (isLocale(base) && (offered === undefined || offered.includes(base))) return base
  }
  return undefined
}

/**
 * The language to speak to a shopper of a store that offers `offered`: the first of their
 * candidates it offers, else the store's default, else the first language it offers we ship,
 * else English.
 */
export function offeredLocale(
  candidates: readonly (string | null | undefined)[],
  offered: readonly string[],
  storeDefault: string,
): Locale {
  return (
    matchLocale(candidates, offered) ??
    matchLocale([storeDefault], offered) ??
    matchLocale(offered) ??
    'en'
  )
}

/** The best supported locale for a list of preferences, most preferred first; English if none. */
export function resolveLocale(candidates: readonly (string | null | undefined)[]): Locale {
  return matchLocale(candidates) ?? 'en'
}

/** The region of a tag ('fr-CA' -> 'CA', 'es-419' -> undefined), to read national phone numbers. */
export function regionOf(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined
  const region = tag
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part))
  return region?.toUpperCase()
}
