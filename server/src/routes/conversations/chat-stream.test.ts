import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { revokeShopperSession } from '../../services/sessions/shopper-sessions.ts'
import { sweepChat } from '../../services/chat/sweeper.ts'
import { REPLAY_MAX } from '../../services/chat/stream-limits.ts'
import { mintAgent, openStream, shopperClient, startVisitor } from '../../test/chat-support.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import { readSse } from '../../test/sse-client.ts'

type MessageData = { conversationId: string; message: { id: string; text: string; seq: number } }
const text = (e: { data: unknown }) => (e.data as MessageData).message.text

afterEach(() => {
  vi.useRealTimers()
})

async function setup() {
  const ctx = await createTestApp()
  const ada = await startVisitor(ctx)
  const agent = await mintAgent(ctx)
  const { conversation } = await ada.say('first')
  return { ctx, ada, agent, id: conversation.id }
}

describe(`chat event streams (${testDialect})`, () => {
  it('delivers the agent’s answer to the shopper live, and the shopper’s to the console', async () => {
    const { ctx, ada, agent, id } = await setup()
    const shopperStream = await openStream(ctx, ada, 'shopper')
    const consoleStream = await openStream(ctx, agent, 'agent')
    const ready = await shopperStream.next()
    expect(ready.event).toBe('ready')
    expect((await consoleStream.next()).event).toBe('ready')

    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'Hello Ada' })
    const got = await shopperStream.nextOf('message')
    expect(text(got)).toBe('Hello Ada')
    expect(Number(got.id)).toBe((got.data as MessageData).message.seq)
    expect(Number(got.id)).toBeGreaterThan(Number(ready.id))
    expect(text(await consoleStream.nextOf('message'))).toBe('Hello Ada')

    await ada.say('Thanks')
    expect(text(await consoleStream.nextOf('message'))).toBe('Thanks')
    expect(text(await shopperStream.nextOf('message'))).toBe('Thanks')
    expect(ctx.hub.size()).toBe(2)
    await shopperStream.close()
    await consoleStream.close()
    expect(ctx.hub.size()).toBe(0)
  })

  it('shows the agent typing to the shopper, without an id (never replayed)', async () => {
    const { ctx, ada, agent, id } = await setup()
    const stream = await openStream(ctx, ada, 'shopper')
    await stream.next()
    expect((await agent.post(`/v1/agent/conversations/${id}/typing`)).status).toBe(204)
    const typing = await stream.next()
    expect(typing).toEqual({
      id: undefined,
      event: 'typing',
      data: { conversationId: id, agentName: 'Dana', expiresInMs: 6000 },
    })
    await stream.close()
  })

  it('sends a shopper only their own conversations’ events', async () => {
    const { ctx, ada, agent, id } = await setup()
    const eve = await startVisitor(ctx, undefined, { name: 'Eve', email: 'eve@example.com' })
    const eveConversation = (await eve.say('eve here')).conversation.id
    const eveStream = await openStream(ctx, eve, 'shopper')
    await eveStream.next()
    await agent.post(`/v1/agent/conversations/${id}/typing`)
    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'for Ada only' })
    await agent.post(`/v1/agent/conversations/${eveConversation}/messages`, { text: 'for Eve' })
    const first = await eveStream.next()
    expect(first.event).toBe('message')
    expect(text(first)).toBe('for Eve')
    await eveStream.close()
    void ada
  })

  it('replays what was sent while the stream was down after Last-Event-ID: once, in order', async () => {
    const { ctx, ada, agent, id } = await setup()
    const stream = await openStream(ctx, ada, 'shopper')
    await stream.next()
    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'one' })
    const seen = await stream.nextOf('message')
    await stream.close()

    for (const t of ['two', 'three', 'four']) {
      await agent.post(`/v1/agent/conversations/${id}/messages`, { text: t })
    }
    const resumed = await openStream(ctx, ada, 'shopper', Number(seen.id))
    const ready = await resumed.next()
    expect(ready.event).toBe('ready')
    const replayed = [await resumed.next(), await resumed.next(), await resumed.next()]
    expect(replayed.map(text)).toEqual(['two', 'three', 'four'])
    const ids = replayed.map((e) => Number(e.id))
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
    // Live again, and nothing replayed a second time.
    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'five' })
    expect(text(await resumed.next())).toBe('five')
    await resumed.close()
  })

  it('sends an event once when the replay and the live feed both carry it', async () => {
    const { ctx, ada, agent, id } = await setup()
    const watcher = await openStream(ctx, agent, 'agent')
    await watcher.next()
    const { cursor } = await (await ada.get('/v1/conversations/current')).json()
    // Events in the log that this process has not been told about yet (a notice in flight).
    const rows = [1, 2, 3].map((n) => ({
      store_id: DEMO_STORE_ID,
      seq: cursor + n,
      kind: 'read',
      conversation_id: id,
      audience: 'all' as const,
      visitor_id: null,
      identity_kind: null,
      identity_value: null,
      data: JSON.stringify({ conversationId: id, side: 'agent', readSeq: n }),
      created_at: ctx.clock.now().getTime(),
    }))
    await ctx.db.insertInto('chat_events').values(rows).execute()
    await ctx.db
      .updateTable('chat_event_counters')
      .set({ last_seq: cursor + 3 })
      .execute()
    const { url } = await (await agent.post('/v1/agent/conversations/stream-tickets')).json()
    const res = await ctx.app.request(`${url}&lastEventId=${cursor}`)
    // The notice lands while the new stream is replaying the same events from the log.
    await ctx.deps.bus.publish({ type: 'appended', storeId: DEMO_STORE_ID, seq: cursor + 3 })
    const stream = readSse(res)
    expect((await stream.next()).event).toBe('ready')
    const got = [await stream.next(), await stream.next(), await stream.next()]
    expect(got.map((e) => Number(e.id))).toEqual([cursor + 1, cursor + 2, cursor + 3])
    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'after' })
    const next = await stream.next()
    expect(next.event).toBe('message')
    expect(Number(next.id)).toBeGreaterThan(cursor + 3)
    // The older stream saw them once too, from the live feed alone.
    const old = [await watcher.next(), await watcher.next(), await watcher.next()]
    expect(old.map((e) => Number(e.id))).toEqual([cursor + 1, cursor + 2, cursor + 3])
    await stream.close()
    await watcher.close()
  })

  it('resumes from ?lastEventId= too, for clients that reopen the stream themselves', async () => {
    const { ctx, ada, agent, id } = await setup()
    const { cursor } = await (await ada.get('/v1/conversations/current')).json()
    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'while away' })
    const ticket = await (await ada.post('/v1/conversations/stream-tickets')).json()
    const res = await ctx.app.request(`${ticket.url}&lastEventId=${cursor}`)
    const stream = readSse(res)
    expect((await stream.next()).event).toBe('ready')
    expect(text(await stream.next())).toBe('while away')
    await stream.close()
  })

  it('sends one resync when the client was away longer than the replay window', async () => {
    const { ctx, ada, agent, id } = await setup()
    const { cursor } = await (await ada.get('/v1/conversations/current')).json()
    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'old news' })
    ctx.clock.advance(2 * 3600_000)
    await sweepChat(ctx.deps)
    const stream = await openStream(ctx, ada, 'shopper', cursor)
    const first = await stream.next()
    expect(first.event).toBe('resync')
    expect(first.data).toEqual({ reason: 'too_far_behind' })
    await ada.say('fresh')
    const next = await stream.next()
    expect(next.event).toBe('message')
    expect(text(next)).toBe('fresh')
    await stream.close()
  })

  it('sends resync for a cursor it never issued, and when too much was missed', async () => {
    const { ctx, ada, agent, id } = await setup()
    const future = await openStream(ctx, ada, 'shopper', 999_999)
    expect((await future.next()).data).toEqual({ reason: 'unknown_cursor' })
    await future.close()
    const junk = await ctx.app.request(
      (await (await ada.post('/v1/conversations/stream-tickets')).json()).url,
      { headers: { 'last-event-id': 'garbage' } },
    )
    expect((await readSse(junk).next()).event).toBe('resync')

    const consoleCursor = (await (await ada.get('/v1/conversations/current')).json()).cursor
    // More events than a replay carries, written straight into the log for speed.
    const rows = Array.from({ length: REPLAY_MAX + 1 }, (_, i) => ({
      store_id: DEMO_STORE_ID,
      seq: consoleCursor + 1 + i,
      kind: 'read',
      conversation_id: id,
      audience: 'all' as const,
      visitor_id: null,
      identity_kind: null,
      identity_value: null,
      data: JSON.stringify({ conversationId: id, side: 'agent', readSeq: 1 }),
      created_at: ctx.clock.now().getTime(),
    }))
    await ctx.db.insertInto('chat_events').values(rows).execute()
    await ctx.db
      .updateTable('chat_event_counters')
      .set({ last_seq: consoleCursor + REPLAY_MAX + 1 })
      .execute()
    const behind = await openStream(ctx, agent, 'agent', consoleCursor)
    const first = await behind.next()
    expect(first.event).toBe('resync')
    expect(first.data).toEqual({ reason: 'too_far_behind' })
    await behind.close()
  })

  it('opens a stream only with a fresh, unused ticket of the right side', async () => {
    const { ctx, ada, agent } = await setup()
    const { url } = await (await ada.post('/v1/conversations/stream-tickets')).json()
    expect(url).toMatch(/^\/v1\/conversations\/stream\?ticket=plt_/)
    const first = await ctx.app.request(url)
    expect(first.status).toBe(200)
    await first.body?.cancel()
    const again = await ctx.app.request(url)
    expect(again.status).toBe(401)
    expect((await again.json()).error.code).toBe('stream_ticket_invalid')

    const late = await (await ada.post('/v1/conversations/stream-tickets')).json()
    ctx.clock.advance(60_000)
    expect((await ctx.app.request(late.url)).status).toBe(401)

    const shopperTicket = (await (await ada.post('/v1/conversations/stream-tickets')).json()).ticket
    const wrongSide = await ctx.app.request(
      `/v1/agent/conversations/stream?ticket=${shopperTicket}`,
    )
    expect(wrongSide.status).toBe(401)
    const agentTicket = (await (await agent.post('/v1/agent/conversations/stream-tickets')).json())
      .ticket
    expect((await ctx.app.request(`/v1/conversations/stream?ticket=${agentTicket}`)).status).toBe(
      401,
    )
    expect((await ctx.app.request('/v1/conversations/stream')).status).toBe(401)
    expect((await ctx.app.request('/v1/conversations/stream?ticket=plt_guess')).status).toBe(401)
  })

  it('stores only the hash of a stream ticket', async () => {
    const { ctx, ada } = await setup()
    const { ticket } = await (await ada.post('/v1/conversations/stream-tickets')).json()
    const rows = await ctx.db.selectFrom('chat_stream_tickets').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(ticket.slice(4))
  })

  it('sends a heartbeat comment every 25 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { ctx, ada } = await setup()
    const stream = await openStream(ctx, ada, 'shopper')
    await stream.next()
    vi.advanceTimersByTime(24_999)
    expect(stream.comments).toEqual([])
    vi.advanceTimersByTime(1)
    expect(await stream.nextComment()).toBe('heartbeat')
    await stream.close()
  })

  it('closes the stream at the heartbeat after the session ends', async () => {
    const ctx = await createTestApp()
    const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'grace@example.com',
    })
    const grace = shopperClient(ctx, token)
    const stream = await openStream(ctx, grace, 'shopper')
    await stream.next()
    await ctx.hub.beat()
    expect(ctx.hub.size()).toBe(1)
    const row = await ctx.db.selectFrom('shopper_sessions').select('id').executeTakeFirstOrThrow()
    await revokeShopperSession(ctx.db, row.id, ctx.clock.now())
    await ctx.hub.beat()
    await stream.untilEnd()
    expect(ctx.hub.size()).toBe(0)
  })

  it('closes every stream when shutdown begins, and refuses new ones', async () => {
    const { ctx, ada, agent } = await setup()
    const a = await openStream(ctx, ada, 'shopper')
    const b = await openStream(ctx, agent, 'agent')
    const ticket = (await (await ada.post('/v1/conversations/stream-tickets')).json()).url
    ctx.shutdown.abort()
    await a.untilEnd()
    await b.untilEnd()
    expect(ctx.hub.size()).toBe(0)
    const refused = await ctx.app.request(ticket)
    expect(refused.status).toBe(503)
  })
})
