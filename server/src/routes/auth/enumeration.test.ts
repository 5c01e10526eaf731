import { describe, expect, it } from 'vitest'
import { createTestApp, testDialect } from '../../test/harness.ts'
import {
  ask,
  deliveredCode,
  resend,
  startChallenge,
  verify,
  type TestCtx,
} from './auth-test-kit.ts'

/** The shape of a JSON value: keys and types, not the values themselves. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    )
  }
  return typeof value
}

/** Status, headers (minus the per-request id) and body of a response, with the id masked. */
async function answer(res: Response) {
  const body = (await res.json()) as Record<string, unknown>
  const headers = [...res.headers.entries()].filter(([k]) => k !== 'x-request-id')
  return { status: res.status, headers, shape: shape(body), body: { ...body, challengeId: 'ch' } }
}

async function sideEffects(ctx: TestCtx, identifier: string) {
  const challenges = await ctx.db
    .selectFrom('auth_challenges')
    .select(['channel', 'counter', 'attempts', 'consumed_at'])
    .where('identifier', '=', identifier)
    .orderBy('created_at', 'desc')
    .execute()
  const messages = await ctx.db
    .selectFrom('outbox_messages')
    .select(['channel', 'template', 'status'])
    .where('recipient', '=', identifier)
    .orderBy('created_at', 'desc')
    .execute()
  return { challenge: challenges[0], message: messages[0] }
}

describe(`the answer does not tell known shoppers from unknown ones (${testDialect})`, () => {
  // Sign-in never looks at orders: whoever proves an address gets a session (with no orders if
  // there are none). The "known" shopper here has all the history there can be at this point:
  // an earlier challenge, a delivered code and a verified session.
  async function withKnownShopper(known = 'known@example.com') {
    const ctx = await createTestApp()
    const channel = known.startsWith('+') ? 'sms' : 'email'
    const res = await ask(ctx, { channel, identifier: known, locale: 'en' }, { ip: '192.0.2.50' })
    const { challengeId } = (await res.json()) as { challengeId: string }
    const signedIn = await verify(ctx, challengeId, await deliveredCode(ctx, known))
    expect(signedIn.status).toBe(200)
    ctx.clock.advance(60_000)
    return ctx
  }

  it.each([
    ['email', 'known@example.com', 'never-seen@example.com'],
    ['sms', '+14155550100', '+14155550123'],
  ])('%s: same status, headers and body shape; both queue a message', async (channel, a, b) => {
    const ctx = await withKnownShopper(a)
    const body = (identifier: string) => ({ channel, identifier, locale: 'en' })
    const known = await answer(await ask(ctx, body(a), { ip: '192.0.2.60' }))
    const unknown = await answer(await ask(ctx, body(b), { ip: '192.0.2.61' }))
    expect(known.status).toBe(202)
    expect(unknown).toEqual(known)
    expect(await sideEffects(ctx, b)).toEqual(await sideEffects(ctx, a))
    expect(await ctx.drainOutbox()).toEqual({ sent: 2, retried: 0, failed: 0 })
    expect(ctx.deps.devOutbox?.list().filter((m) => m.to === b)).toHaveLength(1)
    expect(ctx.deps.devOutbox?.list().filter((m) => m.to === a)).toHaveLength(2)
  })

  it('resend answers the same for both', async () => {
    const ctx = await withKnownShopper()
    const known = await startChallenge(ctx, 'known@example.com', { ip: '192.0.2.70' })
    const unknown = await startChallenge(ctx, 'never-seen@example.com', { ip: '192.0.2.71' })
    ctx.clock.advance(30_000)
    const a = await answer(await resend(ctx, known))
    const b = await answer(await resend(ctx, unknown))
    expect(a.status).toBe(202)
    expect(b).toEqual(a)
  })

  it('a wrong code answers the same for both', async () => {
    const ctx = await withKnownShopper()
    const known = await startChallenge(ctx, 'known@example.com')
    const unknown = await startChallenge(ctx, 'never-seen@example.com')
    // 000000 could be right one time in a million; the bodies would then differ loudly.
    const a = await verify(ctx, known, '000000')
    const b = await verify(ctx, unknown, '000000')
    expect([b.status, await b.json()]).toEqual([a.status, await a.json()])
  })
})
