import type { ChallengeResponse } from '@porchlight/shared/api/auth'
import { resolveMailLocale } from '@porchlight/shared/i18n/mail/messages'
import type { AppDeps } from '../../deps.ts'
import type { DeliveryFailure } from '../../db/auth-challenges.table.ts'
import {
  advanceChallenge,
  findChallenge,
  insertChallenge,
} from '../../db/auth-challenges.repository.ts'
import { takeRateLimits, type RateLimit } from '../../db/rate-limits.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { newId } from '../../ids.ts'
import { storeOrigins } from '../store-config.ts'
import { enqueue } from '../outbox/outbox.ts'
import { CODE_TTL_MS, MAX_CODE_ATTEMPTS, authLimits } from './auth-settings.ts'
import { currentCodeKeyId } from './code-keys.ts'
import { AUTH_CODE_TEMPLATE, type AuthCodeParams } from './code-message.ts'
import { normalizeEmail, normalizePhone } from './identifier.ts'
import { limitIdentity } from './limit-identity.ts'

export type AuthDeps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'mailer' | 'sms'>
type Deps = AuthDeps

export type Refusal =
  | { ok: false; code: 'invalid_email' | 'invalid_phone'; message: string }
  | { ok: false; code: 'resend_too_soon' | 'rate_limited'; retryAfterSeconds: number }
  | { ok: false; code: 'channel_unavailable' | 'code_expired' }
  | { ok: false; code: DeliveryFailure }

export type ChallengeResult = { ok: true; challenge: ChallengeResponse } | Refusal

export interface AskInput {
  channel: 'email' | 'sms'
  identifier: string
  locale: string
  country?: string | undefined
  /** The page the panel is embedded in, as the panel says; used only if the store allows it. */
  origin?: string | undefined
}

/**
 * The storefront's host for the origin-bound line of a text message: the page the panel is
 * embedded in, when it is one the store allows; undefined otherwise (the text then names this
 * server's host alone).
 */
export function storefrontHost(
  deps: Pick<AppDeps, 'config'>,
  store: Store,
  origin: string | undefined,
): string | undefined {
  if (origin === undefined) return undefined
  if (!storeOrigins(store.allowedOrigins, deps.config.publicUrl).includes(origin)) return undefined
  return URL.parse(origin)?.hostname || undefined
}

export function secretOf(deps: Pick<AppDeps, 'config'>): string {
  const secret = deps.config.secretKey
  if (secret === undefined) throw new Error('secretKey must be resolved before building the app')
  return secret
}

/**
 * Wrong codes of one identifier across all its challenges. Verifying takes a hit before the
 * code is compared (and gives it back when the code is right); sending only looks at it, so
 * while it is spent no new code goes out either.
 */
export function failureBudget(
  deps: Pick<AppDeps, 'config'>,
  store: Store,
  identifier: string,
): RateLimit {
  const limits = authLimits(store.settings)
  return {
    key: `auth:fail:${store.id}:${limitIdentity(secretOf(deps), identifier)}`,
    limit: limits.failureLimit,
    windowMs: limits.failureWindowSeconds * 1000,
  }
}

function sendLimits(deps: Deps, store: Store, identifier: string, ip: string): RateLimit[] {
  const limits = authLimits(store.settings)
  const who = limitIdentity(secretOf(deps), identifier)
  return [
    // Order matters: the first exhausted limit names the refusal.
    {
      key: `auth:cool:${store.id}:${who}`,
      limit: 1,
      windowMs: limits.resendCooldownSeconds * 1000,
    },
    // A spent failure budget answers exactly like the cooldown (see refusedBy).
    { ...failureBudget(deps, store, identifier), peek: true },
    {
      key: `auth:id:${store.id}:${who}`,
      limit: limits.identifierSendLimit,
      windowMs: limits.identifierWindowSeconds * 1000,
    },
    {
      key: `auth:ip:${store.id}:${ip}`,
      limit: limits.ipSendLimit,
      windowMs: limits.ipWindowSeconds * 1000,
    },
  ]
}

function refusedBy(index: number, retryAfterMs: number): Refusal {
  return {
    ok: false,
    code: index <= 1 ? 'resend_too_soon' : 'rate_limited',
    retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
  }
}

class Rollback {
  readonly result: ChallengeResult
  constructor(result: ChallengeResult) {
    this.result = result
  }
}

/**
 * "Send me a code". Never looks at the store's orders: a known and an unknown shopper take the
 * same path (limits, a challenge row, an outbox message), so the answer cannot tell them apart.
 */
