import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CapturedMessage } from '../../adapters/dev-outbox/dev-outbox.ts'
import { DEMO_AGENT, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import {
  INBOUND_DOMAIN,
  INBOUND_SECRET,
  mime,
} from '../../services/mail-replies/mail-replies-test-kit.ts'
import { testDialect } from '../../test/harness.ts'
import { jsonInit as json, sharedPostgres } from '../../test/shared-postgres.ts'
import { readSse } from '../../test/sse-client.ts'
import { agentSignIn, type SpawnedServer } from '../../test/spawn-server.ts'

const db = sharedPostgres()
const env = { INBOUND_MAIL_DOMAIN: INBOUND_DOMAIN, INBOUND_MAIL_SECRET: INBOUND_SECRET }

/**
 * The acknowledgement's reply address as the shopper's mailbox shows it. Either process's
 * outbox worker may deliver it (each claims due rows), so both dev outboxes are read; the
 * wait ends as soon as one holds it.
 */
async function replyAddressMailed(servers: SpawnedServer[], to: string): Promise<string> {
  for (;;) {
    for (const s of servers) {
      const { messages } = (await (await fetch(`${s.url}/dev/outbox.json`)).json()) as {
        messages: CapturedMessage[]
      }
      const ack = messages.find((m) => m.channel === 'email' && m.to === to)
      if (ack?.channel === 'email' && ack.replyTo !== undefined) return ack.replyTo
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * Two real server processes on one PostgreSQL database: a shopper's emailed reply taken in by
 * one process (the provider's inbound route may reach any of them) must land live on a
 * console whose stream the other process holds.
 */
describe.skipIf(testDialect !== 'postgres')('email replies across processes', () => {
  it('carries a reply posted to B’s inbound endpoint to the ticket stream open on A', async () => {
    const a = await db.spawn(env)
    const b = await db.spawn(env)
    const agent = await agentSignIn(a.url, DEMO_AGENT.email, DEMO_AGENT.password)
    const streamTicket = await fetch(`${a.url}/v1/agent/conversations/stream-tickets`, {
      method: 'POST',
      headers: agent,
    })
    expect(streamTicket.status).toBe(201)
    const consoleOnA = readSse(await fetch(a.url + (await streamTicket.json()).url))
    expect((await consoleOnA.next()).event).toBe('ready')

    const email = `eve-${randomBytes(4).toString('hex')}@example.com`
    const filed = await fetch(
      `${a.url}/v1/contact`,
      json(
        'POST',
        { message: 'Where is my parcel?', name: 'Eve', email, locale: 'en' },
        {
          'x-porchlight-key': DEMO_WIDGET_KEY,
          'idempotency-key': `k-${randomBytes(8).toString('hex')}`,
        },
      ),
    )
    expect(filed.status).toBe(201)
    const { ticketId } = (await filed.json()) as { ticketId: string }
    const replyTo = await replyAddressMailed([a, b], email)

    const raw = await mime({
      from: `Eve <${email}>`,
      to: replyTo,
      text: 'It came today, thank you!\n\nOn Mon, 7 Dec 2026, Lumen & Loom wrote:\n> We received your message.',
    })
    const taken = await fetch(`${b.url}/v1/inbound/mail/${INBOUND_SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: new Uint8Array(raw),
    })
    expect(taken.status).toBe(202)
    expect(await taken.json()).toEqual({ outcome: 'posted' })

    const live = await consoleOnA.nextOf('ticket_event')
    expect(live.data).toMatchObject({
      ticketId,
      event: {
        kind: 'message',
        actor: { kind: 'shopper' },
        data: { body: 'It came today, thank you!', channel: 'email', from: email },
      },
    })
    // And A's ticket page, read from the shared database, has it in the history.
    const page = (await (
      await fetch(`${a.url}/v1/agent/tickets/${ticketId}`, { headers: agent })
    ).json()) as { history: { kind: string; data: { body?: string } }[] }
    expect(page.history.filter((e) => e.kind === 'message').map((e) => e.data.body)).toEqual([
      'It came today, thank you!',
    ])
    await consoleOnA.close()
  }, 90_000)
})
