import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DEMO_AGENT, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { testDialect } from '../../test/harness.ts'
import { jsonInit as json, sharedPostgres } from '../../test/shared-postgres.ts'
import { readSse } from '../../test/sse-client.ts'
import { agentSignIn } from '../../test/spawn-server.ts'

const db = sharedPostgres()

/**
 * Two real server processes on one PostgreSQL database: an agent whose console runs against
 * process B must be what shoppers on process A see, and B's inbox must hear of what A files.
 */
describe.skipIf(testDialect !== 'postgres')('presence and the live inbox across processes', () => {
  it('shares presence and carries new tickets and chats to the other process’s inbox', async () => {
    const a = await db.spawn()
    const b = await db.spawn()
    const key = { 'x-porchlight-key': DEMO_WIDGET_KEY }
    const online = async () =>
      (await (await fetch(`${a.url}/v1/conversations/availability`, { headers: key })).json())
        .agentsOnline as boolean

    expect(await online()).toBe(false)
    const agent = await agentSignIn(b.url, DEMO_AGENT.email, DEMO_AGENT.password)
    const beat = await fetch(
      `${b.url}/v1/agent/presence`,
      json('PUT', { tabId: 'tab-on-b-0001', idleMs: 0 }, agent),
    )
    expect(await beat.json()).toEqual({ state: 'available', away: false })
    expect(await online()).toBe(true)

    // The console's stream on B, opened for the tab.
    const ticket = await fetch(`${b.url}/v1/agent/conversations/stream-tickets?tab=tab-on-b-0001`, {
      method: 'POST',
      headers: agent,
    })
    expect(ticket.status).toBe(201)
    const inboxOnB = readSse(await fetch(b.url + (await ticket.json()).url))
    expect((await inboxOnB.next()).event).toBe('ready')

    // A contact message filed on A reaches B's inbox as a new ticket.
    const filed = await fetch(
      `${a.url}/v1/contact`,
      json(
        'POST',
        { message: 'Do you ship to Norway?', name: 'Eve', email: 'eve@example.com', locale: 'en' },
        { ...key, 'idempotency-key': `k-${randomBytes(8).toString('hex')}` },
      ),
    )
    expect(filed.status).toBe(201)
    const { ticketId } = await filed.json()
    const arrived = await inboxOnB.nextOf('ticket')
    expect(arrived.data).toMatchObject({ ticketId, type: 'contact' })

    // A chat started on A: B hears it start, and counts it as unread in the chats view (the
    // demo store comes with chats of its own).
    const inboxOf = async () =>
      (await (await fetch(`${b.url}/v1/agent/inbox`, { headers: agent })).json()) as {
        views: Record<string, { total: number; unread: number }>
        waiting: { conversationId: string }[]
      }
    const before = await inboxOf()
    const visitor = await fetch(
      `${a.url}/v1/conversations/visitors`,
      json('POST', { name: 'Ada', email: 'ada@example.com' }, key),
    )
    const shopper = { ...key, authorization: `Bearer ${(await visitor.json()).token}` }
    const said = await fetch(
      `${a.url}/v1/conversations/current/messages`,
      json('POST', { text: 'Anyone there?' }, shopper),
    )
    expect(said.status).toBe(201)
    const started = await inboxOnB.nextOf('conversation')
    expect(started.data).toMatchObject({ change: 'started' })
    const { conversation } = await said.json()
    const box = await inboxOf()
    expect(box.views['chats']).toEqual({
      total: (before.views['chats']?.total ?? 0) + 1,
      unread: (before.views['chats']?.unread ?? 0) + 1,
    })
    expect(box.waiting.map((w) => w.conversationId)).toContain(conversation.id)

    // Set away on B: shoppers on A are told no one is in; back again, and then the tab closes.
    await fetch(`${b.url}/v1/agent/presence/away`, json('PUT', { away: true }, agent))
    expect(await online()).toBe(false)
    await fetch(`${b.url}/v1/agent/presence/away`, json('PUT', { away: false }, agent))
    expect(await online()).toBe(true)
    const closed = await fetch(`${b.url}/v1/agent/presence/tabs/tab-on-b-0001`, {
      method: 'DELETE',
      headers: agent,
    })
    expect(closed.status).toBe(204)
    expect(await online()).toBe(false)
    await inboxOnB.close()
  }, 90_000)
})
