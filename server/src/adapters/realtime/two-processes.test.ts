import { describe, expect, it } from 'vitest'
import { DEMO_AGENT, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { testDialect } from '../../test/harness.ts'
import { jsonInit as json, sharedPostgres } from '../../test/shared-postgres.ts'
import { readSse } from '../../test/sse-client.ts'
import { agentSignIn } from '../../test/spawn-server.ts'

const db = sharedPostgres()

/**
 * Two real server processes on one PostgreSQL database (a fresh schema): what is posted to one
 * must reach an event stream held by the other, through LISTEN/NOTIFY.
 */
describe.skipIf(testDialect !== 'postgres')('chat across two server processes', () => {
  it('carries messages both ways between processes, and closes streams on shutdown', async () => {
    // A short deadline: a stream that kept its connection open would show up as a forced close.
    const env = { SHUTDOWN_TIMEOUT_MS: '2000' }
    // One after the other: the first applies the migrations and seeds the demo store.
    const a = await db.spawn(env)
    const b = await db.spawn(env)

    const agent = await agentSignIn(b.url, DEMO_AGENT.email, DEMO_AGENT.password)
    const agentTicket = await fetch(`${b.url}/v1/agent/conversations/stream-tickets`, {
      method: 'POST',
      headers: agent,
    })
    expect(agentTicket.status).toBe(201)
    const consoleOnB = readSse(await fetch(b.url + (await agentTicket.json()).url))
    expect((await consoleOnB.next()).event).toBe('ready')

    const key = { 'x-porchlight-key': DEMO_WIDGET_KEY }
    const visitor = await fetch(
      `${a.url}/v1/conversations/visitors`,
      json('POST', { name: 'Ada', email: 'ada@example.com' }, key),
    )
    const shopper = { ...key, authorization: `Bearer ${(await visitor.json()).token}` }
    const posted = await fetch(
      `${a.url}/v1/conversations/current/messages`,
      json('POST', { text: 'Posted to process A' }, shopper),
    )
    expect(posted.status).toBe(201)
    const conversationId = (await posted.json()).conversation.id

    const onB = await consoleOnB.nextOf('message')
    expect(onB.data).toMatchObject({ conversationId, message: { text: 'Posted to process A' } })

    // And back: the shopper's stream on A hears the agent answering on B.
    const shopperTicket = await fetch(
      `${a.url}/v1/conversations/stream-tickets`,
      json('POST', {}, shopper),
    )
    const shopperOnA = readSse(await fetch(a.url + (await shopperTicket.json()).url))
    expect((await shopperOnA.next()).event).toBe('ready')
    const answered = await fetch(
      `${b.url}/v1/agent/conversations/${conversationId}/messages`,
      json('POST', { text: 'Answered on process B' }, agent),
    )
    expect(answered.status).toBe(201)
    const onA = await shopperOnA.nextOf('message')
    expect(onA.data).toMatchObject({
      message: { text: 'Answered on process B', author: { kind: 'agent' } },
    })

    // Typing signals are never stored: they cross processes on the bus alone.
    await fetch(`${b.url}/v1/agent/conversations/${conversationId}/typing`, {
      method: 'POST',
      headers: agent,
    })
    expect((await shopperOnA.next()).event).toBe('typing')

    // Graceful shutdown ends the open stream and the process exits cleanly.
    const exit = b.stop('SIGTERM')
    await consoleOnB.untilEnd()
    expect(await exit).toBe(0)
    expect(b.output()).not.toContain('shutdown deadline reached')
    await shopperOnA.close()
  }, 90_000)
})
