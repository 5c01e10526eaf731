import { describe, expect, it } from 'vitest'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { issueApiToken, revokeApiToken } from './api-tokens.ts'

describe(`agent API tokens (${testDialect})`, () => {
  it('authenticates API calls without cookie or CSRF, scoped to the token’s store', async () => {
    const ctx = await createTestApp()
    await insertOtherStore(ctx)
    const agent = await signInAgent(ctx)
    const { id, token } = await issueApiToken(ctx.db, {
      agentId: agent.agentId,
      storeId: 'st_demo',
      name: 'helpdesk',
      now: ctx.clock.now(),
    })
    const auth = { authorization: `Bearer ${token}` }
    const session = await ctx.app.request('/v1/agent/session', { headers: auth })
    expect(session.status).toBe(200)
    expect((await session.json()).store.id).toBe('st_demo')
    const list = await ctx.app.request('/v1/agent/tickets', { headers: auth })
    expect(list.status).toBe(200)

    expect(await revokeApiToken(ctx.db, 'st_other', id, ctx.clock.now())).toBe(false)
    expect(await revokeApiToken(ctx.db, 'st_demo', id, ctx.clock.now())).toBe(true)
    const after = await ctx.app.request('/v1/agent/tickets', { headers: auth })
    expect(after.status).toBe(401)
  })

  it('refuses made-up tokens and stores only hashes', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    const { token } = await issueApiToken(ctx.db, {
      agentId: agent.agentId,
      storeId: 'st_demo',
      name: 'x',
      now: ctx.clock.now(),
    })
    const fake = await ctx.app.request('/v1/agent/tickets', {
      headers: { authorization: `Bearer plat_${'A'.repeat(43)}` },
    })
    expect(fake.status).toBe(401)
    const rows = await ctx.db.selectFrom('agent_api_tokens').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(token.slice(5))
  })
})
