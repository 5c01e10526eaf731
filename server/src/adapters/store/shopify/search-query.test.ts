import { describe, expect, it } from 'vitest'
import { anyOf, quoteSearchValue, searchTerm } from './search-query.ts'
import { parseSearch } from './testing/fake-search.ts'

describe('search values', () => {
  const hostile = [
    'ada@example.com',
    '"quoted local"@example.com',
    'a"b OR email:*@example.com',
    'x\\" OR *',
    "o'brien@example.com",
    'colon:in@example.com',
    'spaces in (parens)@example.com',
    'trailing\\',
  ]

  it.each(hostile)('keeps %s one single term with its exact value', (value) => {
    const query = searchTerm('email', value)
    const parsed = parseSearch(query)
    expect(parsed).toEqual([[{ field: 'email', value, quoted: true }]])
  })

  it('escapes backslashes before quotes', () => {
    expect(quoteSearchValue('a\\"b')).toBe('"a\\\\\\"b"')
  })

  it('joins alternatives with OR, each quoted', () => {
    expect(anyOf('customer_id', ['1', '2'])).toBe('customer_id:"1" OR customer_id:"2"')
    expect(parseSearch(anyOf('customer_id', ['1', '2']))).toHaveLength(2)
  })

  it('refuses a field name that is not a plain word', () => {
    expect(() => searchTerm('email OR x', 'a')).toThrow()
  })
})
