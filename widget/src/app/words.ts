/**
 * Codes from the order contract in the shopper's words, and money and dates in their locale.
 * Money and dates are formatted here from the raw values rather than taken from the server's
 * `formatted`, so a language change re-renders them at once, with everything else.
 */
import type { FormattedDate, FormattedMoney } from '@porchlight/shared/orders/summary'
import type { IneligibleReason } from '@porchlight/shared/orders/eligibility'
import {
  formatDate,
  formatMoney,
  isMessageKey,
  translate,
  type MessageKey,
} from '@porchlight/shared/i18n/index'
import type { DateStyle } from '@porchlight/shared/i18n/format'
import type { LocaleState } from './locale.ts'
import type { ReasonOption } from './order-view.ts'

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

/** Why an action is not offered, e.g. "Return window closed on 3 October." */
export function ineligibleText(reason: IneligibleReason, i18n: LocaleState): string {
  const date =
    reason.code === 'return_window_closed' || reason.code === 'cancel_window_closed'
      ? when(reason.data.closedAt, i18n, 'day')
      : ''
  return say(i18n, `ineligible.${reason.code}`, { date }, 'error.request_not_offered')
}

/** Reasons as the server sent them (bare codes or `{ code, labels }`), or our defaults. */
export function reasonOptions(
  reasons: Array<ReasonOption | string> | undefined,
  defaults: readonly string[],
): ReasonOption[] {
  return (reasons ?? defaults).map((r) => (typeof r === 'string' ? { code: r } : r))
}

/**
 * A reason in the shopper's language: the store's own label for it, else ours, else any label
 * the store gave (its reasons may be in languages we do not ship).
 */
export function reasonLabel(reason: ReasonOption, i18n: LocaleState): string {
  const labels = reason.labels ?? {}
  const tags = Object.keys(labels)
  const own =
    tags.find((tag) => tag === i18n.locale) ?? tags.find((tag) => tag.split('-')[0] === i18n.locale)
  if (own !== undefined) return labels[own]!
  if (isMessageKey(i18n.catalog, `reason.${reason.code}`)) return say(i18n, `reason.${reason.code}`)
  return labels['en'] ?? Object.values(labels)[0] ?? say(i18n, 'reason.other')
}
