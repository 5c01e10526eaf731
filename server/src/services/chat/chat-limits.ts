import type { Kysely } from 'kysely'
import type { AppDeps } from '../../deps.ts'
import { takeRateLimits, type RateLimit } from '../../db/rate-limits.repository.ts'
import type { Database } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { secretOf } from '../auth/challenges.ts'
import { limitIdentity } from '../auth/limit-identity.ts'

/** Per shopper session or visitor: enough for a fast typist, too few for a script to flood. */
export const MESSAGE_RATE = { limit: 20, windowMs: 60_000 }
/** Per client address, over all its visitors: a visitor token is free, so one address is held. */
export const ADDRESS_MESSAGE_RATE = { limit: 60, windowMs: 60_000 }
/** New visitors per client address: a family or an office, not a script minting tokens. */
export const VISITOR_RATE = { limit: 20, windowMs: 3600_000 }
/** Offline messages per mailbox (tags folded) and per address: each one sends an email. */
export const OFFLINE_RATE = { limit: 5, windowMs: 3600_000 }
export const ADDRESS_OFFLINE_RATE = { limit: 10, windowMs: 3600_000 }

export function messageLimits(storeId: string, senderRef: string, ip: string): RateLimit[] {
  return [
    { key: `chat:msg:${senderRef}`, ...MESSAGE_RATE },
    { key: `chat:msg-ip:${storeId}:${ip}`, ...ADDRESS_MESSAGE_RATE },
  ]
}

export function visitorLimits(storeId: string, ip: string): RateLimit[] {
  return [{ key: `chat:visitor-ip:${storeId}:${ip}`, ...VISITOR_RATE }]
}

export function offlineLimits(
  deps: Pick<AppDeps, 'config'>,
  storeId: string,
  email: string,
  ip: string,
): RateLimit[] {
  return [
    { key: `chat:offline:${storeId}:${limitIdentity(secretOf(deps), email)}`, ...OFFLINE_RATE },
    { key: `chat:offline-ip:${storeId}:${ip}`, ...ADDRESS_OFFLINE_RATE },
  ]
}

/**
 * Takes the limits inside the caller's transaction, or throws the 429 that rolls it back:
 * the count and the write it guards commit together, so parallel requests cannot overtake.
 */
export async function takeChatLimits(
  trx: Kysely<Database>,
  limits: readonly RateLimit[],
  now: Date,
  message: string,
): Promise<void> {
  const taken = await takeRateLimits(trx, limits, now.getTime())
  if (!taken.ok) {
    throw new AppError('rate_limited', message, {
      retryAfterSeconds: Math.ceil(taken.retryAfterMs / 1000),
    })
  }
}
