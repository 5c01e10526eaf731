import { describe, expect, it } from 'vitest'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { sweepChat } from '../../services/chat/sweeper.ts'
import { postSystemMessage } from '../../services/chat/system-messages.ts'
import { addStore, mintAgent, shopperClient, startVisitor } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, mintShopperSession, testDialect } from '../../test/harness.ts'
import { subscribe } from '../../test/webhook-subscriber.ts'
import {
  ada,
  id,
  newKey,
  postContact,
  postRequest,
  signIn,
  throwReturn,
  tickets,
} from '../requests/requests-test-support.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

/** Ada chats as a visitor; Dana (an agent) holds the conversation's ticket id. */
async function chatting(ctx: Ctx, first = 'Where is my parcel?') {
  const visitor = await startVisitor(ctx)
  const { conversation } = await visitor.say(first)
  const agent = await mintAgent(ctx)
  const view = await (await agent.get(`/v1/agent/conversations/${conversation.id}`)).json()
  return { visitor, agent, conversationId: conversation.id, ticketId: view.conversation.ticketId }
}

describe(`ticket.created (${testDialect})`, () => {
  it('is posted for every way a shopper files a ticket, once each', async () => {
    const ctx = await createTestApp()
    const hook = await subscribe(ctx, ['ticket.created'])

    // A request, submitted twice with one key (a retry), then again with another key (refused:
    // one is already open): one ticket, one event.
    const headers = await signIn(ctx, ada)
    const key = newKey()
    expect((await postRequest(ctx, id(1006), throwReturn, headers, key)).status).toBe(201)
    expect((await postRequest(ctx, id(1006), throwReturn, headers, key)).status).toBe(200)
    expect((await postRequest(ctx, id(1006), throwReturn, headers)).status).toBe(409)
    // A contact message, a chat, and a message left while nobody was online.
    const contact = { message: 'Do you ship to Norway?', name: 'Eve', email: 'eve@example.com' }
    expect((await postContact(ctx, { ...contact, locale: 'en' })).status).toBe(201)
    await (await startVisitor(ctx)).say('Hello?')
    const offline = await ctx.app.request(
      '/v1/conversations/offline',
      jsonRequest(
        'POST',
        { name: 'Grace', email: 'grace@example.com', message: 'Call me back' },
        { 'x-porchlight-key': DEMO_WIDGET_KEY },
      ),
    )
    expect(offline.status).toBe(201)

    const events = await hook.next()
    const filed = await tickets(ctx)
    expect(filed).toHaveLength(4)
    expect(events.map((e) => e.type)).toEqual(Array(4).fill('ticket.created'))
    expect(events.map((e) => e.data['ticket'])).toEqual(
      filed.map((t) =>
        expect.objectContaining({ id: t.id, number: t.number, type: t.type, channel: t.channel }),
      ),
    )
    expect(filed.map((t) => [t.type, t.channel])).toEqual([
      ['return', 'chat'],
      ['contact', 'contact-form'],
      ['chat', 'chat'],
      ['contact', 'chat'],
    ])
    for (const e of events) expect(e.storeId).toBe(DEMO_STORE_ID)
    expect(await hook.next()).toEqual([])
  })
})

describe(`ticket.updated (${testDialect})`, () => {
  it('says what an agent changed and who, and leaves internal notes out', async () => {
    const ctx = await createTestApp()
    const hook = await subscribe(ctx, ['ticket.updated'])
    const agent = await mintAgent(ctx)
    const filed = await postRequest(ctx, id(1006), throwReturn, await signIn(ctx, ada))
    const { ticketId } = (await filed.json()) as { ticketId: string }
    const path = `/v1/agent/tickets/${ticketId}`

    const patch = await ctx.app.request(
      path,
      jsonRequest(
        'PATCH',
        { version: 1, assigneeId: agent.agentId, tags: ['vip', 'late', 'vip'] },
        agent.headers,
      ),
    )
    expect(patch.status).toBe(200)
    const [assigned, ...more] = await hook.next()
    expect(more).toEqual([])
    expect(assigned!.data).toMatchObject({
      changes: { assigneeId: agent.agentId, tags: ['vip', 'late'] },
      by: agent.agentId,
      ticket: { id: ticketId, assigneeId: agent.agentId, tags: ['vip', 'late'], version: 2 },
    })

    expect((await agent.post(`${path}/notes`, { body: 'Called her, no answer' })).status).toBe(201)
    expect(await hook.next()).toEqual([])

    const decline = await agent.post(`${path}/decision`, {
      version: 2,
      decision: 'decline',
      reason: 'Worn items cannot be returned.',
    })
    expect(decline.status).toBe(200)
    const [declined, ...others] = await hook.next()
    expect(others).toEqual([])
    const ticket = declined!.data['ticket'] as Record<string, unknown>
    expect(ticket['requestStatus']).toBe('declined')
    expect(declined!.data).toMatchObject({
      changes: {
        requestStatus: 'declined',
        refundStatus: ticket['refundStatus'],
        status: ticket['status'],
      },
      by: agent.agentId,
    })
  })

  it('reports a chat ticket closing, by the agent or when the chat reverts', async () => {
    const ctx = await createTestApp()
    const hook = await subscribe(ctx, ['ticket.updated'])
    const { visitor, agent, conversationId, ticketId } = await chatting(ctx)
    expect((await agent.post(`/v1/agent/conversations/${conversationId}/close`)).status).toBe(200)
    const [byAgent, ...more] = await hook.next()
    expect(more).toEqual([])
    expect(byAgent!.data).toMatchObject({
      ticket: { id: ticketId, type: 'chat', status: 'closed' },
      changes: { status: 'closed' },
      by: agent.agentId,
      chat: { conversationId, closedReason: 'agent' },
    })

    // Ada writes again (a new chat and ticket); the agent answers; she never comes back.
    const again = await visitor.say('One more thing')
    await agent.post(`/v1/agent/conversations/${again.conversation.id}/messages`, { text: 'Yes?' })
    ctx.clock.advance(25 * 3600_000)
    expect((await sweepChat(ctx.deps)).closed).toBe(1)
    const [reverted, ...rest] = await hook.next()
    expect(rest).toEqual([])
    expect(reverted!.data).toMatchObject({
      ticket: { type: 'chat', status: 'closed', number: again.conversation.ticketNumber },
      changes: { status: 'closed' },
      by: null,
      chat: { conversationId: again.conversation.id, closedReason: 'reverted' },
    })
  })

  it('reports a chat ticket’s shopper verifying who they are', async () => {
    const ctx = await createTestApp()
    const hook = await subscribe(ctx, ['ticket.updated'])
    const { visitor, ticketId } = await chatting(ctx)
    const identity = { kind: 'email', value: DEMO_SHOPPERS.ada.email } as const
    const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, identity)
    const link = await shopperClient(ctx, token).post('/v1/conversations/link', {
      visitorToken: visitor.token,
    })
    expect(link.status).toBe(200)
    const [linked, ...more] = await hook.next()
    expect(more).toEqual([])
    expect(linked!.data).toMatchObject({
      ticket: { id: ticketId, shopper: { identity } },
      changes: { shopper: { identity } },
      by: null,
    })
  })
})

