import { describe, expect, it } from 'vitest'
import { insertStore } from '../../db/stores.repository.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import {
  deliveredCode,
  errorCode,
  otherCode,
  resend,
  startChallenge,
  verify,
} from './auth-test-kit.ts'

const email = 'ada@example.com'

describe(`POST /v1/auth/challenges/:id/verify (${testDialect})`, () => {
  it('opens a 24-hour session for the verified email with the right code', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    const res = await verify(ctx, id, ` ${code}  `)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    expect(body).toEqual({
      token: expect.stringMatching(/^pls_[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(ctx.clock.now().getTime() + 24 * 3600_000).toISOString(),
      identity: { kind: 'email', value: email },
    })
    const me = await ctx.app.request('/v1/auth/session', {
      headers: { authorization: `Bearer ${body.token}` },
    })
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual({ expiresAt: body.expiresAt, identity: body.identity })
  })

  it('uses SESSION_TTL_HOURS for the session length', async () => {
    const ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '2' } })
    const id = await startChallenge(ctx, email)
    const res = await verify(ctx, id, await deliveredCode(ctx, email))
    expect((await res.json()).expiresAt).toBe(
      new Date(ctx.clock.now().getTime() + 2 * 3600_000).toISOString(),
    )
  })

  it('accepts a code once only', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    expect((await verify(ctx, id, code)).status).toBe(200)
    const again = await verify(ctx, id, code)
    expect(again.status).toBe(400)
    expect(await errorCode(again)).toBe('code_expired')
  })

  it('accepts a code until 10 minutes after it was sent, not at 10 minutes', async () => {
    const ctx = await createTestApp()
    const early = await startChallenge(ctx, email)
    const late = await startChallenge(ctx, 'bob@example.com')
    const earlyCode = await deliveredCode(ctx, email)
    const lateCode = await deliveredCode(ctx, 'bob@example.com')
    ctx.clock.advance(10 * 60_000 - 1)
    expect((await verify(ctx, early, earlyCode)).status).toBe(200)
    ctx.clock.advance(1)
    const res = await verify(ctx, late, lateCode)
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('code_expired')
  })

  it('ends the challenge after 5 wrong tries; the right code then gets the expired answer', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    const answers = []
    for (let i = 1; i <= 5; i += 1) {
      const res = await verify(ctx, id, otherCode(code, i))
      answers.push([res.status, (await res.json()).error])
    }
    expect(answers.slice(0, 4)).toEqual(
      [4, 3, 2, 1].map((left) => [
        400,
        expect.objectContaining({ code: 'code_incorrect', details: { attemptsLeft: left } }),
      ]),
    )
    expect(answers[4]).toEqual([400, expect.objectContaining({ code: 'code_expired' })])
    const expired = await verify(ctx, id, code)
    const timedOut = await (async () => {
      const other = await startChallenge(ctx, 'bob@example.com')
      const otherCodeSent = await deliveredCode(ctx, 'bob@example.com')
      ctx.clock.advance(10 * 60_000)
      return verify(ctx, other, otherCodeSent)
    })()
    // Same status and the very same body as a code that simply ran out of time.
    expect(expired.status).toBe(timedOut.status)
    expect(await expired.json()).toEqual(await timedOut.json())
  })

  it('lets the fifth try succeed when it is right', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    for (let i = 1; i <= 4; i += 1)
      expect((await verify(ctx, id, otherCode(code, i))).status).toBe(400)
    expect((await verify(ctx, id, code)).status).toBe(200)
  })

  it('a resend replaces the code: the old one gets the expired answer, the new one works', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const first = await deliveredCode(ctx, email)
    ctx.clock.advance(30_000)
    expect((await resend(ctx, id)).status).toBe(202)
    const second = await deliveredCode(ctx, email)
    expect(second).not.toBe(first)
    const old = await verify(ctx, id, first)
    expect(old.status).toBe(400)
    expect(await errorCode(old)).toBe('code_expired')
    expect((await verify(ctx, id, second)).status).toBe(200)
  })

  it('restarts the 10 minutes on resend but keeps counting tries across codes', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const first = await deliveredCode(ctx, email)
    for (let i = 1; i <= 3; i += 1) await verify(ctx, id, otherCode(first, i))
    ctx.clock.advance(9 * 60_000)
    expect((await resend(ctx, id)).status).toBe(202)
    const second = await deliveredCode(ctx, email)
    ctx.clock.advance(9 * 60_000)
    const wrong = await verify(ctx, id, otherCode(second))
    expect((await wrong.json()).error.details).toEqual({ attemptsLeft: 1 })
    expect((await verify(ctx, id, second)).status).toBe(200)
  })

  it.each([
    ['full-width digits', '１２３４５６'],
    ['Arabic-Indic digits', '١٢٣٤٥٦'],
    ['five digits', '12345'],
    ['seven digits', '1234567'],
    ['inner space', '123 456'],
    ['a number', 123456],
    ['null', null],
    ['an array', ['123456']],
    ['an object', { code: '123456' }],
    ['true', true],
    ['an empty string', ''],
    ['a 60 KB string', '1'.repeat(60_000)],
  ])('refuses %s with 400 invalid_code_format, without using a try', async (_, code) => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const res = await verify(ctx, id, code)
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('invalid_code_format')
    const row = await ctx.db.selectFrom('auth_challenges').select('attempts').executeTakeFirst()
    expect(row?.attempts).toBe(0)
  })

  it('refuses a missing code and other body shapes with 400, never a 500', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const post = (body: string, type = 'application/json') =>
      ctx.app.request(`/v1/auth/challenges/${id}/verify`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-porchlight-key': 'pk_demo_lumen' },
        body,
      })
    const cases = [
      ['{}', 'invalid_code_format'],
      ['{"code":"123456","extra":1}', 'validation_failed'],
      ['[]', 'validation_failed'],
      ['null', 'validation_failed'],
      ['"123456"', 'validation_failed'],
      ['{"code":', 'invalid_json'],
    ] as const
    for (const [body, code] of cases) {
      const res = await post(body)
      expect([body, res.status, await errorCode(res)]).toEqual([body, 400, code])
    }
    expect((await post('code=123456', 'application/x-www-form-urlencoded')).status).toBe(415)
  })

  it('refuses a 1 MB code with 413 before reading it', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const res = await verify(ctx, id, '1'.repeat(1024 * 1024))
    expect(res.status).toBe(413)
    expect(await errorCode(res)).toBe('payload_too_large')
  })

  it('gives unknown, malformed and other stores’ challenge ids the expired answer', async () => {
    const ctx = await createTestApp()
    await insertStore(ctx.db, {
      id: 'st_other',
      name: 'Other',
      widget_key: 'pk_other_store',
      allowed_origins: '[]',
      settings: '{}',
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: 0,
    })
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    for (const [target, key] of [
      [id, 'pk_other_store'],
      ['ch_' + 'A'.repeat(22), 'pk_demo_lumen'],
      ['nope', 'pk_demo_lumen'],
    ] as const) {
      const res = await verify(ctx, target, code, { key })
      expect([target, res.status, await errorCode(res)]).toEqual([target, 400, 'code_expired'])
    }
    // The other store's attempt did not touch the challenge: it still signs in.
    expect((await verify(ctx, id, code)).status).toBe(200)
  })

  it('checks at most 5 of 50 wrong guesses sent at once', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verify(ctx, id, otherCode(code, i + 1))),
    )
    const codes = await Promise.all(responses.map(errorCode))
    expect(codes.filter((c) => c === 'code_incorrect')).toHaveLength(4)
    expect(codes.filter((c) => c === 'code_expired')).toHaveLength(46)
    const row = await ctx.db.selectFrom('auth_challenges').select('attempts').executeTakeFirst()
    expect(row?.attempts).toBe(5)
    expect((await verify(ctx, id, code)).status).toBe(400)
  })

  it('opens exactly one session when the right code is sent 20 times at once', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    const statuses = (
      await Promise.all(Array.from({ length: 20 }, () => verify(ctx, id, code)))
    ).map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(await ctx.db.selectFrom('shopper_sessions').selectAll().execute()).toHaveLength(1)
  })

  it('never writes a code to the log', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const code = await deliveredCode(ctx, email)
    await verify(ctx, id, otherCode(code))
    await verify(ctx, id, code)
    ctx.clock.advance(30_000)
    const sms = await ctx.app.request('/v1/auth/challenges', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-porchlight-key': 'pk_demo_lumen' },
      body: JSON.stringify({ channel: 'sms', identifier: '+14155550100', locale: 'en' }),
    })
    expect(sms.status).toBe(202)
    const smsCode = await deliveredCode(ctx, '+14155550100')
    const log = JSON.stringify(ctx.logger.lines)
    expect(ctx.logger.lines.some((l) => l['msg'] === 'message captured in the dev outbox')).toBe(
      true,
    )
    expect(log).not.toContain(code)
    expect(log).not.toContain(smsCode)
  })
})
