/**
 * Each ticket's reply address: reply+<token>@<inbound domain>, the token 160 random bits kept
 * in ticket_reply_addresses (nothing about it follows from the ticket's number or id, so
 * nobody can write into a ticket they were not mailed about). Every email about the ticket
 * carries it and pushes its expiry on; a reply to an expired address is dropped.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { MailThread } from '../../adapters/mail/mailer.ts'
import { ensureReplyAddress } from '../../db/mail-replies.repository.ts'
import type { Database } from '../../db/schema.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import type { OutboxMessage } from '../outbox/outbox.ts'

/** How long after the last email about a ticket a reply to it is still taken in. */
export const REPLY_ADDRESS_TTL_MS = 180 * 24 * 3600_000

/** What an email's outbox payload holds of its thread (payloads.ts, `thread`). */
export interface ThreadParams {
  ticketId: string
  token: string
}

const TOKEN = /^[0-9a-f]{40}$/

/**
 * The message with its ticket's reply thread, for `enqueue` in the ticket's transaction. Only
 * emails get one (a text message cannot be answered into the ticket).
 */
export async function withReplyThread(
  trx: Kysely<Database>,
  ticket: Pick<Ticket, 'id' | 'store_id'>,
  message: OutboxMessage,
  now: Date,
): Promise<OutboxMessage> {
  if (message.channel !== 'email') return message
  if (message.template !== 'request-ack' && message.template !== 'ticket-notice') return message
  const token = await ensureReplyAddress(trx, {
    ticket_id: ticket.id,
    store_id: ticket.store_id,
    // Hex: mail systems may change the case of a local part, and hex survives that.
    fresh: randomBytes(20).toString('hex'),
    created_at: now.getTime(),
    expires_at: now.getTime() + REPLY_ADDRESS_TTL_MS,
  })
  const thread: ThreadParams = { ticketId: ticket.id, token }
  return { ...message, params: { ...message.params, thread } } as OutboxMessage
}

/** The headers' side of a thread: the address (when replies are received) and the root id. */
export function mailThread(
  thread: ThreadParams | undefined,
  inboundDomain: string | undefined,
): MailThread | undefined {
  if (thread === undefined) return undefined
  return {
    ...(inboundDomain !== undefined ? { replyTo: replyAddress(thread.token, inboundDomain) } : {}),
    root: threadRootId(thread.ticketId),
  }
}

export function replyAddress(token: string, domain: string): string {
  return `reply+${token}@${domain}`
}

/** The local part of the thread root's Message-ID: never one of ours sent (those are ob_…). */
export function threadRootId(ticketId: string): string {
  return `${ticketId}.thread`
}

/** The token of a reply address at our domain, or undefined for any other address. */
export function tokenOf(address: string, domain: string): string | undefined {
  const at = address.lastIndexOf('@')
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain) return undefined
  const local = address.slice(0, at).toLowerCase()
  if (!local.startsWith('reply+')) return undefined
  const token = local.slice('reply+'.length)
  return TOKEN.test(token) ? token : undefined
}
