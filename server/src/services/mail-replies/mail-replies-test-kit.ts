import nodemailer from 'nodemailer'
import type { RequestFiled } from '@porchlight/shared/api/requests'
import { createTestApp } from '../../test/harness.ts'
import { delivered, postContact } from '../../routes/requests/requests-test-support.ts'

export const INBOUND_DOMAIN = 'replies.lumen.example'
export const INBOUND_SECRET = 'inbound-secret-0123456789abcdefghijklmnop'

export type ReplyCtx = Awaited<ReturnType<typeof replyApp>>

/** The app with replies received (both ways); `env` adds or overrides variables. */
export async function replyApp(env: Record<string, string> = {}) {
  return createTestApp({
    env: { INBOUND_MAIL_DOMAIN: INBOUND_DOMAIN, INBOUND_MAIL_SECRET: INBOUND_SECRET, ...env },
  })
}

/**
 * A contact ticket filed by `email` and its acknowledgement's reply address, as the shopper's
 * mailbox shows it.
 */
export async function ticketWithReplyAddress(ctx: ReplyCtx, email = 'eve@example.com') {
  const res = await postContact(ctx, {
    message: 'Where is my parcel?',
    name: 'Eve',
    email,
    locale: 'en',
  })
  if (res.status !== 201) throw new Error(`contact: ${res.status} ${await res.text()}`)
  const filed = (await res.json()) as RequestFiled
  const mail = (await delivered(ctx)).filter((m) => m.channel === 'email' && m.to === email).pop()
  if (mail?.channel !== 'email' || mail.replyTo === undefined) throw new Error('no reply address')
  return { ticketId: filed.ticketId, reference: filed.reference, replyTo: mail.replyTo }
}

export interface MimeInput {
  from: string
  to: string
  subject?: string
  text?: string
  html?: string
  headers?: Record<string, string>
  messageId?: string
  attachments?: Array<{ filename: string; content: Buffer; contentType?: string }>
}

/** A real MIME message, built by nodemailer the way a mail app writes one. */
export async function mime(input: MimeInput): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true })
  const info = await transport.sendMail({
    from: input.from,
    to: input.to,
    subject: input.subject ?? 'Re: We received your message',
    text: input.text ?? 'Thanks, it arrived today.',
    ...(input.html !== undefined ? { html: input.html } : {}),
    headers: input.headers ?? {},
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    attachments: input.attachments ?? [],
  })
  return info.message as Buffer
}

/** Posts a raw message to the inbound HTTP endpoint. */
export async function postInbound(
  ctx: ReplyCtx,
  raw: Buffer | string,
  secret = INBOUND_SECRET,
): Promise<Response> {
  return ctx.app.request(`/v1/inbound/mail/${secret}`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822' },
    body: typeof raw === 'string' ? raw : new Uint8Array(raw),
  })
}

/** The ticket's history as the console's ticket page reads it. */
export async function ticketMessages(ctx: ReplyCtx, ticketId: string) {
  const rows = await ctx.db
    .selectFrom('ticket_events')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', 'message')
    .orderBy('created_at')
    .execute()
  return rows.map((r) => JSON.parse(r.data) as Record<string, unknown>)
}

/** How many tickets and outbox rows exist: what a dropped message must not change. */
export async function footprint(ctx: ReplyCtx) {
  const [tickets, outbox] = await Promise.all([
    ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { tickets: Number(tickets.n), outbox: Number(outbox.n) }
}

/** The reasons of the 'inbound mail dropped' log lines so far. */
export function dropReasons(ctx: ReplyCtx): unknown[] {
  return ctx.logger.lines.filter((l) => l['msg'] === 'inbound mail dropped').map((l) => l['reason'])
}
