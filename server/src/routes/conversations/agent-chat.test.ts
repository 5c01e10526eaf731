import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { postSystemMessageForShopper } from '../../services/chat/system-messages.ts'
import {
  addStore,
  mintAgent,
  openStream,
  shopperClient,
  startVisitor,
} from '../../test/chat-support.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

async function setup() {
  const ctx = await createTestApp()
  const ada = await startVisitor(ctx)
  const agent = await mintAgent(ctx)
  const { conversation } = await ada.say('Where is my parcel?')
  return { ctx, ada, agent, id: conversation.id }
}

describe(`agent chat (${testDialect})`, () => {
  it('lists the store’s conversations with the ticket, contact and unread count', async () => {
    const { agent, id } = await setup()
    const res = await agent.get('/v1/agent/conversations')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.conversations).toHaveLength(1)
    expect(body.conversations[0]).toMatchObject({
      id,
      status: 'open',
      contact: { name: 'Ada', email: 'ada@example.com' },
      identity: null,
      lastAuthorKind: 'shopper',
      unread: 1,
      revertsAt: null,
      revertedForShopper: false,
      previousId: null,
    })
    expect(body.conversations[0].ticketNumber).toBeGreaterThan(1000)
  })

  it('answers the shopper, who then sees the answer with the agent’s name', async () => {
    const { ada, agent, id } = await setup()
    const res = await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'On its way!' })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.message.author).toEqual({ kind: 'agent', name: 'Dana' })
    expect(body.conversation.lastAuthorKind).toBe('agent')
    expect(body.conversation.revertsAt).not.toBeNull()
    const current = await (await ada.get('/v1/conversations/current')).json()
    expect(current.messages.map((m: { text: string }) => m.text)).toEqual([
      'Where is my parcel?',
      'On its way!',
    ])
    const one = await (await agent.get(`/v1/agent/conversations/${id}`)).json()
    expect(one.messages).toHaveLength(2)
    expect(one.conversation.unread).toBe(0)
  })

  it('marks shopper messages read for the agents', async () => {
    const { ada, agent, id } = await setup()
    await ada.say('Hello?')
    expect(
      (await (await agent.get(`/v1/agent/conversations/${id}`)).json()).conversation.unread,
    ).toBe(2)
    const read = await agent.post(`/v1/agent/conversations/${id}/read`)
    expect(read.status).toBe(200)
    expect(
      (await (await agent.get(`/v1/agent/conversations/${id}`)).json()).conversation.unread,
    ).toBe(0)
    const shopperView = await (await ada.get('/v1/conversations/current')).json()
    expect(shopperView.conversation.agentReadSeq).toBe((await read.json()).readSeq)
  })

  it('never lets an agent read or touch another store’s conversation', async () => {
    const { ctx, agent, id } = await setup()
    await addStore(ctx, 'st_other', 'pk_other_store')
    const outsider = await mintAgent(ctx, 'st_other', 'Mallory')
    const list = await (await outsider.get('/v1/agent/conversations')).json()
    expect(list.conversations).toEqual([])
    for (const res of [
      await outsider.get(`/v1/agent/conversations/${id}`),
      await outsider.post(`/v1/agent/conversations/${id}/messages`, { text: 'peek' }),
      await outsider.post(`/v1/agent/conversations/${id}/read`),
      await outsider.post(`/v1/agent/conversations/${id}/typing`),
      await outsider.post(`/v1/agent/conversations/${id}/close`),
    ]) {
      expect(res.status).toBe(404)
      expect(await code(res)).toBe('conversation_not_found')
    }
    const messages = await ctx.db.selectFrom('chat_messages').select('text').execute()
    expect(messages.map((m) => m.text)).toEqual(['Where is my parcel?'])
    const row = await ctx.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow()
    expect(row.status).toBe('open')
    // The owner of the conversation still reads it.
    expect((await agent.get(`/v1/agent/conversations/${id}`)).status).toBe(200)
  })

  it('keeps another store’s events out of an agent’s stream', async () => {
    const { ctx, ada, agent, id } = await setup()
    await addStore(ctx, 'st_other', 'pk_other_store')
    const outsider = await mintAgent(ctx, 'st_other', 'Mallory')
    const stream = await openStream(ctx, outsider, 'agent')
    expect((await stream.next()).event).toBe('ready')
    await ada.say('private to the demo store')
    await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'also private' })
    const theirs = await startVisitor(ctx, 'pk_other_store', { name: 'Bo', email: 'bo@x.io' })
    await theirs.say('for the other store')
    // Events arrive in order, so the first message seen proves the others were never sent.
    const first = await stream.nextOf('message')
    expect((first.data as { message: { text: string } }).message.text).toBe('for the other store')
    await stream.close()
  })

  it('requires a console session and the CSRF token for changes', async () => {
    const { ctx, agent, id } = await setup()
    expect((await ctx.app.request('/v1/agent/conversations')).status).toBe(401)
    const noCsrf = await ctx.app.request(`/v1/agent/conversations/${id}/messages`, {
      method: 'POST',
      headers: { cookie: agent.headers.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'forged' }),
    })
    expect(noCsrf.status).toBe(403)
    expect(await code(noCsrf)).toBe('csrf_failed')
    const ticket = await ctx.app.request('/v1/agent/conversations/stream-tickets', {
      method: 'POST',
      headers: { cookie: agent.headers.cookie },
    })
    expect(ticket.status).toBe(403)
  })

  it('does not accept a shopper token on the agent side', async () => {
    const { ctx, ada, id } = await setup()
    const res = await ctx.app.request(`/v1/agent/conversations/${id}`, { headers: ada.headers })
    expect(res.status).toBe(401)
  })

  it('answers a malformed id or query with 400/404, never 500', async () => {
    const { agent } = await setup()
    expect((await agent.get('/v1/agent/conversations/not-an-id')).status).toBe(404)
    expect((await agent.get('/v1/agent/conversations?status=weird')).status).toBe(400)
    expect((await agent.get('/v1/agent/conversations?limit=0')).status).toBe(400)
    expect((await agent.get('/v1/agent/conversations?limit=abc')).status).toBe(400)
    expect((await agent.get(`/v1/agent/conversations/cv_${'x'.repeat(22)}`)).status).toBe(404)
  })

  it('closes a conversation and its ticket; the shopper’s next message starts a new one', async () => {
    const { ctx, ada, agent, id } = await setup()
    const closed = await agent.post(`/v1/agent/conversations/${id}/close`)
    expect((await closed.json()).conversation).toMatchObject({
      status: 'closed',
      closedReason: 'agent',
    })
    const ticket = await ctx.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(ticket.status).toBe('closed')
    const late = await agent.post(`/v1/agent/conversations/${id}/messages`, { text: 'one more' })
    expect(late.status).toBe(409)
    expect(await code(late)).toBe('conversation_closed')
    const again = await ada.say('Back again')
    expect(again.started).toBe(true)
    const list = await (await agent.get('/v1/agent/conversations')).json()
    const next = list.conversations.find((c: { id: string }) => c.id === again.conversation.id)
    expect(next.previousId).toBe(id)
    const older = await (await agent.get(`/v1/agent/conversations/${id}`)).json()
    expect(older.nextId).toBe(again.conversation.id)
  })

  it('adds system messages to the shopper’s conversation without touching the wait', async () => {
    const ctx = await createTestApp()
    const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'grace@example.com',
    })
    const grace = shopperClient(ctx, token)
    const store = { id: DEMO_STORE_ID, settings: {} }
    const none = await postSystemMessageForShopper(
      ctx.deps,
      store,
      { kind: 'email', value: 'grace@example.com' },
      {
        systemKind: 'request_created',
        text: 'Request #1001 created',
        data: { ticketNumber: 1001 },
      },
    )
    expect(none).toBeUndefined()
    const { conversation } = await grace.say('I want to return a lamp')
    const agent = await mintAgent(ctx)
    await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: 'Sure' })
    const message = await postSystemMessageForShopper(
      ctx.deps,
      store,
      { kind: 'email', value: 'grace@example.com' },
      {
        systemKind: 'request_created',
        text: 'Request #1002 created',
        data: { ticketNumber: 1002 },
      },
    )
    expect(message).toMatchObject({
      author: { kind: 'system', name: null },
      systemKind: 'request_created',
      data: { ticketNumber: 1002 },
    })
    const current = await (await grace.get('/v1/conversations/current')).json()
    expect(current.messages.map((m: { author: { kind: string } }) => m.author.kind)).toEqual([
      'shopper',
      'agent',
      'system',
    ])
    const row = await ctx.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow()
    expect(row.last_author_kind).toBe('agent')
    // Not the agent's word, so it is not unread for the badge either.
    expect(current.conversation.unread).toBe(1)
  })
})
