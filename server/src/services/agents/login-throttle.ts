import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  clearRateLimitHits,
  countRateLimitHits,
  refundRateLimitHit,
} from '../../db/agent-login.repository.ts'
import { takeRateLimits, type RateLimit } from '../../db/rate-limits.repository.ts'
import type { Database } from '../../db/schema.ts'

const MINUTE = 60_000

/**
 * Sign-in attempts allowed per account, in growing windows: after 5 failures in 15 minutes the
 * next waits for that window, after 10 in an hour the account is locked (and its agent told)
 * for the rest of the hour, after 20 in a day for the rest of the day. A right password clears
 * the account's count; a client address keeps its own, wider budget either way.
 */
export const ACCOUNT_TIERS = [
  { suffix: '15m', limit: 5, windowMs: 15 * MINUTE },
  { suffix: '1h', limit: 10, windowMs: 60 * MINUTE },
  { suffix: '1d', limit: 20, windowMs: 24 * 60 * MINUTE },
] as const
/** The tier whose filling is a lock worth an email. */
export const LOCK_TIER = 1
export const ADDRESS_TIERS = [
  { suffix: '15m', limit: 30, windowMs: 15 * MINUTE },
  { suffix: '1d', limit: 200, windowMs: 24 * 60 * MINUTE },
] as const

export interface LoginSubject {
  email: string
  /** The client address, as rate limits name it. */
  address: string
  /**
   * The browser showed a device cookie for this account: its attempts count apart, so a
   * stranger's guesses cannot lock the real agent out of their usual browser.
   */
  trustedDevice: boolean
}

// Limit tables hold no email: a hash names the account.
function accountKey(subject: LoginSubject): string {
  const who = createHash('sha256').update(`porchlight/agent-login/v1\0${subject.email}`)
  return `agent-login:${subject.trustedDevice ? 'device' : 'account'}:${who.digest('base64url')}`
}

function limitsFor(subject: LoginSubject): RateLimit[] {
  const account = accountKey(subject)
  // Longest windows first: the first exhausted limit names the wait, and the longest one
  // that is full is the wait that matters.
  return [
    ...[...ACCOUNT_TIERS].reverse().map((t) => ({
      key: `${account}:${t.suffix}`,
      limit: t.limit,
      windowMs: t.windowMs,
    })),
    ...[...ADDRESS_TIERS].reverse().map((t) => ({
      key: `agent-login:ip:${subject.address}:${t.suffix}`,
      limit: t.limit,
      windowMs: t.windowMs,
    })),
  ]
}

export type ThrottleResult = { ok: true } | { ok: false; retryAfterSeconds: number }

/**
 * Takes one attempt from the account's and the address's budgets, before any password is
 * hashed, in one atomic step: parallel guesses cannot slip between a check and a count. A
 * refused attempt costs nothing (the limits take a hit from all or none).
 */
export async function takeLoginAttempt(
  db: Kysely<Database>,
  subject: LoginSubject,
  now: number,
): Promise<ThrottleResult> {
  const result = await db
    .transaction()
    .execute((trx) => takeRateLimits(trx, limitsFor(subject), now))
  if (result.ok) return { ok: true }
  return { ok: false, retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) }
}

/**
 * The password was right: the account's failures are forgotten, and the address gets back the
 * attempt it spent (only that one: a known password must not wipe an address's failures on
 * other accounts). So both count failures, not sign-ins.
 */
export async function clearAccountFailures(
  db: Kysely<Database>,
  subject: LoginSubject,
  attemptAt: number,
) {
  const account = accountKey(subject)
  await clearRateLimitHits(
    db,
    ACCOUNT_TIERS.map((t) => `${account}:${t.suffix}`),
  )
  for (const t of ADDRESS_TIERS) {
    await refundRateLimitHit(db, `agent-login:ip:${subject.address}:${t.suffix}`, attemptAt)
  }
}

/** Whether the failure just counted filled the lock tier: then the agent is told, once. */
export async function reachedLock(
  db: Kysely<Database>,
  subject: LoginSubject,
  now: number,
): Promise<boolean> {
  const tier = ACCOUNT_TIERS[LOCK_TIER]
  const hits = await countRateLimitHits(
    db,
    `${accountKey(subject)}:${tier.suffix}`,
    now - tier.windowMs,
  )
  return hits >= tier.limit
}

/** One lock email per account per lock window, however many processes see the lock. */
export async function takeLockNotice(db: Kysely<Database>, subject: LoginSubject, now: number) {
  const tier = ACCOUNT_TIERS[LOCK_TIER]
  const result = await db
    .transaction()
    .execute((trx) =>
      takeRateLimits(
        trx,
        [{ key: `${accountKey(subject)}:lock-notice`, limit: 1, windowMs: tier.windowMs }],
        now,
      ),
    )
  return result.ok
}
