import { describe, expect, it } from 'vitest'
import { insertTicket, type NewTicket } from '../../db/tickets.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { insertOtherStore } from '../../test/agents.ts'
import {
  mintAgent,
  startVisitor,
  statusAndJson,
  ticketOfConversation,
} from '../../test/chat-support.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

const json = statusAndJson
const ticketOf = ticketOfConversation

/** Ada has written in the chat; Dana, an agent of the store, opens tickets in the console. */
async function setup() {
  const ctx = await createTestApp()
  const ada = await startVisitor(ctx)
  const { conversation } = await ada.say('Where is my lamp?')
  const agent = await mintAgent(ctx)
  const ticketId = await ticketOf(agent, conversation.id)
  return { ctx, ada, agent, conversationId: conversation.id, ticketId }
}

const ticketRow = (ctx: Ctx, over: Partial<NewTicket>) =>
  insertTicket(ctx.db, {
    store_id: DEMO_STORE_ID,
    type: 'chat',
    status: 'open',
    channel: 'chat',
    contact_email: 'grace@example.com',
    locale: 'en',
    created_at: ctx.clock.now().getTime(),
    updated_at: ctx.clock.now().getTime(),
    ...over,
  })

describe(`a ticket view names its chat conversation (${testDialect})`, () => {
  it('gives a chat ticket’s conversation id, each ticket its own across a close', async () => {
    const { ctx, ada, agent, conversationId, ticketId } = await setup()
    const page = await json(agent.get(`/v1/agent/tickets/${ticketId}`))
    expect(page.status).toBe(200)
    expect(page.body.ticket).toMatchObject({ id: ticketId, type: 'chat' })
    expect(page.body.conversationId).toBe(conversationId)

    // Writing again after the agent closed the chat starts a new conversation and ticket: the
    // old ticket keeps naming the old conversation, the new one names the new.
    expect((await agent.post(`/v1/agent/conversations/${conversationId}/close`)).status).toBe(200)
    ctx.clock.advance(60_000)
    const next = (await ada.say('Me again')).conversation.id
    expect(next).not.toBe(conversationId)
    const nextTicket = await ticketOf(agent, next)
    expect(nextTicket).not.toBe(ticketId)
    const [oldPage, newPage] = await Promise.all([
      json(agent.get(`/v1/agent/tickets/${ticketId}`)),
      json(agent.get(`/v1/agent/tickets/${nextTicket}`)),
    ])
    expect(oldPage.body.conversationId).toBe(conversationId)
    expect(newPage.body.conversationId).toBe(next)
  })

  it('never shows another store’s agent the ticket or its conversation', async () => {
    const { ctx, conversationId, ticketId } = await setup()
    await insertOtherStore(ctx)
    const outsider = await mintAgent(ctx, 'st_other', 'Mallory')
    const res = await outsider.get(`/v1/agent/tickets/${ticketId}`)
    expect(res.status).toBe(404)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'ticket_not_found' } })
    expect(text).not.toContain(conversationId)
  })

  it('is null for a request ticket and for a chat ticket without a conversation', async () => {
    const { ctx, agent } = await setup()
    const cancel = await ticketRow(ctx, { type: 'cancel', channel: 'help-center' })
    const orphan = await ticketRow(ctx, {})
    for (const id of [cancel.id, orphan.id]) {
      const page = await json(agent.get(`/v1/agent/tickets/${id}`))
      expect(page.status).toBe(200)
      expect(page.body).toHaveProperty('conversationId', null)
    }
  })

  it('looks the conversation up in the ticket’s own store only', async () => {
    const { ctx, agent, conversationId } = await setup()
    await insertOtherStore(ctx)
    // A row of another store pointing at this store's chat ticket must not be named by it.
    const orphan = await ticketRow(ctx, {})
    const real = await ctx.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow()
    await ctx.db
      .insertInto('conversations')
      .values({ ...real, id: 'cv_foreign', store_id: 'st_other', ticket_id: orphan.id })
      .execute()
    const page = await json(agent.get(`/v1/agent/tickets/${orphan.id}`))
    expect(page.status).toBe(200)
    expect(page.body.conversationId).toBeNull()
  })
})
