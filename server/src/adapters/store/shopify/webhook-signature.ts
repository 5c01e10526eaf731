import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Shopify signs each webhook with HMAC-SHA256 over the exact bytes it sent, keyed with the
 * app's webhook secret, base64 in `X-Shopify-Hmac-Sha256`. We check the raw body (re-encoding
 * parsed JSON would change the bytes) and compare in constant time.
 */
export function verifyShopifyHmac(
  rawBody: Uint8Array,
  header: string | undefined,
  secret: string,
): boolean {
  if (header === undefined || !/^[A-Za-z0-9+/]{43}=$/.test(header.trim())) return false
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  const given = Buffer.from(header.trim(), 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Signs a body the way Shopify does (for tests and local tooling). */
export function signShopifyBody(rawBody: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64')
}
