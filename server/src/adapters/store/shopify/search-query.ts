/**
 * Shopify's search syntax treats `:`, `\`, `(`, `)`, quotes, whitespace and OR/AND/NOT as
 * structure. A shopper-controlled value (an email can legally hold quotes, colons and spaces)
 * is therefore always sent as one double-quoted phrase with `\` and `"` escaped, so it can
 * never become a second term, a wildcard or a connective. The whole query string then travels
 * as a GraphQL variable, never inside the document.
 */
export function quoteSearchValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** One `field:"value"` term. */
export function searchTerm(field: string, value: string): string {
  if (!/^[a-z_]+$/.test(field)) throw new Error(`invalid search field ${field}`)
  return `${field}:${quoteSearchValue(value)}`
}

/** Terms joined with OR (for example several customer ids). */
export function anyOf(field: string, values: string[]): string {
  return values.map((v) => searchTerm(field, v)).join(' OR ')
}
