import { randomUUID } from 'node:crypto'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.ts'

// A caller's id is kept only when it looks like an id, so logs cannot be stuffed with junk.
const acceptable = /^[A-Za-z0-9._:-]{8,128}$/

/** Gives every request an id (kept from `X-Request-Id` when sane), echoed back and logged. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id')
  const id = incoming !== undefined && acceptable.test(incoming) ? incoming : randomUUID()
  c.set('requestId', id)
  c.header('X-Request-Id', id)
  await next()
})
