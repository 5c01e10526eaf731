/**
 * A shopper's answer to a ticket email, however it arrived (the SMTP receiver or a provider's
 * HTTP post): parsed, checked, and posted in the ticket's thread, held for an agent when
 * someone other than the ticket's shopper wrote it, or dropped with a log line. Nothing here
 * ever opens a ticket or sends mail, so no input can start a second ticket or a reply storm;
 * and each message (by its Message-ID) is taken in once, however often it is handed over.
 */
import { createHash } from 'node:crypto'
import type { AppDeps } from '../../deps.ts'
import {
  claimInboundMessage,
  findReplyAddress,
  insertHeldReply,
} from '../../db/mail-replies.repository.ts'
import { findTicket, type Ticket } from '../../db/tickets.repository.ts'
import { newId } from '../../ids.ts'
import { chatWrite } from '../chat/chat-writes.ts'
import { keepAttachments } from './attachments.ts'
import { automatedMail, type LoopReason } from './mail-loop.ts'
import { parseReplyMail } from './parse-mail.ts'
import { tokenOf } from './reply-address.ts'
import { stripQuotedReply } from './strip-reply.ts'
import { announceHeld } from './held-replies.ts'
import { postInThread, storeAttachments } from './thread-post.ts'

export type ReceiveDeps = Pick<AppDeps, 'db' | 'clock' | 'bus' | 'logger' | 'outbox' | 'config'>

export type DropReason =
  | 'not_configured'
  | 'malformed'
  | 'no_reply_address'
  | 'unknown_token'
  | 'expired_token'
  | 'empty'
  | 'duplicate'
  | LoopReason

export type ReceiveOutcome =
  | { kind: 'posted'; ticketId: string; eventId: string }
  | { kind: 'held'; ticketId: string; heldId: string }
  | { kind: 'dropped'; reason: DropReason }

/** The longest reply kept; the rest of a very long email is cut (the agent sees it was). */
export const MAX_REPLY_CHARS = 20_000

export async function receiveReplyMail(
  deps: ReceiveDeps,
  raw: Buffer,
  envelope: { via: 'smtp' | 'http'; recipients?: string[] },
): Promise<ReceiveOutcome> {
  const outcome = await receive(deps, raw, envelope)
  const fields = { via: envelope.via, bytes: raw.length }
  if (outcome.kind === 'dropped')
    deps.logger.info('inbound mail dropped', { ...fields, ...outcome })
  else deps.logger.info('inbound mail taken in', { ...fields, ...outcome })
  return outcome
}

async function receive(
  deps: ReceiveDeps,
  raw: Buffer,
  envelope: { recipients?: string[] },
): Promise<ReceiveOutcome> {
  const domain = deps.config.inboundMail?.domain
  if (domain === undefined) return dropped('not_configured')
  const mail = await parseReplyMail(raw)
  if (mail === undefined) return dropped('malformed')
  const loop = automatedMail(mail.headers)
  if (loop !== null) return dropped(loop)
  // Mail from one of our reply addresses is one of ours bounced or forwarded back.
  if (tokenOf(mail.from, domain) !== undefined) return dropped('our_own_message')

  const recipients = envelope.recipients?.length ? envelope.recipients : mail.recipients
  const token = recipients.map((r) => tokenOf(r, domain)).find((t) => t !== undefined)
  if (token === undefined) return dropped('no_reply_address')
  const address = await findReplyAddress(deps.db, token)
  if (address === undefined) return dropped('unknown_token')
  const now = deps.clock.now()
  if (address.expires_at <= now.getTime()) return dropped('expired_token')
  const ticket = await findTicket(deps.db, address.store_id, address.ticket_id)
  if (ticket === undefined) return dropped('unknown_token')

  const text = stripQuotedReply(mail.text)
  const body = text.length > MAX_REPLY_CHARS ? `${text.slice(0, MAX_REPLY_CHARS)}…` : text
  const { kept } = keepAttachments(mail.attachments)
  if (body === '' && kept.length === 0) return dropped('empty')

  // The same message again (a sender's retry, both receivers) is the same key: one reply.
  const key = createHash('sha256')
    .update(`${ticket.id}\n${mail.messageId ?? createHash('sha256').update(raw).digest('hex')}`)
    .digest('hex')
  const reply = { from: mail.from, subject: mail.subject.slice(0, 300), body }
  return chatWrite(deps, ticket.store_id, async (w) => {
    if (!(await claimInboundMessage(w.trx, key, now.getTime()))) return dropped('duplicate')
    if (!isShopper(ticket, mail.from)) {
      const heldId = newId('hr')
      await insertHeldReply(w.trx, {
        id: heldId,
        store_id: ticket.store_id,
        ticket_id: ticket.id,
        from_address: reply.from,
        subject: reply.subject,
        body: reply.body,
        created_at: now.getTime(),
      })
      await storeAttachments(w.trx, ticket, kept, heldId, now)
      await announceHeld(w, ticket, heldId, now)
      return { kind: 'held', ticketId: ticket.id, heldId } as const
    }
    const attachments = await storeAttachments(w.trx, ticket, kept, null, now)
    const event = await postInThread(w, ticket, { ...reply, attachments }, now)
    return { kind: 'posted', ticketId: ticket.id, eventId: event.id } as const
  })
}

const dropped = (reason: DropReason): ReceiveOutcome => ({ kind: 'dropped', reason })

/** The ticket's shopper: their verified email, or the email they typed on the ticket. */
function isShopper(ticket: Ticket, from: string): boolean {
  const own = [
    ticket.identity_kind === 'email' ? ticket.identity_value : null,
    ticket.contact_email,
  ].filter((a): a is string => a !== null)
  return own.some((a) => a.toLowerCase() === from.toLowerCase())
}
