import { describe, expect, it } from 'vitest'
import type { Address } from './model.ts'
import { formatAddress, formatDate, formatMoney, orderSummary, resolveLocale } from './summary.ts'
import { at, makeOrder, makeShipment } from './test-support/order-builder.ts'

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

const paris: Address = {
  name: 'Bruno Lefèvre',
  company: null,
  line1: '12 rue des Lilas',
  line2: null,
  city: 'Paris',
  region: null,
  postalCode: '75011',
  country: 'FR',
  phone: null,
}

describe('formatMoney', () => {
  it.each([
    [{ amount: 1250, currency: 'EUR' }, 'fr', '12,50 €'],
    [{ amount: 1250, currency: 'EUR' }, 'en', '€12.50'],
    [{ amount: 1250, currency: 'USD' }, 'en-US', '$12.50'],
    [{ amount: 1250, currency: 'JPY' }, 'ja', '￥1,250'],
    [{ amount: 1250, currency: 'GBP' }, 'not a locale!', '£12.50'],
  ])('%j in %s → %s', (money, locale, expected) => {
    expect(nbsp(formatMoney(money, locale).formatted)).toBe(expected)
  })

  it('keeps the amount and currency beside the text', () => {
    expect(formatMoney({ amount: 99, currency: 'EUR' }, 'en')).toMatchObject({
      amount: 99,
      currency: 'EUR',
    })
  })

  it('does not throw on a currency Intl refuses', () => {
    expect(formatMoney({ amount: 1250, currency: 'EURO' }, 'en').formatted).toBe('12.50 EURO')
  })
})

describe('formatDate', () => {
  it('formats in the locale and zone, keeping the ISO value', () => {
    const iso = '2026-03-01T23:30:00Z'
    expect(formatDate(iso, { locale: 'en', timeZone: 'UTC' })).toEqual({
      iso,
      formatted: 'Mar 1, 2026',
    })
    // Half past midnight in Paris is already the next day.
    expect(formatDate(iso, { locale: 'fr', timeZone: 'Europe/Paris' }).formatted).toBe(
      '2 mars 2026',
    )
    expect(nbsp(formatDate(iso, { locale: 'en', timeZone: 'UTC' }, true).formatted)).toBe(
      'Mar 1, 2026, 11:30 PM',
    )
  })

  it('falls back to UTC for an unknown zone and keeps unreadable dates as they are', () => {
    expect(
      formatDate('2026-03-01T23:30:00Z', { locale: 'en', timeZone: 'Mars/Olympus' }).formatted,
    ).toBe('Mar 1, 2026')
    expect(formatDate('soon', { locale: 'en' })).toEqual({ iso: 'soon', formatted: 'soon' })
  })
})

describe('formatAddress', () => {
  it('writes the postal code before the city in France and names the country in the locale', () => {
    expect(formatAddress(paris, 'fr').lines).toEqual([
      'Bruno Lefèvre',
      '12 rue des Lilas',
      '75011 Paris',
      'France',
    ])
    expect(formatAddress(paris, 'de').lines.at(-1)).toBe('Frankreich')
  })

  it('writes city, region and ZIP in the US', () => {
    const address = {
      ...paris,
      city: 'Oakland',
      region: 'CA',
      postalCode: '94612',
      country: 'US',
      company: 'Acme',
    }
    expect(formatAddress(address, 'en').lines).toEqual([
      'Bruno Lefèvre',
      'Acme',
      '12 rue des Lilas',
      'Oakland, CA 94612',
      'United States',
    ])
  })
})

describe('orderSummary', () => {
  it('summarises shipping, billing and payment for the locale', () => {
    const order = makeOrder({
      shippingAddress: paris,
      billingAddress: paris,
      fulfillmentStatus: 'fulfilled',
      shipments: [
        makeShipment([], { carrier: 'Colissimo' }),
        makeShipment([], { id: 'b', carrier: 'Colissimo' }),
      ],
      totals: {
        ...makeOrder().totals,
        paid: { amount: 5000, currency: 'EUR' },
        refunded: { amount: 1500, currency: 'EUR' },
      },
    })
    const summary = orderSummary(order, { locale: 'fr', timeZone: 'Europe/Paris' })
    expect(summary.placedAt).toEqual({ iso: at(0), formatted: '1 mars 2026' })
    expect(summary.shipping).toMatchObject({
      method: 'Standard',
      deliveryMethod: 'shipping',
      carriers: ['Colissimo'],
    })
    expect(summary.shipping.address?.lines).toContain('75011 Paris')
    expect(summary.billing.address?.name).toBe('Bruno Lefèvre')
    expect(nbsp(summary.payment.total.formatted)).toBe('50,00 €')
    expect(nbsp(summary.payment.refunded.formatted)).toBe('15,00 €')
    expect(summary.payment.outstanding.amount).toBe(0)
    expect(summary.payment.method).toEqual({ kind: 'card', label: 'Visa •••• 4242' })
    expect(summary.itemCount).toBe(1)
  })

  it('shows what is still to pay on cash on delivery, and nothing once cancelled', () => {
    const cod = makeOrder({
      financialStatus: 'pending',
      paymentMethod: { kind: 'cash_on_delivery', label: 'Cash on delivery' },
      totals: { ...makeOrder().totals, paid: { amount: 0, currency: 'EUR' } },
    })
    expect(orderSummary(cod, { locale: 'en' }).payment.outstanding.amount).toBe(5000)
    const cancelled = { ...cod, status: 'cancelled' as const, cancelledAt: at(1) }
    expect(orderSummary(cancelled, { locale: 'en' }).payment.outstanding.amount).toBe(0)
  })

  it('resolves locales', () => {
    expect(resolveLocale('EN-gb')).toBe('en-GB')
    expect(resolveLocale('')).toBe('en')
    expect(resolveLocale('??')).toBe('en')
  })
})
