import { describe, expect, it } from 'vitest'
import { updateStoreSettings } from '../../db/stores.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { sweepChat } from '../../services/chat/sweeper.ts'
import { mintAgent, openStream, startVisitor } from '../../test/chat-support.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

const H = 3600_000

/** Ada writes, the agent answers: the agent has the last word at the clock's current time. */
async function agentHasLastWord(settings?: Record<string, unknown>) {
  const ctx = await createTestApp()
  if (settings !== undefined) await updateStoreSettings(ctx.db, DEMO_STORE_ID, settings)
  const ada = await startVisitor(ctx)
  const agent = await mintAgent(ctx)
  const { conversation } = await ada.say('Is my order shipped?')
  ctx.clock.advance(60_000)
  const res = await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, {
    text: 'Yes, yesterday.',
  })
  expect(res.status).toBe(201)
  return { ctx, ada, agent, id: conversation.id }
}

describe(`the 24-hour revert on the server (${testDialect})`, () => {
  it('still shows the thread at 23:59:59 and hides it at 24:00:00', async () => {
    const { ctx, ada, id } = await agentHasLastWord()
    ctx.clock.advance(24 * H - 1000)
    const before = await (await ada.get('/v1/conversations/current')).json()
    expect(before.conversation.id).toBe(id)
    expect(before.conversation.revertsAt).toBe(
      new Date(ctx.clock.now().getTime() + 1000).toISOString(),
    )
    ctx.clock.advance(1000)
    const after = await (await ada.get('/v1/conversations/current')).json()
    expect(after).toMatchObject({ conversation: null, messages: [] })
    expect(await (await ada.get('/v1/conversations/unread')).json()).toEqual({ count: 0 })
  })

  it('keeps the thread when the shopper answers at 23:59', async () => {
    const { ctx, ada, id } = await agentHasLastWord()
    ctx.clock.advance(24 * H - 60_000)
    const reply = await ada.say('Thanks!')
    expect(reply.conversation.id).toBe(id)
    ctx.clock.advance(5 * 24 * H)
    const later = await (await ada.get('/v1/conversations/current')).json()
    expect(later.conversation.id).toBe(id)
    expect((await sweepChat(ctx.deps)).closed).toBe(0)
  })

  it('starts a new conversation when the shopper writes after the revert, linked for agents', async () => {
    const { ctx, ada, agent, id } = await agentHasLastWord()
    ctx.clock.advance(24 * H)
    const again = await ada.say('Hello again')
    expect(again.started).toBe(true)
    expect(again.conversation.id).not.toBe(id)
    const current = await (await ada.get('/v1/conversations/current')).json()
    expect(current.messages.map((m: { text: string }) => m.text)).toEqual(['Hello again'])

    const older = await (await agent.get(`/v1/agent/conversations/${id}`)).json()
    expect(older.conversation).toMatchObject({ status: 'closed', closedReason: 'reverted' })
    expect(older.nextId).toBe(again.conversation.id)
    expect(older.messages).toHaveLength(2)
    const newer = await (await agent.get(`/v1/agent/conversations/${again.conversation.id}`)).json()
    expect(newer.conversation.previousId).toBe(id)
    const tickets = await ctx.db
      .selectFrom('tickets')
      .select(['status', 'number'])
      .orderBy('number')
      .execute()
    expect(tickets.map((t) => t.status)).toEqual(['closed', 'open'])
  })

  it('sweeps reverted conversations closed, with their chat tickets, once', async () => {
    const { ctx, agent, id } = await agentHasLastWord()
    const consoleStream = await openStream(ctx, agent, 'agent')
    await consoleStream.next()
    ctx.clock.advance(24 * H - 1000)
    expect(await sweepChat(ctx.deps)).toMatchObject({ closed: 0 })
    ctx.clock.advance(1000)
    expect(await sweepChat(ctx.deps)).toMatchObject({ closed: 1 })
    expect(await sweepChat(ctx.deps)).toMatchObject({ closed: 0 })

    const closed = await consoleStream.nextOf('conversation')
    expect(closed.data).toMatchObject({
      conversationId: id,
      change: 'closed',
      closedReason: 'reverted',
    })
    const list = await (await agent.get('/v1/agent/conversations?status=closed')).json()
    expect(list.conversations.map((c: { id: string }) => c.id)).toEqual([id])
    const ticket = await ctx.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(ticket.status).toBe('closed')
    const history = await ctx.db
      .selectFrom('ticket_events')
      .select(['kind', 'actor_kind'])
      .execute()
    expect(history).toEqual([{ kind: 'chat_closed', actor_kind: 'system' }])
    await consoleStream.close()
  })

  it('does not sweep a conversation where the shopper waits for an answer', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    await ada.say('Anyone there?')
    ctx.clock.advance(100 * H)
    expect((await sweepChat(ctx.deps)).closed).toBe(0)
    expect((await (await ada.get('/v1/conversations/current')).json()).conversation).not.toBeNull()
  })

  it('uses the store’s revert hours', async () => {
    const { ctx, ada, id } = await agentHasLastWord({ chat: { revertHours: 2 } })
    ctx.clock.advance(2 * H - 1)
    expect((await (await ada.get('/v1/conversations/current')).json()).conversation.id).toBe(id)
    expect((await sweepChat(ctx.deps)).closed).toBe(0)
    ctx.clock.advance(1)
    expect((await (await ada.get('/v1/conversations/current')).json()).conversation).toBeNull()
    expect((await sweepChat(ctx.deps)).closed).toBe(1)
  })

  it('sweeps with a fractional revert period (whole-millisecond bounds on both databases)', async () => {
    // 1/7 hour is 514,285.71… ms.
    const { ctx } = await agentHasLastWord({ chat: { revertHours: 1 / 7 } })
    ctx.clock.advance(Math.ceil(H / 7) - 1)
    expect((await sweepChat(ctx.deps)).closed).toBe(0)
    ctx.clock.advance(1)
    expect((await sweepChat(ctx.deps)).closed).toBe(1)
  })

  it('refuses an agent message to a reverted thread and closes it', async () => {
    const { ctx, agent, id } = await agentHasLastWord()
    ctx.clock.advance(24 * H)
    const late = await agent.post(`/v1/agent/conversations/${id}/messages`, {
      text: 'Still there?',
    })
    expect(late.status).toBe(409)
    expect((await late.json()).error.code).toBe('conversation_closed')
    const row = await ctx.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'closed', closed_reason: 'reverted' })
    expect(await ctx.db.selectFrom('chat_messages').select('id').execute()).toHaveLength(2)
  })

  it('tells the shopper’s open stream that the conversation closed', async () => {
    const { ctx, ada, id } = await agentHasLastWord()
    const stream = await openStream(ctx, ada, 'shopper')
    await stream.next()
    ctx.clock.advance(24 * H)
    await sweepChat(ctx.deps)
    const event = await stream.nextOf('conversation')
    expect(event.data).toMatchObject({ conversationId: id, change: 'closed', status: 'closed' })
    await stream.close()
  })
})
