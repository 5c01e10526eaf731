import {
  IDLE_AFTER_MS,
  PRESENCE_EXPIRY_MS,
  PRESENCE_HEARTBEAT_MS,
} from '@porchlight/shared/api/presence'
import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { HEARTBEAT_MS } from '../../services/chat/stream-limits.ts'
import { addStore, mintAgent, openStream } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>
type Agent = Awaited<ReturnType<typeof mintAgent>>

const beat = (ctx: Ctx, agent: Agent, tabId: string, idleMs = 0) =>
  ctx.app.request('/v1/agent/presence', jsonRequest('PUT', { tabId, idleMs }, agent.headers))

async function stateOf(ctx: Ctx, agent: Agent) {
  const res = await agent.get('/v1/agent/presence')
  expect(res.status).toBe(200)
  const { agents } = (await res.json()) as { agents: { agentId: string; state: string }[] }
  return agents.find((a) => a.agentId === agent.agentId)?.state
}

async function shopperSees(ctx: Ctx) {
  const res = await ctx.app.request('/v1/conversations/availability', {
    headers: { 'x-porchlight-key': DEMO_WIDGET_KEY },
  })
  return ((await res.json()) as { agentsOnline: boolean }).agentsOnline
}

describe(`agent presence (${testDialect})`, () => {
  it('is available while a tab beats, and offline 30 s after the last beat', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    expect(await stateOf(ctx, agent)).toBe('offline')
    const res = await beat(ctx, agent, 'tab-one-aaaa')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ state: 'available', away: false })
    expect(await shopperSees(ctx)).toBe(true)
    // Beats keep the tab alive for as long as they come.
    for (let i = 0; i < 5; i++) {
      ctx.clock.advance(PRESENCE_HEARTBEAT_MS)
      expect((await beat(ctx, agent, 'tab-one-aaaa')).status).toBe(200)
    }
    // The tab dies without a goodbye: gone once the expiry has passed, not before.
    ctx.clock.advance(PRESENCE_EXPIRY_MS - 1)
    expect(await stateOf(ctx, agent)).toBe('available')
    ctx.clock.advance(1)
    expect(await stateOf(ctx, agent)).toBe('offline')
    expect(await shopperSees(ctx)).toBe(false)
  })

  it('keeps a tab whose event stream is open, though its own timers stop beating', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    await beat(ctx, agent, 'tab-hidden-aa')
    await beat(ctx, agent, 'tab-plain-bbb')
    const stream = await openStream(ctx, agent, 'agent', undefined, '?tab=tab-hidden-aa')
    expect((await stream.next()).event).toBe('ready')
    // Two minutes without a beat from either tab; the hub refreshes the one with the stream.
    for (let i = 0; i < 6; i++) {
      ctx.clock.advance(HEARTBEAT_MS)
      await ctx.hub.beat()
    }
    const team = await agent.get('/v1/agent/presence')
    expect(await team.json()).toMatchObject({ agents: [{ state: 'available' }] })
    // Only the tab holding the stream was refreshed.
    const rows = await ctx.db
      .selectFrom('agent_presence')
      .select(['tab_id', 'seen_at'])
      .orderBy('tab_id')
      .execute()
    const now = ctx.clock.now().getTime()
    expect(rows.map((r) => [r.tab_id, Number(r.seen_at)])).toEqual([
      ['tab-hidden-aa', now],
      ['tab-plain-bbb', now - 6 * HEARTBEAT_MS],
    ])
    await stream.close()
    // With the stream gone, the tab expires like any other.
    ctx.clock.advance(PRESENCE_EXPIRY_MS)
    expect(await stateOf(ctx, agent)).toBe('offline')
    // A ticket for a malformed tab id is refused.
    const bad = await agent.post('/v1/agent/conversations/stream-tickets?tab=x')
    expect(bad.status).toBe(400)
  })

  it('goes offline at once when the last tab closes, not while another is open', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    await beat(ctx, agent, 'tab-one-aaaa')
    await beat(ctx, agent, 'tab-two-bbbb')
    const close = (tab: string) =>
      ctx.app.request(`/v1/agent/presence/tabs/${tab}`, {
        method: 'DELETE',
        headers: agent.headers,
      })
    expect((await close('tab-one-aaaa')).status).toBe(204)
    expect(await stateOf(ctx, agent)).toBe('available')
    expect((await close('tab-two-bbbb')).status).toBe(204)
    expect(await stateOf(ctx, agent)).toBe('offline')
    expect(await shopperSees(ctx)).toBe(false)
  })

  it('turns away after 10 minutes without input in any tab, and back on input', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    await beat(ctx, agent, 'tab-one-aaaa')
    await beat(ctx, agent, 'tab-two-bbbb')
    // Both tabs keep beating; neither sees input. The idle time comes from each tab.
    let idle = 0
    while (idle < IDLE_AFTER_MS - PRESENCE_HEARTBEAT_MS) {
      ctx.clock.advance(PRESENCE_HEARTBEAT_MS)
      idle += PRESENCE_HEARTBEAT_MS
      await beat(ctx, agent, 'tab-one-aaaa', idle)
      await beat(ctx, agent, 'tab-two-bbbb', idle)
    }
    expect(await stateOf(ctx, agent)).toBe('available')
    ctx.clock.advance(PRESENCE_HEARTBEAT_MS)
    idle += PRESENCE_HEARTBEAT_MS
    await beat(ctx, agent, 'tab-one-aaaa', idle)
    const res = await beat(ctx, agent, 'tab-two-bbbb', idle)
    expect(await res.json()).toEqual({ state: 'away', away: false })
    expect(await shopperSees(ctx)).toBe(false)
    // Input in one tab is enough.
    const back = await beat(ctx, agent, 'tab-two-bbbb', 0)
    expect(await back.json()).toEqual({ state: 'available', away: false })
    expect(await shopperSees(ctx)).toBe(true)
  })

  it('stays away when set so by hand, in every tab, until set back', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    await beat(ctx, agent, 'tab-one-aaaa')
    const away = await ctx.app.request(
      '/v1/agent/presence/away',
      jsonRequest('PUT', { away: true }, agent.headers),
    )
    expect(await away.json()).toEqual({ state: 'away', away: true })
    // A new tab with fresh input is away too: the switch is the agent's, not the tab's.
    expect(await (await beat(ctx, agent, 'tab-new-cccc')).json()).toEqual({
      state: 'away',
      away: true,
    })
    expect(await shopperSees(ctx)).toBe(false)
    const back = await ctx.app.request(
      '/v1/agent/presence/away',
      jsonRequest('PUT', { away: false }, agent.headers),
    )
    expect(await back.json()).toEqual({ state: 'available', away: false })
    expect(await shopperSees(ctx)).toBe(true)
  })

  it('counts one available agent as enough while a colleague is away', async () => {
    const ctx = await createTestApp()
    const dana = await mintAgent(ctx, DEMO_STORE_ID, 'Dana')
    const eli = await mintAgent(ctx, DEMO_STORE_ID, 'Eli')
    await beat(ctx, dana, 'tab-dana-aaaa', IDLE_AFTER_MS)
    expect(await shopperSees(ctx)).toBe(false)
    await beat(ctx, eli, 'tab-eli-bbbb', 0)
    expect(await shopperSees(ctx)).toBe(true)
    expect(await stateOf(ctx, dana)).toBe('away')
  })

  it('cannot close, or beat for, another agent’s tab, nor see another store’s agents', async () => {
    const ctx = await createTestApp()
    const dana = await mintAgent(ctx, DEMO_STORE_ID, 'Dana')
    const eli = await mintAgent(ctx, DEMO_STORE_ID, 'Eli')
    await beat(ctx, dana, 'tab-shared-id')
    // Eli uses Dana's tab id: his request touches his own row only.
    const closed = await ctx.app.request('/v1/agent/presence/tabs/tab-shared-id', {
      method: 'DELETE',
      headers: eli.headers,
    })
    expect(closed.status).toBe(204)
    expect(await stateOf(ctx, dana)).toBe('available')
    expect(await stateOf(ctx, eli)).toBe('offline')
    // Another store's agent sees only their own store's agents.
    await addStore(ctx, 'st_other', 'pk_other_store_key')
    const stranger = await mintAgent(ctx, 'st_other', 'Stranger')
    await beat(ctx, stranger, 'tab-stranger-1')
    const res = await stranger.get('/v1/agent/presence')
    expect(await res.json()).toEqual({
      agents: [{ agentId: stranger.agentId, state: 'available' }],
    })
    // Without a session: 401, nothing written.
    const anonymous = await ctx.app.request(
      '/v1/agent/presence',
      jsonRequest('PUT', { tabId: 'tab-anon-aaaa', idleMs: 0 }),
    )
    expect(anonymous.status).toBe(401)
  })

  it('refuses bad heartbeats with 400 and records nothing', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    for (const body of [
      {},
      { tabId: 'short', idleMs: 0 },
      { tabId: 'tab-one-aaaa', idleMs: -1 },
      { tabId: 'tab-one-aaaa', idleMs: 1.5 },
      { tabId: 'tab-one-aaaa', idleMs: '0' },
      { tabId: 'tab one with spaces', idleMs: 0 },
      { tabId: 'tab-one-aaaa', idleMs: 0, extra: true },
    ]) {
      const res = await ctx.app.request(
        '/v1/agent/presence',
        jsonRequest('PUT', body, agent.headers),
      )
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'validation_failed',
      )
    }
    const away = await ctx.app.request(
      '/v1/agent/presence/away',
      jsonRequest('PUT', { away: 'yes' }, agent.headers),
    )
    expect(away.status).toBe(400)
    const badTab = await ctx.app.request('/v1/agent/presence/tabs/x', {
      method: 'DELETE',
      headers: agent.headers,
    })
    expect(badTab.status).toBe(400)
    expect(await ctx.db.selectFrom('agent_presence').selectAll().execute()).toEqual([])
    expect(await stateOf(ctx, agent)).toBe('offline')
  })
})
