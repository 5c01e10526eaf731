import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.ts'
import { findStoreById } from '../db/stores.repository.ts'
import { AppError } from '../errors.ts'
import { findShopperSession } from '../services/sessions/shopper-sessions.ts'

const messages = {
  session_missing: 'Sign in to continue.',
  session_expired: 'Your session has expired; sign in again.',
  session_revoked: 'You have signed out; sign in again.',
} as const

/**
 * Requires `Authorization: Bearer <token>` of a live shopper session and puts the session and
 * its store on the context. When the request also names a store key, it must be the session's
 * store: a token never reads across stores.
 */
export const requireShopper = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+(\S{10,200})$/i.exec(header)
  const { db, clock } = c.get('deps')
  const lookup =
    match?.[1] !== undefined
      ? await findShopperSession(db, match[1], clock.now())
      : ({ ok: false, code: 'session_missing' } as const)
  if (!lookup.ok) throw new AppError(lookup.code, messages[lookup.code])
  const store = await findStoreById(db, lookup.session.storeId)
  if (store === undefined) throw new AppError('session_missing', messages.session_missing)
  const namedKey = c.req.header('x-porchlight-key')
  if (namedKey !== undefined && namedKey !== store.widgetKey) {
    throw new AppError('session_missing', messages.session_missing)
  }
  c.set('store', store)
  c.set('shopper', lookup.session)
  await next()
})
