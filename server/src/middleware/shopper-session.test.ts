import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env.ts'
import { insertStore } from '../db/stores.repository.ts'
import { handleError } from '../http/error-handler.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../seed/demo-store.ts'
import { revokeShopperSession } from '../services/sessions/shopper-sessions.ts'
import { createTestApp, mintShopperSession, testDialect } from '../test/harness.ts'
import { requireShopper } from './shopper-session.ts'

async function setup() {
  const ctx = await createTestApp()
  const probe = new Hono<AppEnv>()
  probe.use('*', async (c, next) => {
    c.set('deps', ctx.deps)
    await next()
  })
  probe.onError(handleError)
  probe.get('/me', requireShopper, (c) =>
    c.json({ store: c.get('store').id, identity: c.get('shopper').identity }),
  )
  return { ...ctx, probe }
}

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

describe(`requireShopper (${testDialect})`, () => {
  it('lets a live session through with its store and identity', async () => {
    const ctx = await setup()
    const { headers } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'ada@example.com',
    })
    const res = await ctx.probe.request('/me', { headers })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      store: DEMO_STORE_ID,
      identity: { kind: 'email', value: 'ada@example.com' },
    })
  })

  it.each([
    [{}],
    [{ authorization: 'Bearer' }],
    [{ authorization: 'Basic abc' }],
    [{ authorization: 'Bearer pls_' + 'x'.repeat(43) }],
  ])('refuses a missing or made-up token %j with 401', async (headers) => {
    const ctx = await setup()
    const res = await ctx.probe.request('/me', { headers })
    expect(res.status).toBe(401)
    expect(await code(res)).toBe('session_missing')
  })

  it('refuses an expired session, one second past its end', async () => {
    const ctx = await setup()
    const { headers } = await mintShopperSession(
      ctx,
      DEMO_STORE_ID,
      { kind: 'email', value: 'ada@example.com' },
      24,
    )
    ctx.clock.advance(24 * 3600_000 - 1000)
    expect((await ctx.probe.request('/me', { headers })).status).toBe(200)
    ctx.clock.advance(1000)
    const res = await ctx.probe.request('/me', { headers })
    expect(res.status).toBe(401)
    expect(await code(res)).toBe('session_expired')
  })

  it('refuses a revoked session', async () => {
    const ctx = await setup()
    const { token, headers } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'phone',
      value: '+14155550100',
    })
    const row = await ctx.db.selectFrom('shopper_sessions').select('id').executeTakeFirstOrThrow()
    await revokeShopperSession(ctx.db, row.id, ctx.clock.now())
    const res = await ctx.probe.request('/me', { headers })
    expect(res.status).toBe(401)
    expect(await code(res)).toBe('session_revoked')
    expect(token).toMatch(/^pls_[A-Za-z0-9_-]{43}$/)
  })

  it('refuses a token presented with another store’s key', async () => {
    const ctx = await setup()
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
    const { headers } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'ada@example.com',
    })
    const same = await ctx.probe.request('/me', {
      headers: { ...headers, 'x-porchlight-key': DEMO_WIDGET_KEY },
    })
    expect(same.status).toBe(200)
    const other = await ctx.probe.request('/me', {
      headers: { ...headers, 'x-porchlight-key': 'pk_other_store' },
    })
    expect(other.status).toBe(401)
  })

  it('stores only a hash of the token', async () => {
    const ctx = await setup()
    const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'ada@example.com',
    })
    const rows = await ctx.db.selectFrom('shopper_sessions').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(token.slice(4))
  })
})
