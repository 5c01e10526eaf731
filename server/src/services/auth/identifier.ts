import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'

export type IdentifierResult =
  | { ok: true; value: string }
  | { ok: false; code: 'invalid_email' | 'invalid_phone'; message: string }

// One plain address: no display name, quotes, spaces, commas or control characters, so it can
// never be read as a list of recipients or carry a header. The domain needs a dot.
const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const emailShape = new RegExp(`^[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]{1,64}@${label}(?:\\.${label})+$`)

/** Lower case without surrounding spaces, or an invalid_email failure. */
export function normalizeEmail(input: string): IdentifierResult {
  const value = input.trim().toLowerCase()
  if (value.length > 254 || !emailShape.test(value)) {
    return { ok: false, code: 'invalid_email', message: 'Enter a valid email address.' }
  }
  return { ok: true, value }
}

// Types that cannot receive a text message.
const noSms = new Set([
  'FIXED_LINE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOICEMAIL',
  'UAN',
])

/**
 * E.164 for a phone number that can receive texts. International form (+...) works anywhere;
 * a national number needs `country`. Uses the full metadata, so numbers that are the right
 * length but not in service in their country (e.g. +44 7700 900...) are refused here instead of
 * failing later at the SMS provider.
 */
export function normalizePhone(input: string, country?: string): IdentifierResult {
  const fail = (message: string) => ({ ok: false, code: 'invalid_phone', message }) as const
  if (input.length > 40 || !/^[\d\s()+.\-]+$/.test(input.trim())) {
    return fail('Enter a valid mobile phone number.')
  }
  const phone = parsePhoneNumberFromString(
    input.trim(),
    country === undefined ? undefined : { defaultCountry: country.toUpperCase() as CountryCode },
  )
  if (phone === undefined || !phone.isValid()) return fail('Enter a valid mobile phone number.')
  const type = phone.getType()
  if (type !== undefined && noSms.has(type)) {
    return fail('This number cannot receive text messages; enter a mobile number.')
  }
  return { ok: true, value: phone.number }
}
