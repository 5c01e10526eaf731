import { createHmac } from 'node:crypto'

/**
 * The query Shopify's app proxy forwards, signed as "Authenticate app proxies" says: every
 * parameter but `signature`, sorted, `key=value` with nothing between, HMAC-SHA256 in hex.
 */
export function signedProxyQuery(params: Record<string, string>, secret: string): URLSearchParams {
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('')
  const signature = createHmac('sha256', secret).update(message).digest('hex')
  return new URLSearchParams({ ...params, signature })
}
