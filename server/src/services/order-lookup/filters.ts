import {
  normalizeOrderNumber,
  normalizePostalCode,
  type OrderLookupFilters,
} from '@porchlight/shared/api/order-lookup'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { AppError } from '../../errors.ts'

/** The lookup's query parameters as the route validated them (strings, trimmed, non-empty). */
export interface LookupParams {
  number?: string | undefined
  email?: string | undefined
  phone?: string | undefined
  firstName?: string | undefined
  lastName?: string | undefined
  postalCode?: string | undefined
  /** YYYY-MM-DD, both included. */
  from?: string | undefined
  to?: string | undefined
}

const DAY = 86_400_000

function calendarDay(name: string, value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const ms = match === null ? Number.NaN : Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)
  // Date.UTC rolls 2026-02-31 over to March: the round trip refuses such a date.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new AppError('validation_failed', `${name}: expected a date as YYYY-MM-DD`)
  }
  return ms
}

/**
 * The filters in the one form every adapter compares with: order numbers with their `#`,
 * emails and names in lower case, phones in E.164, postal codes without spaces, dates as a
 * half-open range of epoch ms. Input that cannot match anything is a 400, never an empty page.
 */
export function lookupFilters(p: LookupParams): OrderLookupFilters {
  const f: OrderLookupFilters = {}
  if (p.number !== undefined) f.number = normalizeOrderNumber(p.number)
  if (p.email !== undefined) f.email = p.email.toLowerCase()
  if (p.phone !== undefined) {
    const phone = /^[\d\s()+.\-]+$/.test(p.phone) ? parsePhoneNumberFromString(p.phone) : undefined
    if (phone === undefined || !phone.isValid()) {
      throw new AppError('validation_failed', 'phone: expected an international number (+...)')
    }
    f.phone = phone.number
  }
  if (p.firstName !== undefined) f.firstName = p.firstName.toLowerCase().replace(/\s+/g, ' ')
  if (p.lastName !== undefined) f.lastName = p.lastName.toLowerCase().replace(/\s+/g, ' ')
  if (p.postalCode !== undefined) f.postalCode = normalizePostalCode(p.postalCode)
  if (p.from !== undefined) f.createdFrom = calendarDay('from', p.from)
  if (p.to !== undefined) f.createdBefore = calendarDay('to', p.to) + DAY
  if (
    f.createdFrom !== undefined &&
    f.createdBefore !== undefined &&
    f.createdFrom >= f.createdBefore
  ) {
    throw new AppError('validation_failed', 'from: must not be after to')
  }
  return f
}
