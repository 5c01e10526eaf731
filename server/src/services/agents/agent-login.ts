import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import { findAgentsByEmail } from '../../db/agent-login.repository.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import type { Database } from '../../db/schema.ts'
import { keyringOf } from '../../keyring.ts'
import type { Logger } from '../../logger.ts'
import type { OutboxWorker } from '../outbox/worker.ts'
import { logInAgent, type AgentLogin } from './agent-sessions.ts'
import { deviceCookieValid, makeDeviceCookie } from './device-cookie.ts'
import { HashQueue, QUEUE_FULL } from './hash-queue.ts'
import { enqueueLockNotice } from './lock-notice.ts'
import {
  ACCOUNT_TIERS,
  LOCK_TIER,
  clearAccountFailures,
  reachedLock,
  takeLoginAttempt,
  takeLockNotice,
  type LoginSubject,
} from './login-throttle.ts'
import { verifyPassword } from './passwords.ts'
import { checkTotp } from './totp.ts'

/**
 * One per process. Two hashes at a time leave libuv's other threads (four by default) to file
 * and DNS work; each address may have four in the queue, 16 strangers wait in all (at most
 * eight scrypt times, so a refusal comes early rather than a wait of many seconds), and 16
 * trusted devices beside them.
 */
export const loginHashQueue = new HashQueue({ concurrency: 2, maxWaiting: 16, maxPerLane: 4 })

export interface LoginDeps {
  db: Kysely<Database>
  clock: Clock
  config: Config
  logger: Logger
  outbox: Pick<OutboxWorker, 'wake'>
}

export type LoginAttempt =
  | (AgentLogin & { ok: true; deviceCookie: string })
  | Exclude<AgentLogin, { ok: true }>
  | { ok: false; code: 'login_throttled'; retryAfterSeconds: number }

/**
 * The console sign-in with its defences: the attempt is counted (account and address) before
 * anything is hashed, hashing waits its turn in a bounded fair queue, and the failure that
 * locks an account emails its agent.
 */
export async function attemptAgentLogin(
  deps: LoginDeps,
  input: {
    email: string
    password: string
    storeId?: string
    address: string
    device?: string
    /** The 6-digit code of the agent's authenticator, when they enrolled one. */
    totp?: string
  },
): Promise<LoginAttempt> {
  const email = input.email.trim().toLowerCase()
  const ring = keyringOf(deps.config)
  const subject: LoginSubject = {
    email,
    address: input.address,
    trustedDevice: deviceCookieValid(ring, email, input.device),
  }
  const now = deps.clock.now()
  const throttle = await takeLoginAttempt(deps.db, subject, now.getTime())
  if (!throttle.ok) {
    return { ok: false, code: 'login_throttled', retryAfterSeconds: throttle.retryAfterSeconds }
  }
  const result = await logInAgent(deps.db, {
    email,
    password: input.password,
    ...(input.storeId !== undefined ? { storeId: input.storeId } : {}),
    now,
    check: async (password, hash) => {
      const valid = await loginHashQueue.run(
        input.address,
        () => verifyPassword(password, hash),
        subject.trustedDevice,
      )
      return valid === QUEUE_FULL ? 'busy' : valid
    },
    secondFactor: async (agent) => {
      if (agent.totp_enabled_at === null) return 'ok'
      if (input.totp === undefined) return 'missing'
      return (await checkTotp(deps.db, agent.id, input.totp, now)) ? 'ok' : 'wrong'
    },
  })
  if (result.ok) {
    await clearAccountFailures(deps.db, subject, now.getTime())
    return { ...result, deviceCookie: makeDeviceCookie(ring, email) }
  }
  // A wrong second factor counts like a wrong password (the attempt was taken already), and
  // neither clears the account's failures: the code is guessed no faster than the password.
  if (
    (result.code === 'invalid_credentials' || result.code === 'totp_invalid') &&
    !subject.trustedDevice
  ) {
    await noticeLock(deps, subject, now).catch((err: unknown) =>
      deps.logger.warn('lock notice failed', { error: String(err) }),
    )
  }
  return result
}

async function noticeLock(deps: LoginDeps, subject: LoginSubject, now: Date) {
  if (!(await reachedLock(deps.db, subject, now.getTime()))) return
  if (!(await takeLockNotice(deps.db, subject, now.getTime()))) return
  const agents = await findAgentsByEmail(deps.db, subject.email)
  const first = agents[0]
  if (first === undefined) return
  const store = await findStoreById(deps.db, first.store_id)
  const until = new Date(now.getTime() + ACCOUNT_TIERS[LOCK_TIER].windowMs)
  await deps.db.transaction().execute((trx) =>
    enqueueLockNotice(
      trx,
      {
        to: subject.email,
        storeId: first.store_id,
        params: {
          storeName: store?.name ?? 'your store',
          until: until.toISOString().slice(0, 16).replace('T', ' '),
          address: subject.address,
        },
      },
      now,
    ),
  )
  deps.outbox.wake()
}
