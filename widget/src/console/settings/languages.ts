import type { Locale } from '@porchlight/shared/i18n/locales'

/** Each language in its own words, so a merchant finds theirs. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  de: 'Deutsch',
  ar: 'العربية',
}
