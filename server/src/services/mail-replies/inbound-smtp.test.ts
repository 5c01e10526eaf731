import net from 'node:net'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import { afterEach, describe, expect, it } from 'vitest'
import { findTicket } from '../../db/tickets.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { testDialect } from '../../test/harness.ts'
import { startInboundSmtp } from './inbound-smtp.ts'
import {
  dropReasons,
  footprint,
  replyApp,
  ticketMessages,
  ticketWithReplyAddress,
  type ReplyCtx,
} from './mail-replies-test-kit.ts'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** The app with its SMTP receiver listening on a free loopback port, as the server starts it. */
async function withReceiver(
  env: Record<string, string> = {},
): Promise<ReplyCtx & { port: number }> {
  const ctx = await replyApp({ INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1', ...env })
  const receiver = await startInboundSmtp(ctx.deps)
  if (receiver === undefined) throw new Error('receiver not started')
  closers.push(() => receiver.close())
  return { ...ctx, port: receiver.port }
}

/** Types SMTP commands one by one and collects each answer (the greeting first). */
async function converse(port: number, commands: string[]): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1')
  const answers: string[] = []
  let buffer = ''
  let wake: (() => void) | undefined
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    // A reply ends with a line whose code is followed by a space (not "250-").
    if (/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(buffer)) {
      answers.push(buffer)
      buffer = ''
      wake?.()
    }
  })
  const answer = () =>
    new Promise<void>((resolve) => {
      wake = resolve
      if (answers.length > sent) resolve()
    })
  let sent = 0
  await answer()
  for (const command of commands) {
    sent += 1
    socket.write(`${command}\r\n`)
    await answer()
  }
  socket.destroy()
  return answers
}

/** A mail server handing a message to our MX: a real SMTP conversation over 127.0.0.1. */
function deliver(port: number, message: SendMailOptions) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
  })
  return transport.sendMail(message).finally(() => transport.close())
}

describe(`the built-in SMTP receiver (${testDialect})`, () => {
  it('takes a reply over SMTP into the ticket’s thread and reopens the ticket', async () => {
    const ctx = await withReceiver()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    await ctx.db
      .updateTable('tickets')
      .set({ status: 'resolved', resolved_at: 1 })
      .where('id', '=', ticketId)
      .execute()
    const info = await deliver(ctx.port, {
      from: 'Eve <eve@example.com>',
      to: replyTo,
      subject: 'Re: We received your message T-1001',
      text: 'Yes please, send a new one.\n\n-- \nEve\nSent from my phone',
    })
    expect(info.accepted).toEqual([replyTo])
    expect(await ticketMessages(ctx, ticketId)).toMatchObject([
      {
        body: 'Yes please, send a new one.',
        channel: 'email',
        subject: 'Re: We received your message T-1001',
      },
    ])
    expect(await findTicket(ctx.db, DEMO_STORE_ID, ticketId)).toMatchObject({ status: 'open' })
  })

  it('relays nothing: a recipient outside the inbound domain is refused', async () => {
    const ctx = await withReceiver()
    const err = await deliver(ctx.port, {
      from: 'spam@example.com',
      to: 'victim@example.org',
      text: 'x',
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ responseCode: 550 })
  })

  it('refuses a 30 MB message at MAIL FROM, from its declared SIZE, before any of it is sent', async () => {
    const ctx = await withReceiver()
    const { ticketId } = await ticketWithReplyAddress(ctx)
    const before = await footprint(ctx)
    // A mail server reads the SIZE we advertise and declares what it is about to send (RFC
    // 1870); nodemailer would not even try, so the conversation is typed out here.
    const answers = await converse(ctx.port, [
      'EHLO mx.example.com',
      `MAIL FROM:<eve@example.com> SIZE=${30 * 1024 * 1024}`,
      'QUIT',
    ])
    expect(answers[1]).toMatch(/^250[ -].*SIZE 15728640/m)
    expect(answers[2]).toMatch(/^552 /)
    expect(await ticketMessages(ctx, ticketId)).toEqual([])
    expect(await footprint(ctx)).toEqual(before)
  })

  it('refuses a message that passes the limit without declaring it, keeping nothing', async () => {
    const ctx = await withReceiver({ INBOUND_MAIL_MAX_BYTES: String(1024 * 1024) })
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const before = await footprint(ctx)
    const err = await deliver(ctx.port, {
      from: 'eve@example.com',
      to: replyTo,
      text: 'x'.repeat(2 * 1024 * 1024),
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ responseCode: 552 })
    expect(await ticketMessages(ctx, ticketId)).toEqual([])
    expect(await footprint(ctx)).toEqual(before)
    expect(dropReasons(ctx)).toEqual(['too_large'])
  })

  it('accepts and drops machine mail and unknown addresses, so senders learn nothing', async () => {
    const ctx = await withReceiver()
    const { ticketId, replyTo } = await ticketWithReplyAddress(ctx)
    const before = await footprint(ctx)
    await deliver(ctx.port, {
      from: 'eve@example.com',
      to: replyTo,
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'Out of office',
    })
    await deliver(ctx.port, {
      from: 'eve@example.com',
      to: `reply+${'0'.repeat(40)}@${replyTo.split('@')[1]}`,
      text: 'Guessing',
    })
    expect(await ticketMessages(ctx, ticketId)).toEqual([])
    expect(await footprint(ctx)).toEqual(before)
    expect(dropReasons(ctx)).toEqual(['auto_submitted', 'unknown_token'])
  })
})
