import { describe, expect, it } from 'vitest'
import { issueApiToken } from '../../services/agents/api-tokens.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { openStream } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>
const DAY = 24 * 3600_000

async function owner(ctx: Ctx) {
  const agent = await signInAgent(ctx, 'st_demo', 'owner@lumen-loom.example')
  await ctx.db
    .updateTable('agents')
    .set({ role: 'owner' })
    .where('id', '=', agent.agentId)
    .execute()
  return agent
}

async function token(ctx: Ctx, agentId: string, options: { days?: number; read?: boolean } = {}) {
  return issueApiToken(ctx.db, {
    agentId,
    storeId: 'st_demo',
    name: 'helpdesk',
    now: ctx.clock.now(),
    ...(options.days !== undefined ? { days: options.days } : {}),
    ...(options.read === true ? { scope: 'read' as const } : {}),
  })
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` })

function tokenClient(ctx: Ctx, t: string) {
  return {
    post: (path: string, body?: unknown) =>
      ctx.app.request(path, {
        method: 'POST',
        headers: { ...bearer(t), 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      }),
  }
}

describe(`agent API token life cycle (${testDialect})`, () => {
  it('expires after 90 days by default, or the days chosen at creation', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    const standard = await token(ctx, agent.agentId)
    const short = await token(ctx, agent.agentId, { days: 1 })
    expect(standard.expiresAt.getTime() - ctx.clock.now().getTime()).toBe(90 * DAY)
    const get = (t: string) => ctx.app.request('/v1/agent/tickets', { headers: bearer(t) })
    expect((await get(short.token)).status).toBe(200)
    ctx.clock.advance(DAY)
    expect((await get(short.token)).status).toBe(401)
    expect((await get(standard.token)).status).toBe(200)
    ctx.clock.advance(89 * DAY)
    // Before: tokens never expired.
    expect((await get(standard.token)).status).toBe(401)
  })

  it('records when a token was last used', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    const { token: t } = await token(ctx, agent.agentId)
    ctx.clock.advance(5000)
    await ctx.app.request('/v1/agent/tickets', { headers: bearer(t) })
    const list = await ctx.app.request('/v1/agent/tokens', { headers: agent.read })
    const [summary] = (await list.json()).tokens
    expect(summary).toMatchObject({
      name: 'helpdesk',
      scope: 'read_write',
      state: 'live',
      lastUsedAt: ctx.clock.now().toISOString(),
    })
    expect(JSON.stringify(summary)).not.toContain(t.slice(5))
  })

  it('lets a read-only token read, and nothing else', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    const { token: t } = await token(ctx, agent.agentId, { read: true })
    expect((await ctx.app.request('/v1/agent/tickets', { headers: bearer(t) })).status).toBe(200)
    const write = await tokenClient(ctx, t).post('/v1/agent/conversations/stream-tickets')
    expect(write.status).toBe(403)
    expect((await write.json()).error.code).toBe('token_read_only')
  })

  it('issues tokens from the console (shown once) but not from another token', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    const res = await ctx.app.request(
      '/v1/agent/tokens',
      jsonRequest('POST', { name: 'zapier', scope: 'read', days: 30 }, agent.write),
    )
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const issued = await res.json()
    expect(issued).toMatchObject({ scope: 'read', token: expect.stringMatching(/^plat_/) })
    expect(Date.parse(issued.expiresAt) - ctx.clock.now().getTime()).toBe(30 * DAY)
    const { token: rw } = await token(ctx, agent.agentId)
    const minted = await tokenClient(ctx, rw).post('/v1/agent/tokens', { name: 'more' })
    expect(minted.status).toBe(403)
    expect((await minted.json()).error.code).toBe('session_required')
    const tooLong = await ctx.app.request(
      '/v1/agent/tokens',
      jsonRequest('POST', { name: 'x', days: 400 }, agent.write),
    )
    expect(tooLong.status).toBe(400)
  })

  it('revokes from the API: an agent their own tokens, an owner any of the store', async () => {
    const ctx = await createTestApp()
    await insertOtherStore(ctx)
    const agent = await signInAgent(ctx)
    const boss = await owner(ctx)
    const mine = await token(ctx, agent.agentId)
    const theirs = await token(ctx, boss.agentId)
    const del = (id: string, headers: Record<string, string>) =>
      ctx.app.request(`/v1/agent/tokens/${id}`, { method: 'DELETE', headers })
    expect((await del(theirs.id, agent.write)).status).toBe(404)
    expect((await del(mine.id, agent.write)).status).toBe(204)
    expect((await del(mine.id, agent.write)).status).toBe(404)
    const other = await signInAgent(ctx, 'st_other')
    expect((await del(theirs.id, other.write)).status).toBe(404)
    expect((await del(theirs.id, boss.write)).status).toBe(204)
    for (const t of [mine.token, theirs.token]) {
      expect((await ctx.app.request('/v1/agent/tickets', { headers: bearer(t) })).status).toBe(401)
    }
    const listed = await (await ctx.app.request('/v1/agent/tokens', { headers: boss.read })).json()
    expect(listed.tokens.map((x: { state: string }) => x.state)).toEqual(['revoked', 'revoked'])
  })

  it('revokes the token that logs out (before: 204 and the token kept working)', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    for (const read of [false, true]) {
      const { token: t } = await token(ctx, agent.agentId, { read })
      const out = await tokenClient(ctx, t).post('/v1/agent/logout')
      expect(out.status).toBe(204)
      expect((await ctx.app.request('/v1/agent/tickets', { headers: bearer(t) })).status).toBe(401)
    }
    // The console session of the same agent is not touched.
    expect((await ctx.app.request('/v1/agent/session', { headers: agent.read })).status).toBe(200)
  })

  it('keeps an event stream opened with a token open past heartbeats, until revoked', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    const { id, token: t } = await token(ctx, agent.agentId)
    const stream = await openStream(ctx, tokenClient(ctx, t), 'agent')
    expect((await stream.next()).event).toBe('ready')
    await ctx.hub.beat()
    await ctx.hub.beat()
    // Before: the first heartbeat looked the token up among console sessions and closed it.
    expect(ctx.hub.size()).toBe(1)
    const del = await ctx.app.request(`/v1/agent/tokens/${id}`, {
      method: 'DELETE',
      headers: agent.write,
    })
    expect(del.status).toBe(204)
    await ctx.hub.beat()
    await stream.untilEnd()
    expect(ctx.hub.size()).toBe(0)
  })
})
