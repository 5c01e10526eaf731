import type { SessionInfo } from '@porchlight/shared/api/auth'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { clientAddress } from '../../http/client-ip.ts'
import { readJson } from '../../http/json-body.ts'
import { requireShopper } from '../../middleware/shopper-session.ts'
import { resolveStore, storeCors } from '../../middleware/store.ts'
import {
  askForCode,
  challengeStatus,
  resendCode,
  type ChallengeResult,
} from '../../services/auth/challenges.ts'
import { parseCodeInput } from '../../services/auth/one-time-code.ts'
import { verifyCode } from '../../services/auth/verify-code.ts'
import { revokeShopperSession } from '../../services/sessions/shopper-sessions.ts'

/** The page the panel is embedded in; the service uses it only when the store allows it. */
const pageOrigin = z.string().max(200).optional()

const askBody = z
  .object({
    channel: z.enum(['email', 'sms']),
    identifier: z.string().max(1000),
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/, 'expected a language tag such as "fr"'),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code')
      .optional(),
    origin: pageOrigin,
  })
  .strict()

// A resend may say the page again (its text names it like the first one); the body is optional.
const resendBody = z.object({ origin: pageOrigin }).strict()

// The code is checked by hand so that every wrong shape gets the one code the panel expects.
const verifyBody = z.object({ code: z.unknown().optional() }).strict()

const challengeIdShape = /^ch_[A-Za-z0-9_-]{22}$/

const messages = {
  code_expired: 'This code has expired or was already used. Ask for a new one.',
  code_incorrect: 'This code is not right. Check it and try again.',
  invalid_code_format: 'Enter the 6-digit code.',
  channel_unavailable: 'This way of signing in is not available right now. Try the other one.',
  invalid_phone: 'We could not send a text to this number. Check it, or sign in with email.',
  phone_unsubscribed:
    'This number has opted out of our texts (it replied STOP). Reply START to re-enable texts, or sign in with email.',
  undeliverable: 'We could not deliver the code. Check what you entered, or try the other way.',
  resend_too_soon: 'Wait a little before asking for another code.',
  rate_limited: 'Too many codes were asked for. Try again later.',
} as const

/** A 429 that says when to come back (the error handler adds Retry-After). */
function waitError(result: {
  code: 'resend_too_soon' | 'rate_limited'
  retryAfterSeconds: number
}): AppError {
  return new AppError(result.code, messages[result.code], {
    retryAfterSeconds: result.retryAfterSeconds,
  })
}

/** Maps a refused challenge to the one error shape; 429s carry Retry-After as well. */
function challengeAnswer(c: Context<AppEnv>, result: ChallengeResult): Response {
  if (result.ok) {
    c.get('deps').outbox.wake()
    return c.json(result.challenge, 202)
  }
  if ('retryAfterSeconds' in result) throw waitError(result)
  if ('message' in result) throw new AppError(result.code, result.message)
  throw new AppError(result.code, messages[result.code])
}

/** Sign-in with a one-time code, and the session it opens. See shared/src/api/auth.ts. */
export const authRoutes = new Hono<AppEnv>()
  .use('/v1/auth/*', async (c, next) => {
    await next()
    // Codes, tokens and identities: nothing here may sit in a cache.
    c.header('Cache-Control', 'no-store')
  })
  .use('/v1/auth/challenges/*', resolveStore, storeCors)
  .post('/v1/auth/challenges', async (c) => {
    const body = await readJson(c, askBody)
    const result = await askForCode(c.get('deps'), c.get('store'), body, clientAddress(c))
    return challengeAnswer(c, result)
  })
  .post('/v1/auth/challenges/:id/resend', async (c) => {
    const id = c.req.param('id')
    if (!challengeIdShape.test(id)) throw new AppError('code_expired', messages.code_expired)
    const body = c.req.header('content-type') ? await readJson(c, resendBody) : {}
    const result = await resendCode(
      c.get('deps'),
      c.get('store'),
      id,
      clientAddress(c),
      body.origin,
    )
    return challengeAnswer(c, result)
  })
  .post('/v1/auth/challenges/:id/verify', async (c) => {
    const { code: raw } = await readJson(c, verifyBody)
    const code = parseCodeInput(raw)
    if (code === undefined) throw new AppError('invalid_code_format', messages.invalid_code_format)
    const id = c.req.param('id')
    if (!challengeIdShape.test(id)) throw new AppError('code_expired', messages.code_expired)
    const result = await verifyCode(c.get('deps'), c.get('store'), id, code)
    if (result.ok) return c.json(result.session, 200)
    // The failure budget is spent: the cooldown's answer, so it tells nothing more.
    if (result.code === 'resend_too_soon') throw waitError(result)
    if (result.code === 'code_incorrect') {
      throw new AppError('code_incorrect', messages.code_incorrect, {
        attemptsLeft: result.attemptsLeft,
      })
    }
    throw new AppError(result.code, messages[result.code])
  })
  .get('/v1/auth/challenges/:id', async (c) => {
    const id = c.req.param('id')
    const status = challengeIdShape.test(id)
      ? await challengeStatus(c.get('deps'), c.get('store'), id)
      : undefined
    if (status === undefined) throw new AppError('challenge_not_found', 'No such challenge.')
    return c.json(status)
  })
  .get('/v1/auth/session', requireShopper, (c) => {
    const session = c.get('shopper')
    const info: SessionInfo = {
      expiresAt: session.expiresAt.toISOString(),
      identity: session.identity,
    }
    return c.json(info)
  })
  .delete('/v1/auth/session', requireShopper, async (c) => {
    const { db, clock } = c.get('deps')
    await revokeShopperSession(db, c.get('shopper').id, clock.now())
    return c.body(null, 204)
  })
