import type { SessionResponse } from '@porchlight/shared/api/auth'
import type { DeliveryFailure } from '../../db/auth-challenges.table.ts'
import {
  consumeChallenge,
  findChallenge,
  takeAttempt,
} from '../../db/auth-challenges.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { openShopperSession } from '../sessions/shopper-sessions.ts'
import { MAX_CODE_ATTEMPTS } from './auth-settings.ts'
import type { AuthDeps } from './challenges.ts'
import { codeSecret } from './code-keys.ts'
import { codesMatch, deriveCode } from './one-time-code.ts'

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'config'>

export type VerifyResult =
  | { ok: true; session: SessionResponse }
  | { ok: false; code: 'code_incorrect'; attemptsLeft: number }
  | { ok: false; code: 'code_expired' }
  | { ok: false; code: DeliveryFailure }

/**
 * Checks a code. A try is taken atomically before comparing, so at most MAX_CODE_ATTEMPTS
 * comparisons ever happen per challenge; the last wrong one ends it, and from then on every
 * try gets the same answer as an expired code.
 */
export async function verifyCode(
  deps: Deps,
  store: Store,
  challengeId: string,
  code: string,
): Promise<VerifyResult> {
  const now = deps.clock.now()
  const attempt = await takeAttempt(
    deps.db,
    store.id,
    challengeId,
    now.getTime(),
    MAX_CODE_ATTEMPTS,
  )
  if (attempt === undefined) {
    const row = await findChallenge(deps.db, store.id, challengeId)
    if (row?.delivery_failure != null && row.consumed_at === null) {
      return { ok: false, code: row.delivery_failure }
    }
    return { ok: false, code: 'code_expired' }
  }
  // The key the challenge was made with; gone (rotated out) means the code is too.
  const secret = codeSecret(deps.config, attempt.key_id)
  if (secret === undefined) return { ok: false, code: 'code_expired' }
  const expected = await deriveCode(secret, challengeId, attempt.counter)
  if (!codesMatch(expected, code)) {
    const attemptsLeft = MAX_CODE_ATTEMPTS - attempt.attempts
    if (attemptsLeft === 0 || (await isReplacedCode(secret, challengeId, attempt.counter, code))) {
      return { ok: false, code: 'code_expired' }
    }
    return { ok: false, code: 'code_incorrect', attemptsLeft }
  }
  const identity =
    attempt.channel === 'email'
      ? ({ kind: 'email', value: attempt.identifier } as const)
      : ({ kind: 'phone', value: attempt.identifier } as const)
  const opened = await deps.db.transaction().execute(async (trx) => {
    if (!(await consumeChallenge(trx, challengeId, attempt.counter, now.getTime()))) {
      return undefined
    }
    return openShopperSession(trx, {
      storeId: store.id,
      identity,
      now,
      ttlHours: deps.config.sessionTtlHours,
    })
  })
  if (opened === undefined) return { ok: false, code: 'code_expired' }
  return {
    ok: true,
    session: {
      token: opened.token,
      expiresAt: opened.session.expiresAt.toISOString(),
      identity,
    },
  }
}

// A code from an earlier send of this challenge: tell the shopper it was replaced (same answer
// as expired), not that they mistyped. Send caps keep the counter small; look back at most 10.
async function isReplacedCode(secret: string, challengeId: string, counter: number, code: string) {
  for (let earlier = counter - 1; earlier >= Math.max(0, counter - 10); earlier -= 1) {
    if (codesMatch(await deriveCode(secret, challengeId, earlier), code)) return true
  }
  return false
}
