/**
 * The delivery address a shopper may type when asking to change where an order goes: which
 * fields each country needs, and the check of what was typed. The table is small on purpose:
 * the countries stores ship to most, with what their post offices require and a postal code
 * format only where it is simple and stable. Any other country needs a name, a street, a city
 * and the country; its postal code and region are taken as typed. No lookups: the carrier and
 * the store still have the last word, and a store's refusal comes back to the agent.
 */
import type { Address } from './model.ts'

/** What a country asks of an address. */
export interface CountryAddressRules {
  /** The region (state, province, prefecture) must be given. */
  regionRequired: boolean
  /** Region codes the store platforms accept, when the list is short and fixed. */
  regions?: readonly string[]
  postalCodeRequired: boolean
  /** Checked after trimming and upper-casing; absent where the format is not simple. */
  postalCodePattern?: RegExp
}

const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN',
  'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH',
  'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT',
  'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'GU', 'VI', 'AS', 'MP', 'AA', 'AE', 'AP',
] as const // prettier-ignore
const CA_PROVINCES = [
  'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT',
] as const // prettier-ignore
const AU_STATES = ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'] as const

const digits = (n: number) => new RegExp(`^\\d{${n}}$`)

/** The countries with rules of their own (ISO 3166-1 alpha-2). */
export const COUNTRY_ADDRESS_RULES: Readonly<Record<string, CountryAddressRules>> = {
  US: {
    regionRequired: true,
    regions: US_STATES,
    postalCodeRequired: true,
    postalCodePattern: /^\d{5}(-\d{4})?$/,
  },
  CA: {
    regionRequired: true,
    regions: CA_PROVINCES,
    postalCodeRequired: true,
    postalCodePattern: /^[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d$/,
  },
  GB: {
    regionRequired: false,
    postalCodeRequired: true,
    postalCodePattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  },
  DE: { regionRequired: false, postalCodeRequired: true, postalCodePattern: digits(5) },
  FR: { regionRequired: false, postalCodeRequired: true, postalCodePattern: digits(5) },
  ES: { regionRequired: true, postalCodeRequired: true, postalCodePattern: digits(5) },
  IT: { regionRequired: true, postalCodeRequired: true, postalCodePattern: digits(5) },
  NL: { regionRequired: false, postalCodeRequired: true, postalCodePattern: /^\d{4} ?[A-Z]{2}$/ },
  BE: { regionRequired: false, postalCodeRequired: true, postalCodePattern: digits(4) },
  AT: { regionRequired: false, postalCodeRequired: true, postalCodePattern: digits(4) },
  CH: { regionRequired: false, postalCodeRequired: true, postalCodePattern: digits(4) },
  AU: {
    regionRequired: true,
    regions: AU_STATES,
    postalCodeRequired: true,
    postalCodePattern: digits(4),
  },
  NZ: { regionRequired: false, postalCodeRequired: true, postalCodePattern: digits(4) },
  JP: { regionRequired: true, postalCodeRequired: true, postalCodePattern: /^\d{3}-?\d{4}$/ },
  MX: { regionRequired: true, postalCodeRequired: true, postalCodePattern: digits(5) },
  // Eircodes exist but many rural addresses are still written without one.
  IE: { regionRequired: false, postalCodeRequired: false },
}

/** Every other country: a name, a street, a city and the country itself. */
export const DEFAULT_ADDRESS_RULES: CountryAddressRules = {
  regionRequired: false,
  postalCodeRequired: false,
}

/** The rules of a country, or the default ones. */
export function addressRules(country: string): CountryAddressRules {
  return COUNTRY_ADDRESS_RULES[country.trim().toUpperCase()] ?? DEFAULT_ADDRESS_RULES
}

/** What a shopper sends: an address as typed (optional parts may be left out). */
export interface AddressInput {
  name: string
  company?: string | null
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postalCode?: string | null
  /** ISO 3166-1 alpha-2. */
  country: string
  phone?: string | null
}

export const ADDRESS_FIELDS = [
  'name',
  'company',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
  'phone',
] as const
export type AddressField = (typeof ADDRESS_FIELDS)[number]

/** Why one field cannot be taken: left empty, wrong shape, or longer than a label holds. */
export interface AddressProblem {
  field: AddressField
  code: 'required' | 'invalid' | 'too_long'
}

export type AddressCheck =
  { ok: true; address: Address } | { ok: false; problems: AddressProblem[] }

// Carriers print about this much per line; longer text is almost always a paste gone wrong.
const MAX_LENGTH: Record<AddressField, number> = {
  name: 100,
  company: 100,
  line1: 100,
  line2: 100,
  city: 60,
  region: 60,
  postalCode: 12,
  country: 60, // a name typed instead of a code is 'invalid', not 'too_long'
  phone: 30,
}

const clean = (v: string | null | undefined): string => (typeof v === 'string' ? v.trim() : '')

/**
 * The address as it would be stored (trimmed, codes upper-cased, empty parts null), or every
 * field that is missing or malformed for its country.
 */
export function checkAddress(input: AddressInput): AddressCheck {
  const country = clean(input.country).toUpperCase()
  const rules = addressRules(country)
  const value: Record<AddressField, string> = {
    name: clean(input.name),
    company: clean(input.company),
    line1: clean(input.line1),
    line2: clean(input.line2),
    city: clean(input.city),
    region: rules.regions ? clean(input.region).toUpperCase() : clean(input.region),
    postalCode: clean(input.postalCode).toUpperCase(),
    country,
    phone: clean(input.phone),
  }
  const problems: AddressProblem[] = []
  const required = new Set<AddressField>(['name', 'line1', 'city', 'country'])
  if (rules.regionRequired) required.add('region')
  if (rules.postalCodeRequired) required.add('postalCode')
  for (const field of ADDRESS_FIELDS) {
    const v = value[field]
    if (v === '') {
      if (required.has(field)) problems.push({ field, code: 'required' })
    } else if (v.length > MAX_LENGTH[field]) {
      problems.push({ field, code: 'too_long' })
    } else if (!fieldShapeOk(field, v, rules)) {
      problems.push({ field, code: 'invalid' })
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  const orNull = (v: string) => (v === '' ? null : v)
  return {
    ok: true,
    address: {
      name: value.name,
      company: orNull(value.company),
      line1: value.line1,
      line2: orNull(value.line2),
      city: value.city,
      region: orNull(value.region),
      postalCode: orNull(value.postalCode),
      country: value.country,
      phone: orNull(value.phone),
    },
  }
}

function fieldShapeOk(field: AddressField, v: string, rules: CountryAddressRules): boolean {
  if (field === 'country') return /^[A-Z]{2}$/.test(v)
  if (field === 'region' && rules.regions) return rules.regions.includes(v)
  if (field === 'postalCode' && rules.postalCodePattern) return rules.postalCodePattern.test(v)
  if (field === 'phone') return /^\+?[\d\s().-]{4,30}$/.test(v)
  return true
}

/** The fields in which two addresses differ (compared as stored), for a side-by-side view. */
export function changedAddressFields(before: Address | null, after: Address): AddressField[] {
  return ADDRESS_FIELDS.filter((f) => (before?.[f] ?? null) !== (after[f] ?? null))
}
