/**
 * The store's return settings, read from `settings.returns` (kept apart from the settings
 * schema so the settings console can adopt the keys as they are):
 *
 *   returns.refundOn: 'receipt' | 'approval'   "auto release refund": 'approval' releases the
 *                                               refund when the agent approves; the default
 *                                               waits for the items to arrive
 *   returns.address: ReturnAddress             where shoppers send returns
 */
import type { ReturnAddress } from '../api/returns.ts'

export type RefundOn = 'approval' | 'receipt'

export interface ReturnSettings {
  refundOn: RefundOn
  address: ReturnAddress | null
}

const text = (v: unknown, max = 200): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null

/** The return address, when the store set one with at least a name, a street, a city, a country. */
export function parseReturnAddress(value: unknown): ReturnAddress | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  const name = text(v['name'])
  const line1 = text(v['line1'])
  const city = text(v['city'])
  const country = text(v['country'], 2)?.toUpperCase() ?? null
  if (name === null || line1 === null || city === null || country === null) return null
  if (!/^[A-Z]{2}$/.test(country)) return null
  return {
    name,
    line1,
    line2: text(v['line2']),
    city,
    region: text(v['region']),
    postalCode: text(v['postalCode'], 20),
    country,
  }
}

/** Reads `settings.returns`; anything unreadable falls back to the defaults. */
export function returnSettings(settings: Record<string, unknown>): ReturnSettings {
  const raw = settings['returns']
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  return {
    refundOn: r['refundOn'] === 'approval' ? 'approval' : 'receipt',
    address: parseReturnAddress(r['address']),
  }
}
