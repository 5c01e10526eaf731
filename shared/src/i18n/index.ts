/**
 * Languages of the widget: catalogs keyed by stable codes, the lookup with `{name}` placeholders
 * and plurals, locale negotiation, text direction, and Intl formatting of numbers, money and dates.
 * Outbound messages (emails, SMS) have their own catalogs in ./mail/.
 */
export {
  loadCatalog,
  loadChatWords,
  loadFormsWords,
  loadFullCatalog,
  loadLaterWords,
} from './catalogs.ts'
export {
  dir,
  isLocale,
  locales,
  matchLocale,
  offeredLocale,
  regionOf,
  resolveLocale,
  type Locale,
} from './locales.ts'
export { createTranslator, isMessageKey, translate, type Translator } from './translate.ts'
export { currencyDigits, formatDate, formatMoney, formatNumber, formatWait } from './format.ts'
export type {
  Catalog,
  ChatCatalog,
  CoreCatalog,
  FormsCatalog,
  LaterCatalog,
  LoadedCatalog,
  MessageKey,
  ParamsOf,
  PluralForms,
} from './types.ts'
