import { describe, expect, it } from 'vitest'
import { codesMatch, deriveCode, parseCodeInput } from './one-time-code.ts'

const secret = 'test-secret-key-that-is-long-enough-000'

describe('deriveCode', () => {
  it('gives six ASCII digits, the same for the same challenge and counter', async () => {
    const a = await deriveCode(secret, 'ch_one', 0)
    expect(a).toMatch(/^[0-9]{6}$/)
    expect(await deriveCode(secret, 'ch_one', 0)).toBe(a)
  })

  it('changes with the counter, the challenge and the secret', async () => {
    const base = await deriveCode(secret, 'ch_one', 0)
    const others = await Promise.all([
      deriveCode(secret, 'ch_one', 1),
      deriveCode(secret, 'ch_two', 0),
      deriveCode(secret + 'x', 'ch_one', 0),
    ])
    // A 1-in-a-million collision per pair is possible in principle; these inputs are fixed.
    for (const other of others) expect(other).not.toBe(base)
  })

  it('spreads codes over the whole range (leading zeros kept)', async () => {
    const codes = await Promise.all(
      Array.from({ length: 400 }, (_, i) => deriveCode(secret, `ch_${i}`, 0)),
    )
    expect(new Set(codes).size).toBeGreaterThan(390)
    expect(codes.some((c) => c.startsWith('0'))).toBe(true)
    const firstDigits = new Set(codes.map((c) => c[0]))
    expect(firstDigits.size).toBe(10)
  })
})

describe('codesMatch', () => {
  it('matches only the same code', () => {
    expect(codesMatch('012345', '012345')).toBe(true)
    expect(codesMatch('012345', '012346')).toBe(false)
    expect(codesMatch('012345', '12345')).toBe(false)
  })
})

describe('parseCodeInput', () => {
  it.each([
    ['123456', '123456'],
    ['  012345 ', '012345'],
    ['\t654321\n', '654321'],
  ])('accepts %j', (input, code) => {
    expect(parseCodeInput(input)).toBe(code)
  })

  it.each([
    ['１２３４５６'],
    ['١٢٣٤٥٦'],
    ['12345'],
    ['1234567'],
    ['123 456'],
    ['12345a'],
    ['\u00a0123456'],
    [''],
    [123456],
    [null],
    [undefined],
    [['123456']],
    [{ code: '123456' }],
    [' '.repeat(100) + '123456'],
  ])('refuses %j', (input) => {
    expect(parseCodeInput(input)).toBeUndefined()
  })
})
