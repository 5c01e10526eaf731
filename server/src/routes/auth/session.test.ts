import { describe, expect, it } from 'vitest'
import { insertStore } from '../../db/stores.repository.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { deliveredCode, errorCode, startChallenge, verify } from './auth-test-kit.ts'

async function signIn(ctx: Awaited<ReturnType<typeof createTestApp>>, email = 'ada@example.com') {
  const id = await startChallenge(ctx, email)
  const res = await verify(ctx, id, await deliveredCode(ctx, email))
  const { token } = (await res.json()) as { token: string }
  return { authorization: `Bearer ${token}` }
}

describe(`GET and DELETE /v1/auth/session (${testDialect})`, () => {
  it('shows the session, revokes it with 204, then answers 401 session_revoked', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx)
    const info = await ctx.app.request('/v1/auth/session', { headers })
    expect(info.status).toBe(200)
    expect((await info.json()).identity).toEqual({ kind: 'email', value: 'ada@example.com' })

    const out = await ctx.app.request('/v1/auth/session', { method: 'DELETE', headers })
    expect(out.status).toBe(204)
    for (const method of ['GET', 'DELETE']) {
      const res = await ctx.app.request('/v1/auth/session', { method, headers })
      expect([method, res.status, await errorCode(res)]).toEqual([method, 401, 'session_revoked'])
    }
  })

  it('revokes only the session it is called with', async () => {
    const ctx = await createTestApp()
    const phone = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'phone',
      value: '+14155550100',
    })
    const email = await signIn(ctx)
    expect(
      (await ctx.app.request('/v1/auth/session', { method: 'DELETE', headers: email })).status,
    ).toBe(204)
    expect((await ctx.app.request('/v1/auth/session', { headers: phone.headers })).status).toBe(200)
  })

  it('answers 401 session_expired after SESSION_TTL_HOURS', async () => {
    const ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '1' } })
    const headers = await signIn(ctx)
    ctx.clock.advance(3600_000 - 1)
    expect((await ctx.app.request('/v1/auth/session', { headers })).status).toBe(200)
    ctx.clock.advance(1)
    const res = await ctx.app.request('/v1/auth/session', { headers })
    expect(res.status).toBe(401)
    expect(await errorCode(res)).toBe('session_expired')
  })

  it.each([
    [{}],
    [{ authorization: 'Bearer pls_' + 'A'.repeat(43) }],
    [{ authorization: 'Basic YWRhOmFkYQ==' }],
  ])('answers 401 session_missing without a live token: %j', async (headers) => {
    const ctx = await createTestApp()
    const res = await ctx.app.request('/v1/auth/session', { headers })
    expect(res.status).toBe(401)
    expect(await errorCode(res)).toBe('session_missing')
  })

  it('does not let a session be used under another store’s key', async () => {
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
    const headers = await signIn(ctx)
    const res = await ctx.app.request('/v1/auth/session', {
      method: 'DELETE',
      headers: { ...headers, 'x-porchlight-key': 'pk_other_store' },
    })
    expect(res.status).toBe(401)
    expect((await ctx.app.request('/v1/auth/session', { headers })).status).toBe(200)
  })

  it('is scoped to the store the code was asked for', async () => {
    const ctx = await createTestApp()
    await signIn(ctx)
    const row = await ctx.db.selectFrom('shopper_sessions').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      store_id: DEMO_STORE_ID,
      identity_kind: 'email',
      identity_value: 'ada@example.com',
    })
  })
})
