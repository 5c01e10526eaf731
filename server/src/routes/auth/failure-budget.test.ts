import { describe, expect, it } from 'vitest'
import { createTestApp, testDialect } from '../../test/harness.ts'
import {
  askEmail,
  deliveredCode,
  errorCode,
  otherCode,
  startChallenge,
  verify,
  type TestCtx,
} from './auth-test-kit.ts'

const email = 'ada@example.com'

/** Wrong-or-right codes the server compared, across every challenge (tries taken). */
async function comparisons(ctx: TestCtx) {
  const rows = await ctx.db.selectFrom('auth_challenges').select('attempts').execute()
  return rows.reduce((sum, r) => sum + Number(r.attempts), 0)
}

/** A new challenge for `to` and its code, read from the outbox like a shopper would. */
async function challengeWithCode(ctx: TestCtx, to: string) {
  const id = await startChallenge(ctx, to)
  return { id, code: await deliveredCode(ctx, to) }
}

async function answer(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; details: unknown } }
  return { status: res.status, header: res.headers.get('retry-after'), ...body.error }
}

describe(`failure budget across challenges (${testDialect})`, () => {
  it('pauses an identifier after 10 wrong codes in an hour, answering like the cooldown', async () => {
    const ctx = await createTestApp()
    const a = await challengeWithCode(ctx, email)
    for (let i = 1; i <= 5; i++) await verify(ctx, a.id, otherCode(a.code, i))
    ctx.clock.advance(30_000)
    const b = await challengeWithCode(ctx, email)
    for (let i = 1; i <= 4; i++) await verify(ctx, b.id, otherCode(b.code, i))
    ctx.clock.advance(30_000)
    const c = await challengeWithCode(ctx, email)
    // The tenth wrong code, on the second challenge, spends the budget.
    expect(await errorCode(await verify(ctx, b.id, otherCode(b.code, 5)))).toBe('code_expired')
    expect(await comparisons(ctx)).toBe(10)

    // The third challenge's right code is not even compared: the cooldown's answer instead.
    const paused = await answer(await verify(ctx, c.id, c.code))
    expect(await comparisons(ctx)).toBe(10)
    // The first wrong code (at 0 s) leaves the hour 3600 s after it was made; now is 60 s.
    expect(paused).toEqual({
      status: 429,
      header: '3540',
      code: 'resend_too_soon',
      message: 'Wait a little before asking for another code.',
      details: { retryAfterSeconds: 3540 },
    })
    // Asking for a code gets the same answer, and sends nothing.
    ctx.clock.advance(30_000)
    const asked = await answer(await askEmail(ctx, email))
    expect(asked).toEqual({ ...paused, header: '3510', details: { retryAfterSeconds: 3510 } })
    expect(await ctx.db.selectFrom('auth_challenges').select('id').execute()).toHaveLength(3)

    // A normal cooldown reads the same to an outsider.
    await askEmail(ctx, 'bob@example.com')
    const cooldown = await answer(await askEmail(ctx, 'bob@example.com'))
    expect(Object.keys(cooldown)).toEqual(Object.keys(asked))
    expect([cooldown.status, cooldown.code, cooldown.message]).toEqual([
      asked.status,
      asked.code,
      asked.message,
    ])

    // When the hour has passed for the first wrong codes, sign-in works again.
    ctx.clock.advance(3510_000)
    const d = await challengeWithCode(ctx, email)
    expect((await verify(ctx, d.id, d.code)).status).toBe(200)
  })

  it('counts no right code against the budget', async () => {
    const ctx = await createTestApp()
    for (let i = 0; i < 12; i++) {
      const { id, code } = await challengeWithCode(ctx, email)
      if (i % 2 === 0) await verify(ctx, id, otherCode(code))
      expect((await verify(ctx, id, code)).status).toBe(200)
      ctx.clock.advance(150_000)
    }
  })

  it('shares one budget between the +tags of a mailbox, keeping the address as typed', async () => {
    const ctx = await createTestApp()
    const tags = ['ada+1@example.com', 'ada+2@example.com', 'ada@example.com']
    let wrong = 0
    for (const to of tags) {
      const { id, code } = await challengeWithCode(ctx, to)
      for (let i = 1; i <= 4 && wrong < 10; i++, wrong++) await verify(ctx, id, otherCode(code, i))
      ctx.clock.advance(30_000)
    }
    expect(wrong).toBe(10)
    expect(await errorCode(await askEmail(ctx, 'ada+3@example.com'))).toBe('resend_too_soon')
    // Another mailbox is not held back, and a session keeps the tag it was asked with.
    const other = await challengeWithCode(ctx, 'ada.l+shop@example.com')
    const res = await verify(ctx, other.id, other.code)
    expect((await res.json()).identity).toEqual({ kind: 'email', value: 'ada.l+shop@example.com' })
  })

  it('compares at most 10 codes an hour per identifier, however they are spread', async () => {
    const ctx = await createTestApp()
    const end = ctx.clock.now().getTime() + 3600_000
    // An attacker asking for a fresh code whenever one is allowed, and trying 5 on each.
    while (ctx.clock.now().getTime() < end) {
      const res = await askEmail(ctx, email)
      if (res.status === 202) {
        const { challengeId } = (await res.json()) as { challengeId: string }
        for (let i = 0; i < 5; i++) await verify(ctx, challengeId, '000000')
      }
      ctx.clock.advance(30_000)
    }
    expect(await comparisons(ctx)).toBe(10)
  })

  // Every guess waits on the one budget bucket in turn (that is the point), so on a loaded
  // machine with PostgreSQL 30 of them can take longer than the default 5 s.
  it('holds under parallel guesses at three live challenges', { timeout: 30_000 }, async () => {
    const ctx = await createTestApp()
    const live: Array<{ id: string; code: string }> = []
    for (let i = 0; i < 3; i++) {
      live.push(await challengeWithCode(ctx, email))
      ctx.clock.advance(30_000)
    }
    const guesses = Array.from({ length: 30 }, (_, i) => {
      const target = live[i % 3]!
      return verify(ctx, target.id, otherCode(target.code, 1 + (i % 7)))
    })
    const codes = await Promise.all((await Promise.all(guesses)).map(errorCode))
    // Three challenges hold 15 tries; the budget lets 10 of them be compared.
    expect(await comparisons(ctx)).toBe(10)
    // Every guess past the budget was told to wait; none was compared.
    expect(codes.filter((c) => c === 'resend_too_soon')).toHaveLength(20)
    expect(codes.filter((c) => c === 'code_incorrect' || c === 'code_expired')).toHaveLength(10)
  })
})
