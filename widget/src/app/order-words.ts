/**
 * Words of the order page and the request forms (why an action is not offered, the reasons to
 * pick): apart from words.ts, so they travel with those screens' chunks, not the first view.
 */
import type { IneligibleReason } from '@porchlight/shared/orders/eligibility'
import { isMessageKey } from '@porchlight/shared/i18n/index'
import type { LocaleState } from './locale.ts'
import type { ReasonOption } from './order-view.ts'
import { say, when } from './words.ts'

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
