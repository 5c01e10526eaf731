import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Checks the `signature` Shopify adds when it forwards a storefront request through the app
 * proxy (shopify.dev, "Authenticate app proxies"): every other query parameter as `key=value`,
 * a repeated key's values joined with `,`, sorted by key and concatenated with no separator,
 * signed as hex HMAC-SHA256 with the app's client secret. Unlike the OAuth `hmac` there is no
 * `&` between pairs. Compared in constant time; a missing or malformed signature fails.
 */
export function verifyAppProxySignature(query: URLSearchParams, clientSecret: string): boolean {
  const given = query.get('signature')
  if (given === null || !/^[0-9a-f]{64}$/i.test(given) || query.getAll('signature').length > 1) {
    return false
  }
  const keys = [...new Set(query.keys())].filter((k) => k !== 'signature').sort()
  const message = keys.map((k) => `${k}=${query.getAll(k).join(',')}`).join('')
  const expected = createHmac('sha256', clientSecret).update(message).digest()
  const actual = Buffer.from(given, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** How far Shopify's `timestamp` may be from our clock, either way. */
export const PROXY_MAX_SKEW_MS = 90_000

/** Whether the proxy request's `timestamp` (Unix seconds) is within PROXY_MAX_SKEW_MS of now. */
export function isFreshProxyTimestamp(timestamp: string | null, nowMs: number): boolean {
  if (timestamp === null || !/^\d{1,12}$/.test(timestamp)) return false
  return Math.abs(nowMs - Number(timestamp) * 1000) <= PROXY_MAX_SKEW_MS
}
