import { describe, expect, it } from 'vitest'
import { findTicket } from '../../db/tickets.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { mintAgent, openStream } from '../../test/chat-support.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import {
  dropReasons,
  footprint,
  INBOUND_DOMAIN,
  INBOUND_SECRET,
  mime,
  postInbound,
  replyApp,
  ticketMessages,
  ticketWithReplyAddress,
} from '../../services/mail-replies/mail-replies-test-kit.ts'

/** A 30 MB body in 64 KB chunks that counts how many chunks were read of it. */
function thirtyMegabytes() {
  let pulled = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1
      if (pulled > 480) controller.close()
      else controller.enqueue(new Uint8Array(64 * 1024))
    },
  })
  return { body, pulled: () => pulled }
}

describe(`POST /v1/inbound/mail/:secret (${testDialect})`, () => {
  it('posts the shopper’s reply, quote stripped, in the thread and live on the console', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    expect(replyTo).toMatch(new RegExp(`^reply\\+[0-9a-f]{40}@${INBOUND_DOMAIN}$`))
    const agent = await mintAgent(ctx)
    const stream = await openStream(ctx, agent, 'agent')
    await stream.nextOf('ready')

    const raw = await mime({
      from: 'Eve <eve@example.com>',
      to: replyTo,
      text: 'It came today, thank you!\n\nOn Mon, 7 Dec 2026, Lumen & Loom <no-reply@lumen.example> wrote:\n> We received your message T-1001.',
    })
    const res = await postInbound(ctx, raw)
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ outcome: 'posted' })

    expect(await ticketMessages(ctx, ticketId)).toMatchObject([
      { body: 'It came today, thank you!', channel: 'email', from: 'eve@example.com' },
    ])
    const live = await stream.nextOf('ticket_event')
    expect(live.data).toMatchObject({
      ticketId,
      event: {
        kind: 'message',
        actor: { kind: 'shopper' },
        data: { body: 'It came today, thank you!' },
      },
    })
    await stream.close()
    // The console's ticket page shows it in the history.
    const page = await (await agent.get(`/v1/agent/tickets/${ticketId}`)).json()
    expect(page.history.map((e: { kind: string }) => e.kind)).toContain('message')
  })

  it('reopens a resolved ticket', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    await ctx.db
      .updateTable('tickets')
      .set({ status: 'resolved', resolved_at: 1 })
      .where('id', '=', ticketId)
      .execute()
    await postInbound(
      ctx,
      await mime({ from: 'eve@example.com', to: replyTo, text: 'Still not here.' }),
    )
    const ticket = await findTicket(ctx.db, DEMO_STORE_ID, ticketId)
    expect(ticket).toMatchObject({ status: 'open', resolved_at: null })
  })

  it('refuses a wrong secret, and answers nothing when the endpoint is off', async () => {
    const ctx = await replyApp()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const raw = await mime({ from: 'eve@example.com', to: replyTo })
    const wrong = await postInbound(ctx, raw, `${INBOUND_SECRET.slice(0, -1)}x`)
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error.code).toBe('inbound_secret_invalid')
    const short = await postInbound(ctx, raw, 'x')
    expect(short.status).toBe(401)
    expect(await ticketMessages(ctx, ticketId)).toEqual([])

    const off = await createTestApp({ env: { INBOUND_MAIL_DOMAIN: INBOUND_DOMAIN } })
    const res = await off.app.request(`/v1/inbound/mail/${INBOUND_SECRET}`, {
      method: 'POST',
      body: new Uint8Array(raw),
    })
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('inbound_mail_disabled')
  })

  it.each([
    ['no header block', 'just some text without headers'],
    ['no sender', 'Subject: hi\r\nTo: someone@example.com\r\n\r\nbody'],
    ['binary junk', Buffer.from([0, 1, 2, 3, 255, 254, 10, 10, 0])],
  ])('refuses malformed MIME (%s) with 400, storing nothing', async (_name, body) => {
    const ctx = await replyApp()
    await ticketWithReplyAddress(ctx)
    const before = await footprint(ctx)
    const res = await postInbound(ctx, body)
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('inbound_mail_malformed')
    expect(await footprint(ctx)).toEqual(before)
    expect(dropReasons(ctx)).toEqual(['malformed'])
  })

  it('refuses a 30 MB message from its Content-Length, before reading it', async () => {
    const ctx = await replyApp()
    const before = await footprint(ctx)
    const { body, pulled } = thirtyMegabytes()
    const res = await ctx.app.request(`/v1/inbound/mail/${INBOUND_SECRET}`, {
      method: 'POST',
      headers: { 'content-length': String(30 * 1024 * 1024) },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
    expect(pulled()).toBeLessThan(5)
    expect(await footprint(ctx)).toEqual(before)
    expect(dropReasons(ctx)).toEqual(['too_large'])
  })

  it('refuses a 30 MB message sent without a length once the limit is passed', async () => {
    const ctx = await replyApp()
    const { body, pulled } = thirtyMegabytes()
    const res = await ctx.app.request(`/v1/inbound/mail/${INBOUND_SECRET}`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    // The default limit is 15 MB: reading stopped about there, not at 30.
    expect(pulled() * 64 * 1024).toBeLessThan(17 * 1024 * 1024)
  })
})
