/**
 * The order summary a shopper reads under the timeline: shipping, billing and payment, with
 * money and dates formatted for the shopper's locale by Intl (no catalog needed for these).
 */
import type { Address, Money, Order, PaymentMethod } from './model.ts'
import { activeShipments } from './order-facts.ts'

/** Money as stored (minor units) plus its text for the locale ("€12.50", "12,50 €"). */
export interface FormattedMoney {
  amount: number
  currency: string
  formatted: string
}

/** A moment as ISO 8601 plus its text for the locale and time zone. */
export interface FormattedDate {
  iso: string
  formatted: string
}

export interface FormattedAddress extends Address {
  /** The address as lines in the usual order for its country, country name in the locale. */
  lines: string[]
}

export interface OrderSummary {
  name: string
  placedAt: FormattedDate
  itemCount: number
  shipping: {
    deliveryMethod: Order['deliveryMethod']
    method: string | null
    address: FormattedAddress | null
    carriers: string[]
  }
  billing: { address: FormattedAddress | null }
  payment: {
    method: PaymentMethod | null
    subtotal: FormattedMoney
    shipping: FormattedMoney
    tax: FormattedMoney
    discount: FormattedMoney
    total: FormattedMoney
    paid: FormattedMoney
    refunded: FormattedMoney
    /** Still to pay (cash on delivery, partial payment); zero when settled. */
    outstanding: FormattedMoney
  }
}

export interface FormatOptions {
  /** BCP 47; an unusable tag falls back to 'en'. */
  locale: string
  /** IANA zone for dates; an unusable one falls back to 'UTC'. */
  timeZone?: string
}

// Building an Intl formatter costs far more than using one, and the order list formats a few
// values per order on every request: keep them, bounded so odd inputs cannot grow memory.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  key: string,
  build: () => T,
): T {
  let f = formatters.get(key)
  if (f === undefined) {
    if (formatters.size >= 500) formatters.clear()
    f = build()
    formatters.set(key, f)
  }
  return f as T
}

const resolvedLocales = new Map<string, string>()

/** A usable BCP 47 locale for Intl: the canonical form of `locale`, or 'en'. */
export function resolveLocale(locale: string | undefined): string {
  if (locale === undefined || locale === '') return 'en'
  let resolved = resolvedLocales.get(locale)
  if (resolved === undefined) {
    try {
      resolved = Intl.getCanonicalLocales(locale)[0] ?? 'en'
    } catch {
      resolved = 'en'
    }
    if (resolvedLocales.size >= 500) resolvedLocales.clear()
    resolvedLocales.set(locale, resolved)
  }
  return resolved
}

/** True when Intl knows the IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const currencyDigits = new Map<string, number>()

// Digits of the currency's minor unit (2 for EUR, 0 for JPY), the same in every locale.
function minorDigits(currency: string): number {
  let digits = currencyDigits.get(currency)
  if (digits === undefined) {
    const options = Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    digits = options.maximumFractionDigits ?? 2
    if (currencyDigits.size >= 500) currencyDigits.clear()
    currencyDigits.set(currency, digits)
  }
  return digits
}

/** Money in minor units formatted for a locale; unknown currencies get "12.50 XYZ". */
export function formatMoney(money: Money, locale: string): FormattedMoney {
  const loc = resolveLocale(locale)
  let formatted: string
  try {
    const f = cached(`n|${loc}|${money.currency}`, () =>
      Intl.NumberFormat(loc, { style: 'currency', currency: money.currency }),
    )
    formatted = f.format(money.amount / 10 ** minorDigits(money.currency))
  } catch {
    formatted = `${(money.amount / 100).toFixed(2)} ${money.currency}`
  }
  return { amount: money.amount, currency: money.currency, formatted }
}

/** A date (withTime: date and time) formatted for a locale and zone; bad input kept as is. */
export function formatDate(iso: string, options: FormatOptions, withTime = false): FormattedDate {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return { iso, formatted: iso }
  const loc = resolveLocale(options.locale)
  const build = (zone: string) =>
    cached(`d|${loc}|${zone}|${withTime}`, () =>
      Intl.DateTimeFormat(loc, {
        dateStyle: 'medium',
        ...(withTime ? { timeStyle: 'short' } : {}),
        timeZone: zone,
      }),
    )
  let f: Intl.DateTimeFormat
  try {
    f = build(options.timeZone ?? 'UTC')
  } catch {
    f = build('UTC')
  }
  return { iso, formatted: f.format(time) }
}

// Countries that write the city before the postal code (most of the world writes it after).
const cityFirst = new Set(['US', 'CA', 'AU', 'NZ', 'GB', 'IE', 'JP', 'KR', 'BR', 'IN'])

/** An address as display lines for its country, the country named in the locale. */
export function formatAddress(address: Address, locale: string): FormattedAddress {
  const country = address.country.toUpperCase()
  let countryName = country
  try {
    const names = cached(
      `r|${resolveLocale(locale)}`,
      () => new Intl.DisplayNames(resolveLocale(locale), { type: 'region' }),
    )
    countryName = names.of(country) ?? country
  } catch {
    // A code Intl does not know stays as given.
  }
  const postal = address.postalCode ?? ''
  const region = address.region ?? ''
  const place = cityFirst.has(country)
    ? [address.city, [region, postal].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : [[postal, address.city].filter(Boolean).join(' '), region].filter(Boolean).join(', ')
  const lines = [address.name, address.company, address.line1, address.line2, place, countryName]
  return { ...address, lines: lines.filter((l): l is string => l !== null && l.trim() !== '') }
}

/** The shipping, billing and payment summary of an order for a locale and time zone. */
export function orderSummary(order: Order, options: FormatOptions): OrderSummary {
  const { locale } = options
  const money = (m: Money) => formatMoney(m, locale)
  const { totals } = order
  const carriers = activeShipments(order)
    .map((s) => s.carrier)
    .filter((c): c is string => c !== null && c !== '')
  const settled =
    order.status === 'cancelled' ||
    order.cancelledAt != null ||
    order.financialStatus === 'voided' ||
    order.financialStatus === 'refunded'
  return {
    name: order.name,
    placedAt: formatDate(order.createdAt, options),
    itemCount: order.lineItems.reduce((n, l) => n + l.quantity, 0),
    shipping: {
      deliveryMethod: order.deliveryMethod,
      method: order.shippingMethod,
      address: order.shippingAddress && formatAddress(order.shippingAddress, locale),
      carriers: [...new Set(carriers)],
    },
    billing: { address: order.billingAddress && formatAddress(order.billingAddress, locale) },
    payment: {
      method: order.paymentMethod,
      subtotal: money(totals.subtotal),
      shipping: money(totals.shipping),
      tax: money(totals.tax),
      discount: money(totals.discount),
      total: money(totals.total),
      paid: money(totals.paid),
      refunded: money(totals.refunded),
      outstanding: money({
        // A cancelled or voided order is owed nothing, whatever was left unpaid.
        amount: settled ? 0 : Math.max(0, totals.total.amount - totals.paid.amount),
        currency: totals.total.currency,
      }),
    },
  }
}
