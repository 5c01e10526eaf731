import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { TEST_CLIENT_IP_HEADER } from '../../http/client-ip.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { IDENTITY_SECRET_GRACE_MS } from '../../services/auth/identity-secrets.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>
const SECRETS = '/v1/agent/settings/identity-secrets'

async function ownerOf(ctx: Ctx, storeId = DEMO_STORE_ID) {
  const agent = await signInAgent(ctx, storeId, `owner@${storeId}.example`)
  await ctx.db
    .updateTable('agents')
    .set({ role: 'owner' })
    .where('id', '=', agent.agentId)
    .execute()
  return agent
}

async function newSecret(ctx: Ctx, owner: { write: Record<string, string> }) {
  const res = await ctx.app.request(SECRETS, { method: 'POST', headers: owner.write })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; secret: string; expiresAt: string | null }
}

function sign(
  ctx: Ctx,
  secret: string,
  claims: Record<string, unknown> = {},
  aud = DEMO_WIDGET_KEY,
) {
  const now = Math.floor(ctx.clock.now().getTime() / 1000)
  return new SignJWT({ email: 'ada@example.com', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(aud)
    .setExpirationTime(now + 300)
    .sign(new TextEncoder().encode(secret))
}

function identify(ctx: Ctx, token: string, key = DEMO_WIDGET_KEY) {
  return ctx.app.request(
    '/v1/auth/identify',
    jsonRequest(
      'POST',
      { token },
      { 'x-porchlight-key': key, [TEST_CLIENT_IP_HEADER]: '192.0.2.1' },
    ),
  )
}

const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code

describe(`signed identity, POST /v1/auth/identify (${testDialect})`, () => {
  it('trades a merchant-signed token for a shopper session that sees the shopper’s orders', async () => {
    const ctx = await createTestApp()
    const { secret } = await newSecret(ctx, await ownerOf(ctx))
    const res = await identify(ctx, await sign(ctx, secret))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const session = (await res.json()) as { token: string; identity: unknown }
    expect(session.identity).toEqual({ kind: 'email', value: 'ada@example.com' })
    const me = await ctx.app.request('/v1/auth/session', {
      headers: { authorization: `Bearer ${session.token}` },
    })
    expect(me.status).toBe(200)
  })

  it('lets a token work once, also when it is traded twice at the same moment', async () => {
    const ctx = await createTestApp()
    const { secret } = await newSecret(ctx, await ownerOf(ctx))
    const token = await sign(ctx, secret)
    const answers = await Promise.all(Array.from({ length: 6 }, () => identify(ctx, token)))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401, 401])
    const sessions = await ctx.db.selectFrom('shopper_sessions').select('id').execute()
    expect(sessions).toHaveLength(1)
    expect(await codeOf(await identify(ctx, token))).toBe('identity_invalid')
    expect(
      ctx.logger.lines.some(
        (l) => l['msg'] === 'identity token refused' && l['why'] === 'replayed',
      ),
    ).toBe(true)
  })

  it('refuses a token for another store, signed by another store, or before any secret exists', async () => {
    const ctx = await createTestApp()
    await insertOtherStore(ctx)
    const before = await identify(ctx, await sign(ctx, 'plid_made-up-secret-0123456789abcdef'))
    expect([before.status, await codeOf(before)]).toEqual([401, 'identity_invalid'])
    const demo = await newSecret(ctx, await ownerOf(ctx))
    const other = await newSecret(ctx, await ownerOf(ctx, 'st_other'))
    // Signed with the demo store's secret but naming the other store: refused by both.
    const forOther = await sign(ctx, demo.secret, {}, 'pk_other_store')
    expect((await identify(ctx, forOther)).status).toBe(401)
    expect((await identify(ctx, forOther, 'pk_other_store')).status).toBe(401)
    // The other store's own token does not open a session at the demo store.
    const otherToken = await sign(ctx, other.secret, {}, 'pk_other_store')
    expect((await identify(ctx, otherToken)).status).toBe(401)
    expect((await identify(ctx, otherToken, 'pk_other_store')).status).toBe(200)
  })

  it('keeps the secret before a rotation working for its grace period', async () => {
    const ctx = await createTestApp()
    const owner = await ownerOf(ctx)
    const first = await newSecret(ctx, owner)
    const second = await newSecret(ctx, owner)
    const listed = (await (await ctx.app.request(SECRETS, { headers: owner.read })).json()) as {
      secrets: Array<{ id: string; expiresAt: string | null }>
    }
    expect(listed.secrets.map((s) => [s.id, s.expiresAt === null])).toEqual([
      [second.id, true],
      [first.id, false],
    ])
    // Never the value, nor its sealed form, in a listing.
    expect(JSON.stringify(listed)).not.toContain(first.secret)
    expect(JSON.stringify(listed)).not.toContain('pl1.')
    expect(
      (await identify(ctx, await sign(ctx, first.secret, { email: 'a@example.com' }))).status,
    ).toBe(200)
    ctx.clock.advance(IDENTITY_SECRET_GRACE_MS)
    expect(
      (await identify(ctx, await sign(ctx, first.secret, { email: 'b@example.com' }))).status,
    ).toBe(401)
    expect(
      (await identify(ctx, await sign(ctx, second.secret, { email: 'c@example.com' }))).status,
    ).toBe(200)
  })

  it('ends a revoked secret at once', async () => {
    const ctx = await createTestApp()
    const owner = await ownerOf(ctx)
    const { id, secret } = await newSecret(ctx, owner)
    const del = await ctx.app.request(`${SECRETS}/${id}`, {
      method: 'DELETE',
      headers: owner.write,
    })
    expect(del.status).toBe(204)
    expect((await identify(ctx, await sign(ctx, secret))).status).toBe(401)
    const again = await ctx.app.request(`${SECRETS}/${id}`, {
      method: 'DELETE',
      headers: owner.write,
    })
    expect([again.status, await codeOf(again)]).toEqual([404, 'identity_secret_not_found'])
  })

  it('stores the secret sealed, not as given', async () => {
    const ctx = await createTestApp()
    const { secret } = await newSecret(ctx, await ownerOf(ctx))
    const rows = await ctx.db.selectFrom('store_identity_secrets').select('secret').execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.secret.startsWith('pl1.')).toBe(true)
    expect(rows[0]?.secret).not.toContain(secret)
  })

  it('answers 400 for a body that is not one token, never a 500', async () => {
    const ctx = await createTestApp()
    for (const body of [
      {},
      { token: 1 },
      { token: '' },
      { token: 'x'.repeat(5000) },
      { token: 'a', more: 1 },
    ]) {
      const res = await identify(ctx, body as unknown as string)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })
})

describe(`identity secrets are the owners’ (${testDialect})`, () => {
  it('refuses agents who are not owners, and owners of another store cannot touch this one’s', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    for (const [method, path] of [
      ['GET', SECRETS],
      ['POST', SECRETS],
      ['DELETE', `${SECRETS}/idk_x`],
    ] as const) {
      const res = await ctx.app.request(path, { method, headers: agent.write })
      expect([method, res.status, await codeOf(res)]).toEqual([method, 403, 'owner_required'])
    }
    expect((await ctx.app.request(SECRETS, { method: 'POST' })).status).toBe(401)
    const demo = await newSecret(ctx, await ownerOf(ctx))
    await insertOtherStore(ctx)
    const otherOwner = await ownerOf(ctx, 'st_other')
    const listed = await (await ctx.app.request(SECRETS, { headers: otherOwner.read })).json()
    expect(listed).toEqual({ secrets: [] })
    const del = await ctx.app.request(`${SECRETS}/${demo.id}`, {
      method: 'DELETE',
      headers: otherOwner.write,
    })
    expect(del.status).toBe(404)
    expect((await identify(ctx, await sign(ctx, demo.secret))).status).toBe(200)
  })
})