describe(`message.created (${testDialect})`, () => {
  it('is posted for each shopper and agent chat message, with the conversation and ticket', async () => {
    const ctx = await createTestApp()
    const hook = await subscribe(ctx, ['message.created'])
    const { visitor, agent, conversationId, ticketId } = await chatting(ctx, 'Where is my parcel?')
    ctx.clock.advance(1000)
    await agent.post(`/v1/agent/conversations/${conversationId}/messages`, { text: 'Checking.' })
    ctx.clock.advance(1000)
    const reply = await agent.post(`/v1/agent/tickets/${ticketId}/replies`, { body: 'It shipped.' })
    expect(reply.status).toBe(201)
    // Read marks, typing and system messages are not messages anyone wrote: no event.
    expect((await visitor.post('/v1/conversations/current/read')).status).toBe(200)
    expect((await agent.post(`/v1/agent/conversations/${conversationId}/read`)).status).toBe(200)
    expect((await agent.post(`/v1/agent/conversations/${conversationId}/typing`)).status).toBe(204)
    await postSystemMessage(ctx.deps, { id: DEMO_STORE_ID }, conversationId, {
      systemKind: 'request_created',
      text: 'Request #1002 filed',
      data: {},
    })

    const events = await hook.next()
    const stored = await ctx.db
      .selectFrom('chat_messages')
      .select(['id', 'text'])
      .where('conversation_id', '=', conversationId)
      .where('author_kind', '!=', 'system')
      .orderBy('seq')
      .execute()
    const messages = events
      .map((e) => e.data)
      .sort((a, b) => Date.parse(createdAt(a)) - Date.parse(createdAt(b)))
    expect(messages).toEqual(
      [
        { author: { kind: 'shopper', id: null }, body: 'Where is my parcel?' },
        { author: { kind: 'agent', id: agent.agentId }, body: 'Checking.' },
        { author: { kind: 'agent', id: agent.agentId }, body: 'It shipped.' },
      ].map((m, i) => ({
        conversationId,
        ticket: expect.objectContaining({ id: ticketId, type: 'chat' }),
        message: { ...m, id: stored[i]!.id, channel: 'chat', createdAt: expect.any(String) },
      })),
    )

    // A refused reply (the chat is closed) was rolled back, event included.
    await agent.post(`/v1/agent/conversations/${conversationId}/close`)
    const refused = await agent.post(`/v1/agent/tickets/${ticketId}/replies`, { body: 'Hello?' })
    expect(refused.status).toBe(409)
    expect(await hook.next()).toEqual([])
  })

  it('goes to the store’s own endpoints only', async () => {
    const ctx = await createTestApp()
    await addStore(ctx, 'st_other', 'pk_other_store')
    const mine = await subscribe(ctx, ['ticket.created', 'message.created'])
    const theirs = await subscribe(ctx, ['ticket.created', 'message.created'], {
      storeId: 'st_other',
      email: 'owner@other.example',
    })
    await (await startVisitor(ctx)).say('Hello demo store')
    expect((await mine.next()).map((e) => e.type)).toEqual(['message.created', 'ticket.created'])
    expect(await theirs.next()).toEqual([])

    await (await startVisitor(ctx, 'pk_other_store')).say('Hello other store')
    const other = await theirs.next()
    expect(other.map((e) => [e.type, e.storeId])).toEqual([
      ['message.created', 'st_other'],
      ['ticket.created', 'st_other'],
    ])
    expect(await mine.next()).toEqual([])
  })
})

const createdAt = (data: Record<string, unknown>) =>
  (data['message'] as { createdAt: string }).createdAt
