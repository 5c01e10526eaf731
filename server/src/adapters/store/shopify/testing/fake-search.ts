import type { RawOrder } from '../shopify-types.ts'

/**
 * A small reading of Shopify's search syntax for the fake shop: terms separated by spaces
 * (AND), `OR` between groups, `field:value`, values bare or quoted with backslash escapes, and
 * bare `*` wildcards. Enough that a query built by string concatenation would visibly match
 * other shoppers' orders in tests, which is the point.
 */

export interface Term {
  field: string | null
  value: string
  quoted: boolean
  /** A range term (`created_at:>='2026-01-01T00:00:00Z'`); absent for equality. */
  comparator?: '<' | '<=' | '>' | '>='
}

/** OR of ANDs. */
export type ParsedQuery = Term[][]

/**
 * Reads a query into OR-of-ANDs form. Parentheses group (`(a OR b) c` becomes `a c OR b c`),
 * as Shopify's grammar allows; a space between terms is AND, `OR` separates alternatives.
 */
export function parseSearch(query: string): ParsedQuery {
  let i = 0
  const readValue = (): { value: string; quoted: boolean } => {
    const quote = query[i]
    if (quote === '"' || quote === "'") {
      i++
      let value = ''
      while (i < query.length && query[i] !== quote) {
        if (query[i] === '\\' && i + 1 < query.length) i++
        value += query[i]
        i++
      }
      i++ // closing quote
      return { value, quoted: true }
    }
    let value = ''
    while (i < query.length && !/[\s()]/.test(query[i] as string)) {
      if (query[i] === '\\' && i + 1 < query.length) i++
      value += query[i]
      i++
    }
    return { value, quoted: false }
  }
  const skipSpace = () => {
    while (i < query.length && /\s/.test(query[i] as string)) i++
  }
  const connective = (word: string) =>
    query.startsWith(word, i) &&
    /^(\s|\(|$)/.test(query.slice(i + word.length, i + word.length + 1))

  const parseOr = (): ParsedQuery => {
    let groups = parseAnd()
    skipSpace()
    while (connective('OR')) {
      i += 2
      groups = [...groups, ...parseAnd()]
      skipSpace()
    }
    return groups
  }
  const parseAnd = (): ParsedQuery => {
    let acc: ParsedQuery = [[]]
    for (;;) {
      skipSpace()
      if (i >= query.length || query[i] === ')' || connective('OR')) return acc
      if (connective('AND')) {
        i += 3
        continue
      }
      const factor = parsePrimary()
      acc = acc.flatMap((left) => factor.map((right) => [...left, ...right]))
    }
  }
  const parsePrimary = (): ParsedQuery => {
    if (query[i] === '(') {
      i++
      const inner = parseOr()
      skipSpace()
      if (query[i] === ')') i++
      return inner
    }
    const fieldMatch = /^([a-z_]+):(<=|>=|<|>)?/.exec(query.slice(i))
    if (fieldMatch !== null) {
      i += fieldMatch[0].length
      const comparator = fieldMatch[2] as Term['comparator']
      const term: Term = { field: fieldMatch[1] as string, ...readValue() }
      return [[comparator === undefined ? term : { ...term, comparator }]]
    }
    return [[{ field: null, ...readValue() }]]
  }
  return parseOr().filter((g) => g.length > 0)
}

/** Does `candidate` satisfy a term's value (case-insensitive; bare `*` is a wildcard). */
export function valueMatches(term: Term, candidate: string | null | undefined): boolean {
  if (candidate === null || candidate === undefined) return false
  const c = candidate.toLowerCase()
  const v = term.value.toLowerCase()
  if (!term.quoted && v.includes('*')) {
    const pattern = new RegExp(
      '^' +
        v
          .split('*')
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*') +
        '$',
    )
    return pattern.test(c)
  }
  return c === v
}

/** Whether an order matches one search term, the way the fake shop's order search reads it. */
export function orderMatches(
  o: RawOrder,
  t: { field: string | null; value: string; quoted: boolean },
  fuzzy: boolean,
): boolean {
  switch (t.field) {
    case 'email':
      if (fuzzy && o.email?.toLowerCase().includes(t.value.toLowerCase())) return true
      return valueMatches(t, o.email)
    case 'customer_id':
      return valueMatches(t, o.customer?.legacyResourceId)
    case null:
      // A bare word searches everywhere, as in the admin's search box.
      return valueMatches(t, o.email) || valueMatches(t, o.name)
    default:
      return false
  }
}
