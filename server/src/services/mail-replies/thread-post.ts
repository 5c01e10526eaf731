/**
 * A shopper's emailed reply in the ticket's thread: the 'message' event the console's history
 * shows (with its attachments listed), the ticket reopened when it was resolved or closed,
 * `message.created` for webhooks, and a 'ticket_event' on the store's live log so an open
 * console shows it without a reload, all in one chat write (one transaction, announced once
 * it commits).
 */
import type { Kysely } from 'kysely'
import { insertChatEvent } from '../../db/chat-events.repository.ts'
import { insertAttachment } from '../../db/mail-replies.repository.ts'
import type { Database } from '../../db/schema.ts'
import { appendTicketEvent, changeTicket, type Ticket } from '../../db/tickets.repository.ts'
import type { TicketEventRow } from '../../db/tickets.table.ts'
import { newId } from '../../ids.ts'
import type { ChatTrx } from '../chat/chat-writes.ts'
import { ticketEventJson } from '../tickets/ticket-view.ts'
import { emitMessageCreated, emitTicketUpdated } from '../webhooks/emit.ts'
import type { KeptAttachment } from './attachments.ts'

/** The live event's kind: the console's stream hears of a new ticket history entry by it. */
export const TICKET_EVENT_KIND = 'ticket_event'

export interface InboundReply {
  from: string
  subject: string
  body: string
  attachments: KeptAttachment[]
}

/** An attachment as the thread lists it: the bytes stay in mail_attachments. */
export interface StoredAttachment {
  id: string
  filename: string
  contentType: string
  size: number
}

/** Stores the attachments of a reply, for the thread (heldId null) or a held reply. */
export async function storeAttachments(
  trx: Kysely<Database>,
  ticket: Pick<Ticket, 'id' | 'store_id'>,
  attachments: KeptAttachment[],
  heldId: string | null,
  now: Date,
): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = []
  for (const a of attachments) {
    const id = newId('att')
    await insertAttachment(trx, {
      id,
      store_id: ticket.store_id,
      ticket_id: ticket.id,
      held_id: heldId,
      filename: a.filename,
      content_type: a.contentType,
      size: a.content.length,
      content: Buffer.from(a.content).toString('base64'),
      created_at: now.getTime(),
    })
    stored.push({ id, filename: a.filename, contentType: a.contentType, size: a.content.length })
  }
  return stored
}

/**
 * Puts an event about a ticket on the store's live log for its agents' streams (not a
 * conversation's event: the ticket names it, and shoppers' streams never see it).
 */
export async function announceToAgents(
  w: ChatTrx,
  ticketId: string,
  kind: string,
  data: Record<string, unknown>,
  at: Date,
) {
  await insertChatEvent(w.trx, {
    store_id: w.storeId,
    seq: await w.seq(),
    kind,
    conversation_id: ticketId,
    audience: 'agents',
    visitor_id: null,
    identity_kind: null,
    identity_value: null,
    data: JSON.stringify({ ticketId, ...data }),
    created_at: at.getTime(),
  })
}

/**
 * Posts the reply, its attachments stored already (storeAttachments), in the thread;
 * `acceptedBy` names the agent who let a held reply in.
 */
export async function postInThread(
  w: ChatTrx,
  ticket: Ticket,
  reply: Omit<InboundReply, 'attachments'> & { attachments: StoredAttachment[] },
  now: Date,
  acceptedBy: string | null = null,
): Promise<TicketEventRow> {
  const { trx } = w
  const event = await appendTicketEvent(trx, {
    ticketId: ticket.id,
    storeId: ticket.store_id,
    kind: 'message',
    actor: { kind: 'shopper', id: null },
    data: {
      body: reply.body,
      channel: 'email',
      subject: reply.subject,
      from: reply.from,
      attachments: reply.attachments,
      ...(acceptedBy !== null ? { acceptedBy } : {}),
    },
    at: now,
  })
  await announceToAgents(w, ticket.id, TICKET_EVENT_KIND, { event: ticketEventJson(event) }, now)
  let current = ticket
  if (ticket.status === 'resolved' || ticket.status === 'closed') {
    const reopened = await changeTicket(trx, ticket.store_id, ticket.id, {
      changes: { status: 'open' },
      event: { kind: 'updated', actor: { kind: 'shopper', id: null }, data: { status: 'open' } },
      now,
    })
    if (reopened !== undefined) {
      current = reopened
      await emitTicketUpdated(trx, {
        storeId: ticket.store_id,
        ticket: reopened,
        changes: { status: 'open' },
        by: null,
        now,
      })
    }
  }
  await emitMessageCreated(trx, {
    storeId: ticket.store_id,
    ticket: current,
    message: {
      id: event.id,
      author: { kind: 'shopper', id: null },
      body: reply.body,
      channel: 'email',
      at: now,
    },
    now,
  })
  w.queuedInOutbox()
  return event
}
