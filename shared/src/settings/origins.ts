/**
 * A storefront origin a store's widget may be embedded in: `https://shop.example`, http only
 * for localhost. The CLI's `store create --origin` and the console's allowed websites share it.
 */

/** Why `raw` is not an allowed website, or null when it is (then `origin` is its clean form). */
export function readStoreOrigin(raw: string): { origin: string } | { problem: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { problem: `${raw} is not a URL (expected https://shop.example)` }
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { problem: `${raw} must use https (http only for localhost)` }
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    return { problem: `${raw} must be an origin only, like ${url.origin}` }
  }
  return { origin: url.origin }
}
