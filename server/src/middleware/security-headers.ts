import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'

/**
 * API answers that hold nothing personal and may be cached (the loader reads the widget
 * configuration on every storefront page view). Everything else under /v1/ carries personal
 * data, a session or a CSRF token, or is refused for want of one, so it is never stored.
 */
const CACHEABLE_API = new Set(['/v1/widget/config', '/v1/openapi.json'])

/** Whether a browser or a shared cache may keep the answer to `path` at all. */
export function mayBeStored(path: string): boolean {
  if (path.startsWith('/v1/')) return CACHEABLE_API.has(path)
  // The dev outbox shows codes and addresses; it sets no-store itself, this is a backstop.
  return !path.startsWith('/dev/')
}

/** One year, the value browsers' preload lists expect; no includeSubDomains (not ours). */
const HSTS = 'max-age=31536000'

/**
 * The headers every answer gets, whatever route or error produced it: `nosniff` (a JSON body
 * must never be read as script or HTML), `no-store` where the answer is private, HSTS when the
 * server is reached over https, and no Referer from the console (ticket URLs name shoppers'
 * requests). Set after the handler so error and not-found answers get them too.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const headers = c.res.headers
  headers.set('X-Content-Type-Options', 'nosniff')
  if (!mayBeStored(c.req.path) && !/\bno-store\b/.test(headers.get('Cache-Control') ?? '')) {
    headers.set('Cache-Control', 'no-store')
  }
  if (c.get('deps').config.publicUrl.startsWith('https:')) {
    headers.set('Strict-Transport-Security', HSTS)
  }
  if (c.req.path === '/console' || c.req.path.startsWith('/console/')) {
    headers.set('Referrer-Policy', 'no-referrer')
  }
}
