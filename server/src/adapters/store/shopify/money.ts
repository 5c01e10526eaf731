import type { Money } from '@porchlight/shared/orders/model'

const digitsCache = new Map<string, number>()

/** How many minor units a currency has (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency)
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number
    } catch {
      digits = 2
    }
    digitsCache.set(currency, digits)
  }
  return digits
}

/**
 * Shopify sends money as a decimal string ("12.5"); we keep integers of minor units so sums
 * are exact. Parsed as text, never through a float.
 */
export function toMoney(amount: string | number, currency: string): Money {
  const digits = currencyDigits(currency)
  const text = typeof amount === 'number' ? amount.toFixed(digits) : amount.trim()
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text)
  if (match === null) return { amount: 0, currency }
  const [, sign, whole = '0', frac = ''] = match
  const padded = (frac + '0'.repeat(digits)).slice(0, digits)
  // Anything past the currency's precision rounds half up, like Shopify's own display.
  const roundUp = frac.length > digits && Number(frac[digits]) >= 5 ? 1 : 0
  const minor = Number(whole) * 10 ** digits + Number(padded || '0') + roundUp
  return { amount: sign === '-' ? -minor : minor, currency }
}

/** Minor units back to the decimal string Shopify's `Money` scalar expects. */
export function toDecimal(money: Money): string {
  const digits = currencyDigits(money.currency)
  const sign = money.amount < 0 ? '-' : ''
  const abs = Math.abs(money.amount)
  if (digits === 0) return `${sign}${abs}`
  const whole = Math.floor(abs / 10 ** digits)
  const frac = String(abs % 10 ** digits).padStart(digits, '0')
  return `${sign}${whole}.${frac}`
}