export async function askForCode(
  deps: Deps,
  store: Store,
  input: AskInput,
  ip: string,
): Promise<ChallengeResult> {
  const parsed =
    input.channel === 'email'
      ? normalizeEmail(input.identifier)
      : normalizePhone(input.identifier, input.country)
  if (!parsed.ok) return parsed
  const sender = input.channel === 'email' ? deps.mailer : deps.sms
  if (!sender.available) return { ok: false, code: 'channel_unavailable' }

  const identifier = parsed.value
  const now = deps.clock.now().getTime()
  const limits = authLimits(store.settings)
  const defaultLocale = store.settings['defaultLocale']
  const locale = resolveMailLocale(
    input.locale,
    typeof defaultLocale === 'string' ? defaultLocale : undefined,
  )
  return deps.db.transaction().execute(async (trx) => {
    const taken = await takeRateLimits(trx, sendLimits(deps, store, identifier, ip), now)
    if (!taken.ok) return refusedBy(taken.index, taken.retryAfterMs)
    const id = newId('ch')
    const keyId = currentCodeKeyId(deps.config)
    const expiresAt = now + CODE_TTL_MS
    await insertChallenge(trx, {
      id,
      store_id: store.id,
      channel: input.channel,
      identifier,
      locale,
      counter: 0,
      attempts: 0,
      created_at: now,
      sent_at: now,
      expires_at: expiresAt,
      consumed_at: null,
      delivered_at: null,
      delivery_failure: null,
      key_id: keyId,
    })
    const params: AuthCodeParams = {
      challengeId: id,
      counter: 0,
      locale,
      storeName: store.name,
      keyId,
      storefrontHost: storefrontHost(deps, store, input.origin),
    }
    await enqueue(
      trx,
      {
        channel: input.channel,
        to: identifier,
        template: AUTH_CODE_TEMPLATE,
        priority: 'urgent',
        params: { ...params },
        storeId: store.id,
        groupKey: `auth:${id}`,
        notAfter: new Date(expiresAt),
      },
      new Date(now),
    )
    return {
      ok: true,
      challenge: {
        challengeId: id,
        resendAfterSeconds: Math.max(limits.resendCooldownSeconds, taken.nextInSeconds),
        expiresInSeconds: CODE_TTL_MS / 1000,
      },
    }
  })
}

/** Sends a new code for a live challenge; the previous code stops working. */
export async function resendCode(
  deps: Deps,
  store: Store,
  challengeId: string,
  ip: string,
  origin?: string,
): Promise<ChallengeResult> {
  const row = await findChallenge(deps.db, store.id, challengeId)
  if (row === undefined || row.consumed_at !== null || row.attempts >= MAX_CODE_ATTEMPTS) {
    return { ok: false, code: 'code_expired' }
  }
  if (row.delivery_failure !== null) return { ok: false, code: row.delivery_failure }
  const now = deps.clock.now().getTime()
  const limits = authLimits(store.settings)
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const taken = await takeRateLimits(trx, sendLimits(deps, store, row.identifier, ip), now)
      if (!taken.ok) return refusedBy(taken.index, taken.retryAfterMs)
      const next = await advanceChallenge(trx, store.id, challengeId, {
        now,
        expiresAt: now + CODE_TTL_MS,
        maxAttempts: MAX_CODE_ATTEMPTS,
      })
      // Used or out of tries since it was read: undo the hit taken above.
      if (next === undefined) throw new Rollback({ ok: false, code: 'code_expired' })
      const params: AuthCodeParams = {
        challengeId,
        counter: next.counter,
        locale: row.locale as AuthCodeParams['locale'],
        storeName: store.name,
        keyId: row.key_id,
        storefrontHost: storefrontHost(deps, store, origin),
      }
      await enqueue(
        trx,
        {
          channel: next.channel,
          to: next.identifier,
          template: AUTH_CODE_TEMPLATE,
          priority: 'urgent',
          params: { ...params },
          storeId: store.id,
          groupKey: `auth:${challengeId}`,
          notAfter: new Date(next.expires_at),
        },
        new Date(now),
      )
      return {
        ok: true,
        challenge: {
          challengeId,
          resendAfterSeconds: Math.max(limits.resendCooldownSeconds, taken.nextInSeconds),
          expiresInSeconds: CODE_TTL_MS / 1000,
        },
      } as const
    })
  } catch (err) {
    if (err instanceof Rollback) return err.result
    throw err
  }
}

export type ChallengeStatus =
  { delivery: 'pending' | 'sent' } | { delivery: 'failed'; failure: DeliveryFailure }

/** Whether the current code has left, for a panel that wants to say "sent" or "could not send". */
export async function challengeStatus(
  deps: Deps,
  store: Store,
  challengeId: string,
): Promise<ChallengeStatus | undefined> {
  const row = await findChallenge(deps.db, store.id, challengeId)
  if (row === undefined) return undefined
  if (row.delivery_failure !== null) return { delivery: 'failed', failure: row.delivery_failure }
  return { delivery: row.delivered_at !== null ? 'sent' : 'pending' }
}
