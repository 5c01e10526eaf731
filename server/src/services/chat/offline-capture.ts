import type { Transaction } from 'kysely'
import type { AppDeps } from '../../deps.ts'
import { enqueueContactAcknowledgement } from '../requests/acknowledgement.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import { appendTicketEvent, insertTicket, type Ticket } from '../../db/tickets.repository.ts'
import { emitTicketEvent } from '../webhooks/emit.ts'
import { offlineLimits, takeChatLimits } from './chat-limits.ts'
import { chatWrite, type ChatDeps } from './chat-writes.ts'
import { recordNewTicket } from './inbox-events.ts'
import type { ChatParticipant } from './participants.ts'

export interface OfflineMessage {
  name: string | null
  email: string
  message: string
  locale: string
  /** The client address (rate limits). */
  ip: string
}

/** The "we got your message, replies come by email" email, queued in the ticket's transaction. */
export function enqueueOfflineAcknowledgement(
  trx: Transaction<Database>,
  input: { store: Store; ticket: Ticket; email: string; locale: string },
): Promise<{ queued: boolean }> {
  return enqueueContactAcknowledgement(trx, input)
}

/** "Get replies by email": the message becomes a contact ticket the agents answer by email. */
export async function captureOfflineMessage(
  deps: ChatDeps & Pick<AppDeps, 'config'>,
  store: Store,
  participant: ChatParticipant | undefined,
  input: OfflineMessage,
): Promise<{ ticketNumber: number; acknowledgementQueued: boolean }> {
  const now = deps.clock.now()
  const email = input.email.toLowerCase()
  // A chat write: the new ticket goes out on the console stream with its event number.
  const result = await chatWrite(deps, store.id, async (w) => {
    const trx = w.trx
    // Per mailbox and per address, counted with the ticket: each one sends an email.
    await takeChatLimits(
      trx,
      offlineLimits(deps, store.id, email, input.ip),
      now,
      'Too many messages from this address; try later.',
    )
    const ticket = await insertTicket(trx, {
      store_id: store.id,
      type: 'contact',
      status: 'open',
      channel: 'chat',
      identity_kind: participant?.identity?.kind ?? null,
      identity_value: participant?.identity?.value ?? null,
      contact_name: input.name,
      contact_email: email,
      locale: input.locale,
      comment: input.message,
      tags: ['offline-chat'],
      created_at: now.getTime(),
      updated_at: now.getTime(),
    })
    const ack = await enqueueOfflineAcknowledgement(trx, {
      store,
      ticket,
      email,
      locale: input.locale,
    })
    await appendTicketEvent(trx, {
      ticketId: ticket.id,
      storeId: store.id,
      kind: 'offline_capture',
      actor: { kind: 'shopper', id: null },
      data: { acknowledgement: ack.queued ? 'queued' : 'not_sent' },
      at: now,
    })
    await emitTicketEvent(trx, { event: 'ticket.created', ticket, now })
    await recordNewTicket(trx, await w.seq(), ticket, now)
    return { ticketNumber: ticket.number, acknowledgementQueued: ack.queued }
  })
  // The acknowledgement and the webhooks go out now rather than at the worker's next poll.
  deps.outbox.wake()
  return result
}
