import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../app-env.ts'
import { AppError, errorBody } from '../errors.ts'

/** The one error handler: expected failures become their JSON shape, anything else a logged 500. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
    // Every 429 says when to come back, in the header clients and proxies understand too.
    if (err.status === 429 && typeof wait === 'number') c.header('Retry-After', String(wait))
    return c.json(errorBody(err.code, err.message, err.details), err.status)
  }
  if (err instanceof HTTPException) {
    const code =
      err.status === 413 ? 'payload_too_large' : err.status === 404 ? 'not_found' : 'bad_request'
    return c.json(errorBody(code, err.message || code), err.status)
  }
  c.get('deps').logger.error('unhandled error', {
    requestId: c.get('requestId'),
    path: c.req.path,
    error: err.message,
    stack: err.stack,
  })
  return c.json(errorBody('internal_error', 'Something went wrong on our side.'), 500)
}

export function handleNotFound(c: Context<AppEnv>): Response {
  return c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404)
}
