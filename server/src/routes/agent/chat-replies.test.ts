import { describe, expect, it } from 'vitest'
import { insertTicket } from '../../db/tickets.repository.ts'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { insertOtherStore } from '../../test/agents.ts'
import {
  mintAgent,
  openStream,
  shopperClient,
  statusAndJson,
  ticketOfConversation,
} from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, mintShopperSession, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

const json = statusAndJson

/**
 * Ada, signed in, has written in the chat; Dana, an agent of the store, holds her chat ticket's
 * id (with a long console session, so tests can move the clock by days).
 */
async function setup() {
  const ctx = await createTestApp()
  const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, {
    kind: 'email',
    value: DEMO_SHOPPERS.ada.email,
  })
  const ada = shopperClient(ctx, token)
  const { conversation } = await ada.say('Where is my parcel?')
  const agent = await mintAgent(ctx)
  const ticketId = await ticketOfConversation(agent, conversation.id)
  expect(ticketId).toMatch(/^tk_/)
  const reply = (body: string, headers: Record<string, string> = agent.headers, id = ticketId) =>
    json(ctx.app.request(`/v1/agent/tickets/${id}/replies`, jsonRequest('POST', { body }, headers)))
  return { ctx, ada, agent, conversationId: conversation.id, ticketId, reply }
}

const texts = async (ada: ReturnType<typeof shopperClient>) =>
  (
    (await (await ada.get('/v1/conversations/current')).json()).messages as Array<{
      text: string
    }>
  ).map((m) => m.text)

const replyEvents = async (ctx: Ctx, ticketId: string) =>
  ctx.db
    .selectFrom('ticket_events')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', 'reply')
    .execute()

describe(`replies to chat tickets through the ticket API (${testDialect})`, () => {
  it('writes the reply in the shopper’s conversation, live, and records it on the ticket', async () => {
    const { ctx, ada, agent, ticketId, reply } = await setup()
    const stream = await openStream(ctx, ada, 'shopper')
    expect((await stream.next()).event).toBe('ready')

    const res = await reply('It left the warehouse this morning.')
    expect(res.status).toBe(201)
    expect(res.body.event).toMatchObject({
      kind: 'reply',
      actor: { kind: 'agent', id: agent.agentId },
      data: {
        body: 'It left the warehouse this morning.',
        channel: 'chat',
        messageId: expect.stringMatching(/^msg_/),
      },
    })

    // Pushed to the shopper's open panel, as the console's chat answer would be.
    const live = await stream.nextOf('message')
    const pushed = live.data as { message: { id: string; text: string; author: unknown } }
    expect(pushed.message).toMatchObject({
      id: res.body.event.data.messageId,
      text: 'It left the warehouse this morning.',
      author: { kind: 'agent', name: 'Dana' },
    })
    await stream.close()

    // In the conversation the shopper reads, after her own message.
    expect(await texts(ada)).toEqual(['Where is my parcel?', 'It left the warehouse this morning.'])
    // And in the ticket's history, once, as a chat reply.
    const page = await json(agent.get(`/v1/agent/tickets/${ticketId}`))
    const replies = (page.body.history as Array<{ kind: string; data: unknown }>).filter(
      (e) => e.kind === 'reply',
    )
    expect(replies).toEqual([expect.objectContaining({ data: res.body.event.data })])
    // Written in the chat only: nothing goes out by email or text message.
    expect(await ctx.db.selectFrom('outbox_messages').selectAll().execute()).toEqual([])
  })

  it('never lets another store’s agent reply to it', async () => {
    const { ctx, ada, ticketId, reply } = await setup()
    await insertOtherStore(ctx)
    const outsider = await mintAgent(ctx, 'st_other', 'Mallory')
    const res = await reply('Hello from elsewhere', outsider.headers)
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'ticket_not_found' } } })
    expect(await texts(ada)).toEqual(['Where is my parcel?'])
    expect(await replyEvents(ctx, ticketId)).toEqual([])
  })

  it('refuses a conversation the agent closed, and writes nothing', async () => {
    const { ctx, ada, agent, conversationId, ticketId, reply } = await setup()
    const closed = await agent.post(`/v1/agent/conversations/${conversationId}/close`)
    expect(closed.status).toBe(200)
    const res = await reply('Anything else?')
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'conversation_closed' } } })
    const messages = await ctx.db
      .selectFrom('chat_messages')
      .select('text')
      .where('conversation_id', '=', conversationId)
      .execute()
    expect(messages.map((m) => m.text)).toEqual(['Where is my parcel?'])
    expect(await replyEvents(ctx, ticketId)).toEqual([])
    expect(await texts(ada)).toEqual([])
  })

  it('closes a conversation that reverted for the shopper instead of writing in it', async () => {
    const { ctx, conversationId, ticketId, reply } = await setup()
    expect((await reply('It ships today.')).status).toBe(201)
    // The shopper never answered: after 24 hours the thread is over for her.
    ctx.clock.advance(25 * 3600_000)
    const res = await reply('Did it arrive?')
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'conversation_closed' } } })
    const row = await ctx.db
      .selectFrom('conversations')
      .select(['status', 'closed_reason'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'closed', closed_reason: 'reverted' })
    expect((await replyEvents(ctx, ticketId)).map((e) => JSON.parse(e.data).body)).toEqual([
      'It ships today.',
    ])
  })

  it('answers conversation_not_found for a chat ticket that has no conversation', async () => {
    const { ctx, reply } = await setup()
    const orphan = await insertTicket(ctx.db, {
      store_id: DEMO_STORE_ID,
      type: 'chat',
      status: 'open',
      channel: 'chat',
      contact_email: 'grace@example.com',
      locale: 'en',
      created_at: ctx.clock.now().getTime(),
      updated_at: ctx.clock.now().getTime(),
    })
    const res = await reply('Hello', undefined, orphan.id)
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'conversation_not_found' } } })
    expect(await replyEvents(ctx, orphan.id)).toEqual([])
  })
})
