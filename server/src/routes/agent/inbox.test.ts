import type { InboxResponse } from '@porchlight/shared/api/inbox'
import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { addStore, mintAgent, openStream, startVisitor } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'
import { postContact } from '../requests/requests-test-support.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'

type Agent = Awaited<ReturnType<typeof mintAgent>>

const contact = {
  message: 'Do you ship to Norway?',
  name: 'Eve',
  email: 'eve@example.com',
  locale: 'en',
}

async function inboxOf(agent: Agent): Promise<InboxResponse> {
  const res = await agent.get('/v1/agent/inbox')
  expect(res.status).toBe(200)
  return (await res.json()) as InboxResponse
}

const numbers = async (agent: Agent, view: string) => {
  const res = await agent.get(`/v1/agent/tickets?view=${view}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { tickets: { number: number }[] }).tickets.map((t) => t.number)
}

describe(`the live inbox (${testDialect})`, () => {
  it('hears of new tickets, new chats and shopper messages, and replays them after a drop', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    const stream = await openStream(ctx, agent, 'agent')
    const ready = await stream.next()
    expect(ready.event).toBe('ready')

    expect((await postContact(ctx, contact)).status).toBe(201)
    const ticket = await stream.nextOf('ticket')
    expect(ticket.data).toMatchObject({ number: 1001, type: 'contact', channel: 'contact-form' })

    const shopper = await startVisitor(ctx)
    const { conversation } = await shopper.say('Is anyone there?')
    const started = await stream.nextOf('conversation')
    expect(started.data).toMatchObject({ conversationId: conversation.id, change: 'started' })
    const message = await stream.nextOf('message')
    expect(message.data).toMatchObject({ message: { text: 'Is anyone there?' } })
    await stream.close()

    // Reconnecting after the first event replays everything since, in order.
    await shopper.say('Hello?')
    const again = await openStream(ctx, agent, 'agent', Number(ready.id))
    const replayed = []
    for (;;) {
      const e = await again.next()
      if (e.event === 'ready') continue
      replayed.push(e.event)
      if (replayed.filter((x) => x === 'message').length === 2) break
    }
    expect(replayed.filter((e) => e === 'ticket' || e === 'message')).toEqual([
      'ticket',
      'message',
      'message',
    ])
    await again.close()
  })

  it('never shows a new ticket on a shopper’s stream', async () => {
    const ctx = await createTestApp()
    const shopper = await startVisitor(ctx)
    await shopper.say('hi')
    const stream = await openStream(ctx, shopper, 'shopper')
    expect((await stream.next()).event).toBe('ready')
    expect((await postContact(ctx, contact)).status).toBe(201)
    // The agent's answer comes after the ticket in the log: seeing it first proves the skip.
    const agent = await mintAgent(ctx)
    const list = (await (await agent.get('/v1/agent/conversations')).json()) as {
      conversations: { id: string }[]
    }
    await agent.post(`/v1/agent/conversations/${list.conversations[0]?.id}/messages`, {
      text: 'Here',
    })
    const seen = []
    for (;;) {
      const e = await stream.next()
      seen.push(e.event)
      if (
        e.event === 'message' &&
        (e.data as { message: { text: string } }).message.text === 'Here'
      )
        break
    }
    expect(seen).not.toContain('ticket')
    await stream.close()
  })

  it('counts open and unread tickets per view, and how long each chat has waited', async () => {
    const ctx = await createTestApp()
    const me = await mintAgent(ctx, DEMO_STORE_ID, 'Dana')
    const colleague = await mintAgent(ctx, DEMO_STORE_ID, 'Eli')
    expect((await inboxOf(me)).views.open).toEqual({ total: 0, unread: 0 })

    expect((await postContact(ctx, contact)).status).toBe(201) // #1001
    ctx.clock.advance(1000)
    const shopper = await startVisitor(ctx) // chat: #1002
    const startedAt = ctx.clock.now().toISOString()
    const { conversation } = await shopper.say('Where is my parcel?')
    ctx.clock.advance(90_000)

    let box = await inboxOf(me)
    expect(box.views).toEqual({
      mine: { total: 0, unread: 0 },
      unassigned: { total: 2, unread: 2 },
      open: { total: 2, unread: 2 },
      chats: { total: 1, unread: 1 },
      decisions: { total: 0, unread: 0 },
    })
    const chatTicket = (await (await me.get('/v1/agent/tickets?view=chats')).json()).tickets[0]
    expect(chatTicket.number).toBe(conversation.ticketNumber)
    expect(box.waiting).toEqual([
      { ticketId: chatTicket.id, conversationId: conversation.id, since: startedAt },
    ])

    // Reading the chat clears its unread mark but not its wait; answering ends the wait.
    await me.post(`/v1/agent/conversations/${conversation.id}/read`, {})
    box = await inboxOf(me)
    expect(box.views.chats).toEqual({ total: 1, unread: 0 })
    expect(box.waiting).toHaveLength(1)
    await me.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: 'Looking' })
    expect((await inboxOf(me)).waiting).toEqual([])

    // Taking the contact ticket moves it to "mine" (mine alone: the colleague's stays empty).
    const unassigned = (await (await me.get('/v1/agent/tickets?view=unassigned')).json())
      .tickets as { id: string; number: number; version: number }[]
    const contactTicket = unassigned.find((t) => t.number === 1001)
    const taken = await ctx.app.request(
      `/v1/agent/tickets/${contactTicket?.id}`,
      jsonRequest('PATCH', { version: contactTicket?.version, assigneeId: me.agentId }, me.headers),
    )
    expect(taken.status).toBe(200)
    box = await inboxOf(me)
    expect(box.views.mine).toEqual({ total: 1, unread: 0 })
    expect(box.views.unassigned.total).toBe(1)
    expect((await inboxOf(colleague)).views.mine).toEqual({ total: 0, unread: 0 })
    expect(await numbers(me, 'mine')).toEqual([1001])
    expect(await numbers(colleague, 'mine')).toEqual([])
    expect(await numbers(me, 'chats')).toEqual([1002])
    expect(await numbers(me, 'open')).toEqual([1002, 1001])
  })

  it('lists requests waiting for a decision, and drops them once decided', async () => {
    const ctx = await ticketActionsSetup()
    const waiting = await ctx.request({ number: 1001 })
    await ctx.request({ number: 1002, request_status: 'approved', status: 'resolved' })
    const agent = await mintAgent(ctx)
    expect(await numbers(agent, 'decisions')).toEqual([waiting.number])
    expect((await inboxOf(agent)).views.decisions).toEqual({ total: 1, unread: 1 })
    const decided = await ctx.decide(waiting.id, {
      version: waiting.version,
      decision: 'decline',
      reason: 'Already shipped',
    })
    expect(decided.status).toBe(200)
    expect(await numbers(agent, 'decisions')).toEqual([])
  })

  it('counts only the agent’s own store, and refuses unknown views', async () => {
    const ctx = await createTestApp()
    expect((await postContact(ctx, contact)).status).toBe(201)
    await addStore(ctx, 'st_other', 'pk_other_store_key')
    const stranger = await mintAgent(ctx, 'st_other', 'Stranger')
    expect((await inboxOf(stranger)).views.open).toEqual({ total: 0, unread: 0 })
    expect(await numbers(stranger, 'open')).toEqual([])
    const bad = await stranger.get('/v1/agent/tickets?view=everything')
    expect(bad.status).toBe(400)
    const anonymous = await ctx.app.request('/v1/agent/inbox')
    expect(anonymous.status).toBe(401)
  })
})
