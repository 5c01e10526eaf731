import { describe, expect, it } from 'vitest'
import { asciiDigits } from './digits.ts'

describe('asciiDigits', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['Your code is 482913.', '482913'],
    ['١٢٣٤٥٦', '123456'],
    ['۱۲۳۴۵۶', '123456'],
    ['１２３４５６', '123456'],
    ['१२३४५६', '123456'],
    ['abc', ''],
  ])('%j -> %j', (input, digits) => {
    expect(asciiDigits(input)).toBe(digits)
  })
})
