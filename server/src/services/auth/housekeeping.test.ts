import { describe, expect, it } from 'vitest'
import { askEmail, startChallenge } from '../../routes/auth/auth-test-kit.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { purgeAuthData } from './housekeeping.ts'

describe(`purgeAuthData (${testDialect})`, () => {
  it('drops day-old challenges, two-day-old limit rows and week-old finished messages', async () => {
    const ctx = await createTestApp()
    await startChallenge(ctx, 'old@example.com')
    await ctx.drainOutbox()
    ctx.clock.advance(24 * 3600_000 + 1)
    await startChallenge(ctx, 'new@example.com')
    const count = async (table: 'auth_challenges' | 'rate_limit_hits' | 'outbox_messages') =>
      (await ctx.db.selectFrom(table).selectAll().execute()).length

    await purgeAuthData(ctx.db, ctx.clock.now())
    expect(await count('auth_challenges')).toBe(1)
    expect(await count('rate_limit_hits')).toBe(6)
    expect(await count('outbox_messages')).toBe(2)

    ctx.clock.advance(24 * 3600_000)
    await purgeAuthData(ctx.db, ctx.clock.now())
    expect(await count('rate_limit_hits')).toBe(3)
    // The pending message of the newer challenge stays, however old: it is not finished.
    ctx.clock.advance(7 * 24 * 3600_000)
    await purgeAuthData(ctx.db, ctx.clock.now())
    expect(await ctx.db.selectFrom('outbox_messages').select('status').execute()).toEqual([
      { status: 'pending' },
    ])
  })

  it('keeps limits working after a purge', async () => {
    const ctx = await createTestApp()
    await startChallenge(ctx, 'ada@example.com')
    await purgeAuthData(ctx.db, ctx.clock.now())
    expect((await askEmail(ctx, 'ada@example.com')).status).toBe(429)
  })
})
