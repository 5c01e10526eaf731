import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addressChangeEligibility, addressChangeVerdict } from './address-change.ts'
import { changedAddressFields, checkAddress, type AddressInput } from './address-fields.ts'
import { cancelEligibility, type Eligibility } from './eligibility.ts'
import type { Address } from './model.ts'
import { DEFAULT_ORDER_RULES } from './settings.ts'
import { anyNow, coherentOrder } from './test-support/order-arbitrary.ts'
import { at, makeOrder, makeShipment, shippedOrder } from './test-support/order-builder.ts'

const home: Address = {
  name: 'Ada Lovelace',
  company: null,
  line1: '12 rue des Lilas',
  line2: null,
  city: 'Lyon',
  region: null,
  postalCode: '69003',
  country: 'FR',
  phone: null,
}
const shipping = (overrides = {}) => makeOrder({ shippingAddress: home, ...overrides })
const verdict = (e: Eligibility) => (e.eligible ? 'offered' : e.reason.code)

describe('address change eligibility', () => {
  it('is offered before anything is picked or shipped, held orders included', () => {
    expect(verdict(addressChangeEligibility(shipping()))).toBe('offered')
    expect(verdict(addressChangeEligibility(shipping({ fulfillmentStatus: 'on_hold' })))).toBe(
      'offered',
    )
  })

  it('is not offered once fulfilment started, and says why', () => {
    expect(verdict(addressChangeEligibility(shipping({ fulfillmentStatus: 'in_progress' })))).toBe(
      'fulfillment_in_progress',
    )
    expect(verdict(addressChangeEligibility(shippedOrder([], { shippingAddress: home })))).toBe(
      'already_fulfilled',
    )
    // A parcel on its way counts even where the order's own status lags behind.
    const lagging = shipping({ shipments: [makeShipment([['in_transit', at(2)]])] })
    expect(verdict(addressChangeEligibility(lagging))).toBe('already_fulfilled')
    expect(
      verdict(addressChangeEligibility(shipping({ fulfillmentStatus: 'partially_fulfilled' }))),
    ).toBe('already_fulfilled')
  })

  it('is not offered for cancelled, archived, unknown or pickup orders', () => {
    expect(verdict(addressChangeEligibility(shipping({ status: 'cancelled' })))).toBe(
      'order_cancelled',
    )
    expect(verdict(addressChangeEligibility(shipping({ status: 'archived' })))).toBe(
      'order_archived',
    )
    expect(verdict(addressChangeEligibility(shipping({ financialStatus: 'unknown' })))).toBe(
      'status_unknown',
    )
    expect(verdict(addressChangeEligibility(shipping({ deliveryMethod: 'pickup' })))).toBe(
      'not_shipped_to_address',
    )
    expect(verdict(addressChangeEligibility(makeOrder({ shippingAddress: null })))).toBe(
      'not_shipped_to_address',
    )
  })

  it('is never offered where a cancel would be refused as already shipped', () => {
    fc.assert(
      fc.property(coherentOrder, anyNow, (order, now) => {
        const cancel = cancelEligibility(order, DEFAULT_ORDER_RULES, now)
        const change = addressChangeEligibility({ ...order, shippingAddress: home })
        if (!cancel.eligible && cancel.reason.code === 'already_fulfilled') {
          expect(change.eligible).toBe(false)
        }
      }),
    )
  })
})

const typed = (overrides: Partial<AddressInput> = {}): AddressInput => ({
  name: ' Grace Hopper ',
  line1: '1 Navy Way',
  city: 'Arlington',
  region: 'va',
  postalCode: '22202',
  country: 'us',
  ...overrides,
})

describe('the address a shopper types', () => {
  it('is stored trimmed, with codes upper-cased and empty parts null', () => {
    expect(checkAddress(typed({ line2: '  ', phone: '' }))).toEqual({
      ok: true,
      address: {
        name: 'Grace Hopper',
        company: null,
        line1: '1 Navy Way',
        line2: null,
        city: 'Arlington',
        region: 'VA',
        postalCode: '22202',
        country: 'US',
        phone: null,
      },
    })
  })

  it('needs a state and a ZIP code in the US, each of the right shape', () => {
    expect(checkAddress(typed({ region: '', postalCode: null }))).toEqual({
      ok: false,
      problems: [
        { field: 'region', code: 'required' },
        { field: 'postalCode', code: 'required' },
      ],
    })
    expect(checkAddress(typed({ region: 'Virginia', postalCode: '2220' }))).toEqual({
      ok: false,
      problems: [
        { field: 'region', code: 'invalid' },
        { field: 'postalCode', code: 'invalid' },
      ],
    })
  })

  it('knows the common postal code shapes', () => {
    const ok = (country: string, postalCode: string, region: string | null = null) =>
      checkAddress(typed({ country, postalCode, region })).ok
    expect(ok('CA', 'k1a 0b1', 'ON')).toBe(true)
    expect(ok('CA', 'K1A 0B1', null)).toBe(false)
    expect(ok('GB', 'SW1A 1AA')).toBe(true)
    expect(ok('GB', '12345')).toBe(false)
    expect(ok('DE', '10115')).toBe(true)
    expect(ok('FR', '7500')).toBe(false)
    expect(ok('AU', '2000', 'NSW')).toBe(true)
    expect(ok('JP', '100-0001', 'Tokyo')).toBe(true)
    expect(ok('JP', '100-0001')).toBe(false)
    expect(ok('NL', '1012 AB')).toBe(true)
  })

  it('asks only for a name, a street, a city and the country elsewhere', () => {
    expect(checkAddress({ name: 'Ana', line1: 'Rua 1', city: 'Lisboa', country: 'PT' }).ok).toBe(
      true,
    )
    expect(checkAddress({ name: '', line1: '', city: '', country: 'Portugal' })).toEqual({
      ok: false,
      problems: [
        { field: 'name', code: 'required' },
        { field: 'line1', code: 'required' },
        { field: 'city', code: 'required' },
        { field: 'country', code: 'invalid' },
      ],
    })
  })

  it('refuses text longer than a label holds and phone numbers made of letters', () => {
    expect(checkAddress(typed({ line1: 'x'.repeat(101), phone: 'call me' }))).toEqual({
      ok: false,
      problems: [
        { field: 'line1', code: 'too_long' },
        { field: 'phone', code: 'invalid' },
      ],
    })
  })

  it('names the fields that changed', () => {
    const moved = { ...home, line1: '3 quai Perrache', postalCode: '69002' }
    expect(changedAddressFields(home, moved)).toEqual(['line1', 'postalCode'])
    expect(changedAddressFields(null, home)).toEqual([
      'name',
      'line1',
      'city',
      'postalCode',
      'country',
    ])
  })
})

describe('the verdict an automation rule reads', () => {
  it('allows a complete address on an order not yet shipped', () => {
    const result = addressChangeVerdict(shipping(), typed())
    expect(result.allowed && result.address.country).toBe('US')
  })

  it('refuses with the reason, or with the fields to fix', () => {
    expect(addressChangeVerdict(shippedOrder([], { shippingAddress: home }), typed())).toEqual({
      allowed: false,
      reason: { code: 'already_fulfilled' },
    })
    expect(addressChangeVerdict(shipping(), typed({ city: ' ' }))).toEqual({
      allowed: false,
      problems: [{ field: 'city', code: 'required' }],
    })
  })
})
