import { describe, expect, it } from 'vitest'
import { normalizeEmail, normalizePhone } from './identifier.ts'

describe('normalizeEmail', () => {
  it.each([
    ['Ada@Example.COM', 'ada@example.com'],
    ['  ada.lovelace+shop@mail.example.co.uk \n', 'ada.lovelace+shop@mail.example.co.uk'],
  ])('%j -> %j', (input, value) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value })
  })

  it.each([
    ['ada'],
    ['ada@localhost'],
    ['ada@@example.com'],
    ['a b@example.com'],
    ['ada@example.com, eve@example.com'],
    ['ada@example.com\r\nBcc: eve@example.com'],
    ['"Ada" <ada@example.com>'],
    ['ada@exa_mple.com'],
    ['ada@-example.com'],
    ['a'.repeat(65) + '@example.com'],
    ['ada@' + 'a'.repeat(250) + '.com'],
    [''],
  ])('refuses %j', (input) => {
    expect(normalizeEmail(input)).toMatchObject({ ok: false, code: 'invalid_email' })
  })
})

describe('normalizePhone', () => {
  it.each([
    ['+1 415 555 0100', undefined, '+14155550100'],
    ['(415) 555-0100', 'US', '+14155550100'],
    ['06 12 34 56 78', 'fr', '+33612345678'],
    ['+33 6 12 34 56 78', 'DE', '+33612345678'],
  ])('%j (%s) -> %s', (input, country, value) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, value })
  })

  it.each([
    ['12', undefined],
    ['06 12 34 56 78', undefined],
    ['+44 7700 900123', undefined],
    ['+33 1 23 45 67 89', undefined],
    ['+1 415 555 0100 ext. 12', undefined],
    ['+1 415 555 0100\nhello', undefined],
    ['tel:+14155550100', undefined],
    ['+' + '1'.repeat(60), undefined],
  ])('refuses %j', (input, country) => {
    expect(normalizePhone(input, country)).toMatchObject({ ok: false, code: 'invalid_phone' })
  })
})
