import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Checks the `hmac` Shopify puts on an OAuth redirect: hex HMAC-SHA256, with the app's client
 * secret, of every other query parameter as `key=value`, sorted by key and joined with `&`.
 * Compared in constant time; a missing or malformed hmac fails.
 */
export function verifyOAuthHmac(query: URLSearchParams, clientSecret: string): boolean {
  const given = query.get('hmac')
  if (given === null || !/^[0-9a-f]{64}$/i.test(given)) return false
  const keys = [...new Set(query.keys())].filter((k) => k !== 'hmac' && k !== 'signature').sort()
  // A repeated key is joined as Shopify's libraries do, so a forged duplicate cannot hide.
  const message = keys.map((k) => `${k}=${query.getAll(k).join(',')}`).join('&')
  const expected = createHmac('sha256', clientSecret).update(message).digest()
  const actual = Buffer.from(given, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
