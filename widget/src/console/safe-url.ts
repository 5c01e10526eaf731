/**
 * The URL to use as a link's href, or null. Only absolute http(s) URLs pass: `javascript:`,
 * `data:`, `vbscript:` and relative paths (which would point into the console itself) are shown
 * as text instead. The parsed URL is returned re-serialized, so what the browser follows is
 * exactly what was checked.
 */
export function safeHttpUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}
