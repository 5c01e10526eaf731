/**
 * Codes from the order contract in the shopper's words, and money and dates in their locale.
 * Money and dates are formatted here from the raw values rather than taken from the server's
 * `formatted`, so a language change re-renders them at once, with everything else.
 */
import type { FormattedDate, FormattedMoney } from '@porchlight/shared/orders/summary'
import {
  formatDate,
  formatMoney,
  isMessageKey,
  translate,
  type MessageKey,
} from '@porchlight/shared/i18n/index'
import type { DateStyle } from '@porchlight/shared/i18n/format'
import type { LocaleState } from './locale.ts'

/**
 * A message whose key is built from a code (`status.${code}`): the catalogs cover every code of
 * the contract (CoverageCheck in shared/src/i18n/types.ts); an unknown one reads `fallback`.
 */
export function say(
  i18n: LocaleState,
  key: string,
  params: Record<string, string | number> = {},
  fallback: MessageKey = 'error.unknown',
): string {
  const known = isMessageKey(i18n.catalog, key) ? key : fallback
  return translate(i18n.catalog, i18n.locale, known, params, { isolate: i18n.dir === 'rtl' })
}

/** An order's or a parcel's status in words ("In transit"). */
export const statusText = (code: string, i18n: LocaleState) =>
  say(i18n, `status.${code}`, {}, 'status.status_unavailable')

/** A timeline entry's kind in words ("Out for delivery"). */
export const eventText = (kind: string, i18n: LocaleState) =>
  say(i18n, `timeline.${kind}`, {}, 'timeline.update')

export const money = (value: FormattedMoney, i18n: LocaleState) => formatMoney(value, i18n.locale)

/** 'day' "3 October", 'date' "3 October 2026", 'dateTime' "3 Oct, 14:05". */
export const when = (value: FormattedDate | string, i18n: LocaleState, style: DateStyle = 'date') =>
  formatDate(typeof value === 'string' ? value : value.iso, i18n.locale, style)
