import type { TicketStreamEvent } from '@porchlight/shared/api/inbox'
import type { Transaction } from 'kysely'
import { insertChatEvent } from '../../db/chat-events.repository.ts'
import type { Database } from '../../db/schema.ts'
import type { Ticket } from '../../db/tickets.repository.ts'

/**
 * A new ticket on the console's event stream, so an inbox hears of it without a reload and a
 * console that reconnects gets it in the replay. Written in the ticket's own transaction with
 * an event number taken (nextChatSeq) before the ticket's: chat writes take the two locks in
 * that order too, so the two paths cannot deadlock. Agents only; the shopper's stream never
 * carries it. The event's thread is the ticket itself (it has no conversation).
 */
export async function recordNewTicket(
  trx: Transaction<Database>,
  seq: number,
  ticket: Pick<Ticket, 'id' | 'store_id' | 'number' | 'type' | 'channel'>,
  at: Date,
): Promise<void> {
  const data: TicketStreamEvent = {
    ticketId: ticket.id,
    number: ticket.number,
    type: ticket.type,
    channel: ticket.channel,
  }
  await insertChatEvent(trx, {
    store_id: ticket.store_id,
    seq,
    kind: 'ticket',
    conversation_id: ticket.id,
    audience: 'agents',
    visitor_id: null,
    identity_kind: null,
    identity_value: null,
    data: JSON.stringify(data),
    created_at: at.getTime(),
  })
}
