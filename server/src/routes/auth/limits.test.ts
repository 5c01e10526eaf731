import { describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { updateStoreSettings } from '../../db/stores.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'
import { askEmail, deliveredCode, errorCode, resend, startChallenge } from './auth-test-kit.ts'

const email = 'ada@example.com'

async function refusal(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; details: { retryAfterSeconds: number } }
  }
  return {
    status: res.status,
    code: body.error.code,
    retryAfter: body.error.details.retryAfterSeconds,
    header: res.headers.get('retry-after'),
  }
}

describe(`send limits (${testDialect})`, () => {
  it('waits 30 s between two sends to one identifier, by resend or by a new challenge', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    ctx.clock.advance(29_999)
    expect(await refusal(await resend(ctx, id))).toEqual({
      status: 429,
      code: 'resend_too_soon',
      retryAfter: 1,
      header: '1',
    })
    expect(await errorCode(await askEmail(ctx, email))).toBe('resend_too_soon')
    // Another identifier is not held back.
    expect((await askEmail(ctx, 'bob@example.com')).status).toBe(202)
    ctx.clock.advance(1)
    expect((await resend(ctx, id)).status).toBe(202)
    expect(await errorCode(await resend(ctx, id))).toBe('resend_too_soon')
  })

  it('sends at most 5 codes per identifier in any 10 minutes', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    for (let i = 0; i < 4; i += 1) {
      ctx.clock.advance(30_000)
      expect((await resend(ctx, id)).status).toBe(202)
    }
    ctx.clock.advance(30_000)
    // Sends at 0, 30, 60, 90 and 120 s: the window frees at 600 s, i.e. 450 s from now.
    expect(await refusal(await resend(ctx, id))).toEqual({
      status: 429,
      code: 'rate_limited',
      retryAfter: 450,
      header: '450',
    })
    // A new challenge for the same identifier, from another address, counts the same sends.
    expect(await errorCode(await askEmail(ctx, email, { ip: '198.51.100.7' }))).toBe('rate_limited')
    ctx.clock.advance(450_000 - 1)
    expect(await errorCode(await resend(ctx, id))).toBe('rate_limited')
    ctx.clock.advance(1)
    expect((await resend(ctx, id)).status).toBe(202)
  })

  it('says when the identifier limit will let the next resend through', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    const delays = []
    for (let i = 0; i < 4; i += 1) {
      ctx.clock.advance(30_000)
      delays.push((await (await resend(ctx, id)).json()).resendAfterSeconds)
    }
    // The fifth send used the last slot: the next one waits for the first to leave the window.
    expect(delays).toEqual([30, 30, 30, 480])
  })

  it('sends at most 50 codes per client address per hour, whatever the identifiers', async () => {
    const ctx = await createTestApp()
    const ip = '203.0.113.5'
    for (let i = 0; i < 50; i += 1) {
      const res = await askEmail(ctx, `shopper${i}@example.com`, { ip })
      expect(res.status, `send ${i + 1}`).toBe(202)
      ctx.clock.advance(1000)
    }
    expect(await refusal(await askEmail(ctx, 'fresh@example.com', { ip }))).toEqual({
      status: 429,
      code: 'rate_limited',
      retryAfter: 3600 - 50,
      header: String(3600 - 50),
    })
    // Another address is not held back; the refused request took no slot of the identifier.
    expect((await askEmail(ctx, 'fresh@example.com', { ip: '203.0.113.6' })).status).toBe(202)
    ctx.clock.advance((3600 - 50) * 1000)
    expect((await askEmail(ctx, 'later@example.com', { ip })).status).toBe(202)
  })

  it('counts IPv6 clients by their /64', async () => {
    const ctx = await createTestApp()
    await updateStoreSettings(ctx.db, DEMO_STORE_ID, { auth: { ipSendLimit: 2 } })
    expect((await askEmail(ctx, 'a@example.com', { ip: '2001:db8:1:2::1' })).status).toBe(202)
    expect((await askEmail(ctx, 'b@example.com', { ip: '2001:db8:1:2::ffff' })).status).toBe(202)
    expect((await askEmail(ctx, 'c@example.com', { ip: '2001:db8:1:2:aaaa::9' })).status).toBe(429)
    expect((await askEmail(ctx, 'c@example.com', { ip: '2001:db8:1:3::1' })).status).toBe(202)
  })

  it('takes each store’s own limits from its settings', async () => {
    const ctx = await createTestApp()
    await updateStoreSettings(ctx.db, DEMO_STORE_ID, {
      auth: {
        resendCooldownSeconds: 60,
        identifierSendLimit: 2,
        identifierWindowSeconds: 3600,
        ipSendLimit: 3,
      },
    })
    const id = await startChallenge(ctx, email)
    ctx.clock.advance(59_000)
    expect(await errorCode(await resend(ctx, id))).toBe('resend_too_soon')
    ctx.clock.advance(1000)
    expect((await resend(ctx, id)).status).toBe(202)
    ctx.clock.advance(60_000)
    expect(await errorCode(await resend(ctx, id))).toBe('rate_limited')
    expect((await askEmail(ctx, 'bob@example.com')).status).toBe(202)
    expect(await errorCode(await askEmail(ctx, 'eve@example.com'))).toBe('rate_limited')
  })

  it('holds across processes: two app instances on one database share the counts', async () => {
    const ctx = await createTestApp()
    const second = createApp({ ...ctx.deps })
    const id = await startChallenge(ctx, email)
    ctx.clock.advance(10_000)
    const res = await second.request(`/v1/auth/challenges/${id}/resend`, {
      method: 'POST',
      headers: { 'x-porchlight-key': 'pk_demo_lumen', 'x-porchlight-test-client-ip': '192.0.2.1' },
    })
    expect(res.status).toBe(429)
    expect(await errorCode(res)).toBe('resend_too_soon')
  })

  it('lets one of 20 simultaneous requests for one identifier through', async () => {
    const ctx = await createTestApp()
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => askEmail(ctx, email, { ip: `192.0.2.${i + 10}` })),
    )
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 202)).toHaveLength(1)
    expect(statuses.filter((s) => s === 429)).toHaveLength(19)
    expect(await ctx.db.selectFrom('outbox_messages').selectAll().execute()).toHaveLength(1)
  })

  it('keeps the per-address cap under 30 simultaneous requests', async () => {
    const ctx = await createTestApp()
    await updateStoreSettings(ctx.db, DEMO_STORE_ID, { auth: { ipSendLimit: 7 } })
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        askEmail(ctx, `s${i}@example.com`, { ip: '192.0.2.99' }),
      ),
    )
    expect(responses.filter((r) => r.status === 202)).toHaveLength(7)
    expect(await ctx.db.selectFrom('auth_challenges').selectAll().execute()).toHaveLength(7)
  })

  it('does not resend for a challenge that is used or out of tries', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    await ctx.db.updateTable('auth_challenges').set({ attempts: 5 }).execute()
    ctx.clock.advance(30_000)
    const res = await resend(ctx, id)
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('code_expired')
    expect(await ctx.db.selectFrom('outbox_messages').selectAll().execute()).toHaveLength(1)
  })

  it('cancels the previous code’s message if it has not left yet', async () => {
    const ctx = await createTestApp()
    const id = await startChallenge(ctx, email)
    ctx.clock.advance(30_000)
    expect((await resend(ctx, id)).status).toBe(202)
    const rows = await ctx.db
      .selectFrom('outbox_messages')
      .select(['status'])
      .orderBy('created_at')
      .execute()
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'pending'])
    expect(await ctx.drainOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 })
  })

  it('counts name+tag@domain as name@domain, and signs in with the address as typed', async () => {
    const ctx = await createTestApp()
    const asked = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        askEmail(ctx, `zoe+${i}@example.com`, { ip: `192.0.2.${i + 10}` }),
      ),
    )
    expect(asked.filter((r) => r.status === 202)).toHaveLength(1)
    expect(await errorCode(await askEmail(ctx, 'zoe@example.com'))).toBe('resend_too_soon')
    ctx.clock.advance(30_000)
    const id = await startChallenge(ctx, 'zoe+shop@example.com')
    const res = await ctx.app.request(
      `/v1/auth/challenges/${id}/verify`,
      jsonRequest(
        'POST',
        { code: await deliveredCode(ctx, 'zoe+shop@example.com') },
        { 'x-porchlight-key': 'pk_demo_lumen' },
      ),
    )
    expect((await res.json()).identity).toEqual({ kind: 'email', value: 'zoe+shop@example.com' })
  })
})
