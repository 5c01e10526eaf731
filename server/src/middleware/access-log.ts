import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.ts'

/** One structured line per request, with its id, status and duration. Never logs bodies. */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now()
  await next()
  const logger = c.get('deps').logger
  const status = c.res.status
  const fields = {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  }
  // A 503 is an answer we chose (storage fault, shutting down) and was logged once where it
  // began; at error level it would repeat that for every request while it lasts.
  if (status === 503) logger.warn('request', fields)
  else if (status >= 500) logger.error('request', fields)
  else logger.debug('request', fields)
})
