import type { Money } from '../orders/model.ts'

/*
 * Locale-aware formatting through Intl. Formatters are cached per locale and options because
 * constructing one costs far more than using it, and a timeline formats dozens of dates.
 */
const cache = new Map<string, unknown>()

function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined
  if (value === undefined) {
    value = make()
    cache.set(key, value)
  }
  return value
}

/** A number in the locale's digits and grouping. */
export function formatNumber(value: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value)
}

/** How many minor units a currency has (2 for EUR, 0 for JPY, 3 for KWD), per ISO 4217. */
export function currencyDigits(currency: string): number {
  return cached(`d|${currency}`, () => {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    return options.maximumFractionDigits ?? 2
  })
}

/** Money held in minor units (`{ amount: 1999, currency: 'EUR' }`), e.g. "19,99 €" in French. */
export function formatMoney(money: Money, locale: string): string {
  const format = cached(
    `m|${locale}|${money.currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }),
  )
  return format.format(money.amount / 10 ** currencyDigits(money.currency))
}

export type DateStyle = 'day' | 'date' | 'dateTime'

const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  // "3 October": short enough for a one-line status ("Return window closed on 3 October").
  day: { day: 'numeric', month: 'long' },
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
}

/**
 * A date or ISO 8601 timestamp in the locale's words. `timeZone` defaults to the runtime's own
 * (the shopper's, in the browser); tests and the server pass one explicitly.
 */
export function formatDate(
  value: string | Date,
  locale: string,
  style: DateStyle = 'day',
  timeZone?: string,
): string {
  const format = cached(
    `t|${locale}|${style}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { ...dateOptions[style], timeZone }),
  )
  return format.format(typeof value === 'string' ? new Date(value) : value)
}

/**
 * A wait ahead, in words: "in 25 seconds", "in 5 minutes", "in 2 hours" (rounded up, so the
 * shopper is never told to retry before the server allows it).
 */
export function formatWait(seconds: number, locale: string): string {
  const format = cached(
    `r|${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }),
  )
  const s = Math.max(1, Math.ceil(seconds))
  if (s < 60) return format.format(s, 'second')
  if (s < 90 * 60) return format.format(Math.ceil(s / 60), 'minute')
  return format.format(Math.ceil(s / 3600), 'hour')
}
