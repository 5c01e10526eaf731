import type { SessionResponse } from '@porchlight/shared/api/auth'
import type { DeliveryFailure } from '../../db/auth-challenges.table.ts'
import {
  consumeChallenge,
  findChallenge,
  takeAttempt,
} from '../../db/auth-challenges.repository.ts'
import { returnRateLimitHits, takeRateLimits } from '../../db/rate-limits.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { signInShopper } from '../sessions/shopper-sessions.ts'
import { MAX_CODE_ATTEMPTS } from './auth-settings.ts'
import { failureBudget, type AuthDeps } from './challenges.ts'
import { codeSecret } from './code-keys.ts'
import { codesMatch, deriveCode } from './one-time-code.ts'

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'config'>

export type VerifyResult =
  | { ok: true; session: SessionResponse }
  | { ok: false; code: 'code_incorrect'; attemptsLeft: number }
  | { ok: false; code: 'code_expired' }
  | { ok: false; code: 'resend_too_soon'; retryAfterSeconds: number }
  | { ok: false; code: DeliveryFailure }

class Rollback {
  readonly result: VerifyResult
  constructor(result: VerifyResult) {
    this.result = result
  }
}

/**
 * Checks a code. A try is taken atomically before comparing, so at most MAX_CODE_ATTEMPTS
 * comparisons ever happen per challenge; the last wrong one ends it, and from then on every
 * try gets the same answer as an expired code. Each comparison also takes a hit from the
 * identifier's failure budget across challenges, in the same transaction (its bucket lock
 * makes parallel guesses at several challenges count one by one); a right code gives it
 * back. While the budget is spent, nothing is compared and the answer is the cooldown's.
 */
export async function verifyCode(
  deps: Deps,
  store: Store,
  challengeId: string,
  code: string,
): Promise<VerifyResult> {
  const now = deps.clock.now()
  const row = await findChallenge(deps.db, store.id, challengeId)
  if (row === undefined) return { ok: false, code: 'code_expired' }
  const budget = failureBudget(deps, store, row.identifier)
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const taken = await takeRateLimits(trx, [budget], now.getTime())
      if (!taken.ok) {
        const retryAfterSeconds = Math.ceil(taken.retryAfterMs / 1000)
        return { ok: false, code: 'resend_too_soon', retryAfterSeconds } as const
      }
      const attempt = await takeAttempt(
        trx,
        store.id,
        challengeId,
        now.getTime(),
        MAX_CODE_ATTEMPTS,
      )
      if (attempt === undefined) {
        // Nothing was compared: the budget hit goes with the rollback.
        const fresh = await findChallenge(trx, store.id, challengeId)
        const failure = fresh?.consumed_at === null ? fresh.delivery_failure : null
        throw new Rollback(
          failure != null ? { ok: false, code: failure } : { ok: false, code: 'code_expired' },
        )
      }
      // The key the challenge was made with; gone (rotated out) means the code is too.
      const secret = codeSecret(deps.config, attempt.key_id)
      if (secret === undefined) throw new Rollback({ ok: false, code: 'code_expired' })
      const expected = await deriveCode(secret, challengeId, attempt.counter)
      if (!codesMatch(expected, code)) {
        const attemptsLeft = MAX_CODE_ATTEMPTS - attempt.attempts
        if (
          attemptsLeft === 0 ||
          (await isReplacedCode(secret, challengeId, attempt.counter, code))
        ) {
          return { ok: false, code: 'code_expired' } as const
        }
        return { ok: false, code: 'code_incorrect', attemptsLeft } as const
      }
      await returnRateLimitHits(trx, budget.key, now.getTime())
      const identity =
        attempt.channel === 'email'
          ? ({ kind: 'email', value: attempt.identifier } as const)
          : ({ kind: 'phone', value: attempt.identifier } as const)
      if (!(await consumeChallenge(trx, challengeId, attempt.counter, now.getTime()))) {
        return { ok: false, code: 'code_expired' } as const
      }
      const session = await signInShopper(trx, {
        storeId: store.id,
        identity,
        now,
        ttlHours: deps.config.sessionTtlHours,
      })
      return { ok: true, session } as const
    })
  } catch (err) {
    if (err instanceof Rollback) return err.result
    throw err
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
