import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { AppError } from '../errors.ts'
import { findShopperSession, type ShopperSession } from '../services/sessions/shopper-sessions.ts'

const messages = {
  session_missing: 'Sign in again, or send the message without signing in.',
  session_expired: 'Your session has expired; sign in again.',
  session_revoked: 'You have signed out; sign in again.',
} as const

/**
 * The shopper's session when the request carries a bearer token, for routes open to everyone
 * (the contact form). A token that is given but dead, or of another store than the one the
 * request names, is refused rather than ignored: the caller believes it is signed in.
 */
export async function optionalShopper(c: Context<AppEnv>): Promise<ShopperSession | undefined> {
  const header = c.req.header('authorization')
  if (header === undefined || header === '') return undefined
  const match = /^Bearer\s+(\S{10,200})$/i.exec(header)
  const { db, clock } = c.get('deps')
  const lookup =
    match?.[1] !== undefined
      ? await findShopperSession(db, match[1], clock.now())
      : ({ ok: false, code: 'session_missing' } as const)
  if (!lookup.ok) throw new AppError(lookup.code, messages[lookup.code])
  if (lookup.session.storeId !== c.get('store').id) {
    throw new AppError('session_missing', messages.session_missing)
  }
  return lookup.session
}
