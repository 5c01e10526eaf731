import { describe, expect, it } from 'vitest'
import { updateStoreSettings } from '../../db/stores.repository.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { PRESENCE_EXPIRY_MS } from '@porchlight/shared/api/presence'
import { mintAgent, openStream, startVisitor } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, mintShopperSession, testDialect } from '../../test/harness.ts'

const key = { 'x-porchlight-key': DEMO_WIDGET_KEY }

/** A console tab's heartbeat, with fresh input. */
async function consoleTab(
  ctx: Awaited<ReturnType<typeof createTestApp>>,
  agent: Awaited<ReturnType<typeof mintAgent>>,
) {
  const res = await ctx.app.request(
    '/v1/agent/presence',
    jsonRequest('PUT', { tabId: 'tab-console-1', idleMs: 0 }, agent.headers),
  )
  expect(res.status).toBe(200)
}

async function availability(ctx: Awaited<ReturnType<typeof createTestApp>>) {
  const res = await ctx.app.request('/v1/conversations/availability', { headers: key })
  expect(res.status).toBe(200)
  return res.json()
}

describe(`chat availability (${testDialect})`, () => {
  it('is open while an agent has a console tab open, even on the inbox with no chat', async () => {
    const ctx = await createTestApp()
    expect(await availability(ctx)).toEqual({
      open: false,
      withinBusinessHours: true,
      agentsOnline: false,
      expectedReply: null,
      nextOpenAt: null,
    })
    const agent = await mintAgent(ctx)
    await consoleTab(ctx, agent)
    expect(await availability(ctx)).toMatchObject({ open: true, agentsOnline: true })
    // An event stream alone (an API client, say) is not an agent at the console.
    const other = await mintAgent(ctx, DEMO_STORE_ID, 'Eli')
    const stream = await openStream(ctx, other, 'agent')
    await stream.next()
    ctx.clock.advance(PRESENCE_EXPIRY_MS)
    await ctx.hub.beat()
    expect((await availability(ctx)).agentsOnline).toBe(false)
    await stream.close()
  })

  it('is closed outside business hours even with agents online', async () => {
    const ctx = await createTestApp()
    // The harness clock starts on Thursday 2026-01-15 at 12:00 UTC, 13:00 in Paris.
    await updateStoreSettings(ctx.db, DEMO_STORE_ID, {
      chat: { businessHours: { timezone: 'Europe/Paris', weekly: { thu: [['09:00', '14:00']] } } },
    })
    const agent = await mintAgent(ctx)
    await consoleTab(ctx, agent)
    expect(await availability(ctx)).toMatchObject({ open: true, withinBusinessHours: true })
    ctx.clock.advance(3600_000)
    await consoleTab(ctx, agent)
    expect(await availability(ctx)).toMatchObject({
      open: false,
      withinBusinessHours: false,
      agentsOnline: true,
      // Thursday's hours are over and no other day has any: back next Thursday at 9:00 in Paris.
      nextOpenAt: '2026-01-22T08:00:00.000Z',
    })
  })

  it('ignores malformed business hours instead of closing the chat, and logs them', async () => {
    const ctx = await createTestApp()
    await updateStoreSettings(ctx.db, DEMO_STORE_ID, {
      chat: { businessHours: { timezone: 'Nowhere/Land', weekly: {} } },
    })
    expect((await availability(ctx)).withinBusinessHours).toBe(true)
    expect(ctx.logger.lines.some((l) => l['msg'] === 'ignoring malformed business hours')).toBe(
      true,
    )
  })

  it('gives the expected reply time from the median of recent first responses', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    for (const [i, waitMs] of [10_000, 20_000, 30 * 60_000].entries()) {
      const shopper = await startVisitor(ctx, DEMO_WIDGET_KEY, {
        name: `S${i}`,
        email: `s${i}@x.io`,
      })
      const { conversation } = await shopper.say('hi')
      ctx.clock.advance(waitMs)
      await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: 'hello' })
      // A second answer does not change the first response time.
      ctx.clock.advance(3600_000)
      await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: 'more' })
    }
    expect((await availability(ctx)).expectedReply).toBe('under_a_minute')
    const slow = await startVisitor(ctx, DEMO_WIDGET_KEY, { name: 'T', email: 't@x.io' })
    const slower = await startVisitor(ctx, DEMO_WIDGET_KEY, { name: 'U', email: 'u@x.io' })
    for (const s of [slow, slower]) {
      const { conversation } = await s.say('hi')
      ctx.clock.advance(2 * 3600_000)
      await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: 'sorry' })
    }
    expect((await availability(ctx)).expectedReply).toBe('a_few_minutes')
  })
})

describe(`offline capture (${testDialect})`, () => {
  const offline = (ctx: Awaited<ReturnType<typeof createTestApp>>, body: unknown, headers = {}) =>
    ctx.app.request('/v1/conversations/offline', jsonRequest('POST', body, { ...key, ...headers }))

  it('turns "get replies by email" into a contact ticket with the message', async () => {
    const ctx = await createTestApp()
    const res = await offline(ctx, {
      name: 'Ada',
      email: 'Ada@Example.com',
      message: 'Please call me back about order #1042',
    })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toEqual({ ticketNumber: expect.any(Number), acknowledgementQueued: true })
    const ticket = await ctx.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(ticket).toMatchObject({
      type: 'contact',
      status: 'open',
      channel: 'chat',
      contact_name: 'Ada',
      contact_email: 'ada@example.com',
      comment: 'Please call me back about order #1042',
      number: body.ticketNumber,
    })
    const history = await ctx.db.selectFrom('ticket_events').selectAll().executeTakeFirstOrThrow()
    expect(JSON.parse(history.data)).toEqual({ acknowledgement: 'queued' })
    await ctx.drainOutbox()
    const sent = ctx.deps.devOutbox?.list() ?? []
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ channel: 'email', to: 'ada@example.com' })
    expect(sent[0]?.text).toContain(`T-${body.ticketNumber}`)
  })

  it('takes the verified identity of a signed-in shopper', async () => {
    const ctx = await createTestApp()
    const { headers } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'grace@example.com',
    })
    const res = await offline(ctx, { message: 'Hello' }, headers)
    expect(res.status).toBe(201)
    const ticket = await ctx.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(ticket).toMatchObject({
      identity_value: 'grace@example.com',
      contact_email: 'grace@example.com',
    })
  })

  it('needs a name and email from someone not signed in', async () => {
    const ctx = await createTestApp()
    for (const body of [
      { message: 'hi' },
      { email: 'a@b.co', message: 'hi' },
      { name: 'A', email: 'nope', message: 'hi' },
      { name: 'A', email: 'a@b.co', message: '' },
      { name: 'A', email: 'a@b.co', message: 'x'.repeat(5001) },
    ]) {
      expect((await offline(ctx, body)).status).toBe(400)
    }
    expect(
      (await offline(ctx, { message: 'hi' }, { authorization: 'Bearer plc_' + 'x'.repeat(43) }))
        .status,
    ).toBe(401)
    expect(await ctx.db.selectFrom('tickets').select('id').execute()).toEqual([])
  })

  it('limits offline messages per address', async () => {
    const ctx = await createTestApp()
    for (let i = 0; i < 5; i++) {
      expect((await offline(ctx, { name: 'A', email: 'a@b.co', message: `m${i}` })).status).toBe(
        201,
      )
    }
    const limited = await offline(ctx, { name: 'A', email: 'A@b.co', message: 'again' })
    expect(limited.status).toBe(429)
    expect((await offline(ctx, { name: 'B', email: 'b@b.co', message: 'hi' })).status).toBe(201)
  })
})
