import { describe, expect, it } from 'vitest'
import { insertStore } from '../../db/stores.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { ask, askEmail, deliveredCode, errorCode, startChallenge } from './auth-test-kit.ts'

describe(`POST /v1/auth/challenges (${testDialect})`, () => {
  it('answers 202 with the challenge id, the resend delay and the validity', async () => {
    const ctx = await createTestApp()
    const res = await askEmail(ctx, 'ada@example.com')
    expect(res.status).toBe(202)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      challengeId: expect.stringMatching(/^ch_[A-Za-z0-9_-]{22}$/),
      resendAfterSeconds: 30,
      expiresInSeconds: 600,
    })
  })

  it('queues the message in the same transaction, with no code in the row', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, 'ada@example.com')
    const rows = await ctx.db.selectFrom('outbox_messages').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      channel: 'email',
      recipient: 'ada@example.com',
      template: 'auth-code',
      status: 'pending',
      store_id: DEMO_STORE_ID,
    })
    const code = await deliveredCode(ctx, 'ada@example.com')
    const dump = JSON.stringify([
      await ctx.db.selectFrom('outbox_messages').selectAll().execute(),
      await ctx.db.selectFrom('auth_challenges').selectAll().execute(),
      await ctx.db.selectFrom('rate_limit_hits').selectAll().execute(),
      await ctx.db.selectFrom('rate_limit_buckets').selectAll().execute(),
    ])
    expect(dump).not.toContain(code)
    expect(dump).toContain(id)
    // The limit tables name identifiers by a keyed hash, not in clear.
    expect(
      JSON.stringify(await ctx.db.selectFrom('rate_limit_hits').selectAll().execute()),
    ).not.toContain('ada@')
  })

  it('keeps nothing of a request whose message cannot be queued (one transaction)', async () => {
    const ctx = await createTestApp()
    await startChallenge(ctx, 'ada@example.com')
    const count = async (table: 'auth_challenges' | 'rate_limit_hits') =>
      (await ctx.db.selectFrom(table).selectAll().execute()).length
    const before = [await count('auth_challenges'), await count('rate_limit_hits')]
    // The outbox insert, the last write of the transaction, fails.
    await ctx.db.schema.alterTable('outbox_messages').renameTo('outbox_hidden').execute()
    const broken = await askEmail(ctx, 'bob@example.com')
    await ctx.db.schema.alterTable('outbox_hidden').renameTo('outbox_messages').execute()
    expect(broken.status).toBe(500)
    expect([await count('auth_challenges'), await count('rate_limit_hits')]).toEqual(before)
    expect(await ctx.db.selectFrom('outbox_messages').selectAll().execute()).toHaveLength(1)
  })

  it('normalizes emails (case, surrounding spaces) before sending and signing in', async () => {
    const ctx = await createTestApp()
    await startChallenge(ctx, '  Ada.Lovelace@Example.COM ')
    const row = await ctx.db.selectFrom('auth_challenges').selectAll().executeTakeFirstOrThrow()
    expect(row.identifier).toBe('ada.lovelace@example.com')
    expect(await deliveredCode(ctx, 'ada.lovelace@example.com')).toMatch(/^[0-9]{6}$/)
  })

  it('reads phone numbers to E.164, nationally with a country', async () => {
    const ctx = await createTestApp()
    const res = await ask(ctx, {
      channel: 'sms',
      identifier: '06 12 34 56 78',
      country: 'FR',
      locale: 'fr',
    })
    expect(res.status).toBe(202)
    const row = await ctx.db.selectFrom('auth_challenges').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ channel: 'sms', identifier: '+33612345678', locale: 'fr' })
    const code = await deliveredCode(ctx, '+33612345678')
    const sms = ctx.deps.devOutbox?.list()[0]
    expect(sms?.text.split('\n').at(-1)).toBe(`@localhost #${code}`)
    expect(sms?.text).toContain('Lumen & Loom')
  })

  it.each([
    ['email', 'not-an-email', 'invalid_email'],
    ['email', 'ada@example.com\r\nBcc: eve@example.com', 'invalid_email'],
    ['email', 'ada@example.com, eve@example.com', 'invalid_email'],
    ['sms', '12', 'invalid_phone'],
    ['sms', '0612345678', 'invalid_phone'],
    ['sms', '+44 20 7946 0958', 'invalid_phone'],
    ['sms', ada(), 'invalid_phone'],
  ])('refuses %s %j with 400 %s and sends nothing', async (channel, identifier, code) => {
    const ctx = await createTestApp()
    const res = await ask(ctx, { channel, identifier, locale: 'en' })
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe(code)
    expect(await ctx.db.selectFrom('outbox_messages').selectAll().execute()).toEqual([])
  })

  it.each([
    [{ channel: 'fax', identifier: 'ada@example.com', locale: 'en' }],
    [{ channel: 'email', identifier: 42, locale: 'en' }],
    [{ channel: 'email', identifier: 'ada@example.com' }],
    [{ channel: 'email', identifier: 'ada@example.com', locale: '<script>' }],
    [{ channel: 'email', identifier: 'ada@example.com', locale: 'en', admin: true }],
    [{ channel: 'sms', identifier: '0612345678', locale: 'en', country: 'FRA' }],
    [['email']],
    [null],
  ])('refuses a malformed body %j with 400 validation_failed', async (body) => {
    const ctx = await createTestApp()
    const res = await ask(ctx, body)
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('validation_failed')
  })

  it('needs a known store key', async () => {
    const ctx = await createTestApp()
    const res = await askEmail(ctx, 'ada@example.com', { key: 'pk_nobody_here' })
    expect(res.status).toBe(404)
    expect(await errorCode(res)).toBe('store_not_found')
  })

  it('writes in the language asked for, else the store language, and names the store', async () => {
    const ctx = await createTestApp()
    await insertStore(ctx.db, {
      id: 'st_de',
      name: 'Waldladen',
      widget_key: 'pk_waldladen',
      allowed_origins: '[]',
      settings: JSON.stringify({ defaultLocale: 'de' }),
      adapter_kind: 'demo',
      adapter_config: '{}',
      created_at: 0,
    })
    const opts = { key: 'pk_waldladen' }
    for (const [identifier, locale] of [
      ['fr@example.com', 'fr-CA'],
      ['pt@example.com', 'pt-BR'],
      ['ar@example.com', 'ar'],
    ] as const) {
      expect((await ask(ctx, { channel: 'email', identifier, locale }, opts)).status).toBe(202)
    }
    await ctx.drainOutbox()
    const subject = (to: string) => {
      const m = ctx.deps.devOutbox?.list().find((x) => x.to === to)
      return m?.channel === 'email' ? m : undefined
    }
    expect(subject('fr@example.com')?.subject).toBe('Votre code de connexion pour Waldladen')
    expect(subject('pt@example.com')?.subject).toBe('Ihr Anmeldecode für Waldladen')
    expect(subject('ar@example.com')?.subject).toBe('رمز تسجيل الدخول إلى Waldladen')
    expect(subject('ar@example.com')?.html).toContain('dir="rtl"')
  })

  it('refuses a channel this server cannot send on (production without SMTP) with 503', async () => {
    const ctx = await createTestApp({ env: { NODE_ENV: 'production' } })
    const res = await askEmail(ctx, 'ada@example.com')
    expect(res.status).toBe(503)
    expect(await errorCode(res)).toBe('channel_unavailable')
    expect(await ctx.db.selectFrom('auth_challenges').selectAll().execute()).toEqual([])
  })
})

function ada() {
  return '+1 415 555 0100\r\nBcc: eve'
}
