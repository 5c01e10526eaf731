import type { RequestFiled, RequestListResponse } from '@porchlight/shared/api/requests'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { clientAddress } from '../../http/client-ip.ts'
import { readJson } from '../../http/json-body.ts'
import { optionalShopper } from '../../middleware/optional-shopper.ts'
import { requireShopper } from '../../middleware/shopper-session.ts'
import { resolveStore, storeCors } from '../../middleware/store.ts'
import type { ShopperSession } from '../../services/sessions/shopper-sessions.ts'
import { sendContactMessage } from '../../services/requests/contact-message.ts'
import { fileRequest } from '../../services/requests/file-request.ts'
import { readIdempotencyKey } from '../../services/requests/idempotency.ts'
import { shopperRequests, toRequestFiled } from '../../services/requests/request-views.ts'
import { contactBody, fileRequestBody } from './request-schemas.ts'

// The order routes already guard /v1/orders/*; check the session once, whichever mounts first.
const shopperOnce = createMiddleware<AppEnv>(async (c, next) => {
  if ((c.get('shopper') as ShopperSession | undefined) !== undefined) return next()
  return requireShopper(c, next)
})

/**
 * Requests a shopper files (returns, cancellations, issue reports), their list, and contact
 * messages. See shared/src/api/requests.ts. A new ticket answers 201; a retry with the same
 * Idempotency-Key and body answers 200 with the same ticket and sends nothing again.
 */
export const requestRoutes = new Hono<AppEnv>()
  .use('/v1/orders/:id/requests', shopperOnce)
  .use('/v1/requests', requireShopper)
  .use('/v1/contact', resolveStore, storeCors)
  .post('/v1/orders/:id/requests', async (c) => {
    const key = readIdempotencyKey(c.req.header('idempotency-key'))
    const body = await readJson(c, fileRequestBody)
    const deps = c.get('deps')
    const outcome = await fileRequest(
      deps,
      c.get('store'),
      c.get('shopper'),
      c.req.param('id'),
      body,
      key,
    )
    if (outcome.kind === 'created') deps.outbox.wake()
    const filed: RequestFiled = toRequestFiled(outcome.ticket)
    return c.json(filed, outcome.kind === 'created' ? 201 : 200)
  })
  .get('/v1/requests', async (c) => {
    const { db } = c.get('deps')
    const body: RequestListResponse = {
      requests: await shopperRequests(db, c.get('store'), c.get('shopper').identity),
    }
    c.header('Cache-Control', 'no-store')
    return c.json(body)
  })
  .post('/v1/contact', async (c) => {
    const key = readIdempotencyKey(c.req.header('idempotency-key'))
    const body = await readJson(c, contactBody)
    const session = await optionalShopper(c)
    const deps = c.get('deps')
    const outcome = await sendContactMessage(
      deps,
      c.get('store'),
      session,
      body,
      key,
      clientAddress(c),
    )
    if (outcome.kind === 'rate_limited') {
      throw new AppError('rate_limited', 'Too many messages; try again later.', {
        retryAfterSeconds: outcome.retryAfterSeconds,
      })
    }
    if (outcome.kind === 'created') deps.outbox.wake()
    const filed: RequestFiled = toRequestFiled(outcome.ticket)
    return c.json(filed, outcome.kind === 'created' ? 201 : 200)
  })
