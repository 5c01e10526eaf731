import type { LoadedCatalog, MessageKey, ParamsArg, ParamValue, PluralForms } from './types.ts'
import { formatNumber } from './format.ts'

const pluralRules = new Map<string, Intl.PluralRules>()

function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale)
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  return rules.select(count)
}

// First strong isolate / pop directional isolate: an interpolated value ("+44 7700 900123",
// an email, a store name in another script) keeps its own direction inside a mirrored sentence.
const FSI = '\u2068'
const PDI = '\u2069'

export interface TranslateOptions {
  /** Wrap each interpolated value in Unicode isolates (wanted in right-to-left text). */
  isolate?: boolean
}

/**
 * The text of one message in one language: picks the plural form for `params.count` with
 * Intl.PluralRules, then fills `{name}` placeholders (numbers in the locale's digits). An
 * unknown placeholder is left as written so a mistake shows instead of vanishing; so is a key
 * whose part of the catalog has not arrived (a later screen's words, which that screen awaits).
 */
export function translate(
  catalog: LoadedCatalog,
  locale: string,
  key: MessageKey,
  params: Record<string, ParamValue> = {},
  options: TranslateOptions = {},
): string {
  const entry: string | PluralForms | undefined = (
    catalog as Partial<Record<MessageKey, string | PluralForms>>
  )[key]
  if (entry === undefined) return key
  const template =
    typeof entry === 'string'
      ? entry
      : (entry[pluralCategory(locale, Number(params['count'] ?? 0))] ?? entry.other)
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    const text = typeof value === 'number' ? formatNumber(value, locale) : value
    return options.isolate ? FSI + text + PDI : text
  })
}

/** A translate function bound to one language, typed so each key takes exactly its placeholders. */
export type Translator = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string

/** Binds a catalog and its locale into `t(key, params)`. */
export function createTranslator(
  catalog: LoadedCatalog,
  locale: string,
  options: TranslateOptions = {},
): Translator {
  return (key, ...params) =>
    translate(catalog, locale, key, params[0] as Record<string, ParamValue> | undefined, options)
}

/** Whether a string (e.g. `error.${code}` from a server answer) is a key of the catalog. */
export function isMessageKey(catalog: LoadedCatalog, key: string): key is MessageKey {
  return Object.hasOwn(catalog, key)
}
