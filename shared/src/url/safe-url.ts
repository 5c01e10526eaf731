/** Longer than any real tracking or portal URL; longer ones are refused rather than parsed. */
const MAX_URL_LENGTH = 2000

/**
 * The URL to use as a link's href, or null. Only absolute http(s) URLs from a store (tracking
 * pages, logos, the Loop Returns portal) pass: `javascript:`, `data:`, `vbscript:`, relative
 * paths (which would point into our own pages) and URLs with credentials (`https://shop@evil/`
 * reads as the shop) are shown as text instead. The parsed URL is returned re-serialized, so
 * what the browser follows is exactly what was checked. `httpsOnly` refuses plain http too.
 */
export function safeHttpUrl(raw: unknown, options: { httpsOnly?: boolean } = {}): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  const allowed = options.httpsOnly === true ? ['https:'] : ['http:', 'https:']
  if (!allowed.includes(url.protocol)) return null
  if (url.username !== '' || url.password !== '') return null
  return url.href
}
