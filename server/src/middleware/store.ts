import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.ts'
import { findStoreByWidgetKey } from '../db/stores.repository.ts'
import { AppError } from '../errors.ts'
import { storeOrigins } from '../services/store-config.ts'

const keyShape = /^pk_[A-Za-z0-9_-]{4,64}$/

/**
 * Resolves the store a widget request is for, from the public key in the `X-Porchlight-Key`
 * header (or `key` query parameter for plain GETs). Unknown keys are a 404 with a code.
 */
export const resolveStore = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('x-porchlight-key') ?? c.req.query('key') ?? c.req.param('key')
  if (key === undefined || key === '') {
    throw new AppError('store_not_found', 'Name the store with its public widget key.')
  }
  const store = keyShape.test(key) ? await findStoreByWidgetKey(c.get('deps').db, key) : undefined
  if (store === undefined) throw new AppError('store_not_found', 'No store has this widget key.')
  c.set('store', store)
  await next()
})

/**
 * CORS from the store's allowed origins. A browser on any other origin gets no
 * Access-Control-Allow-Origin and so cannot read the answer.
 */
export const storeCors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin')
  const allowed =
    origin !== undefined &&
    storeOrigins(c.get('store').allowedOrigins, c.get('deps').config.publicUrl).includes(origin)
  if (c.req.method === 'OPTIONS') {
    if (!allowed) return c.body(null, 204)
    c.header('Access-Control-Allow-Origin', origin)
    c.header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS')
    c.header(
      'Access-Control-Allow-Headers',
      'Content-Type, Authorization, X-Porchlight-Key, Idempotency-Key',
    )
    c.header('Access-Control-Max-Age', '600')
    c.header('Vary', 'Origin')
    return c.body(null, 204)
  }
  await next()
  c.header('Vary', 'Origin', { append: true })
  if (allowed) c.header('Access-Control-Allow-Origin', origin)
})
