import type { Transaction } from 'kysely'
import { enqueueContactAcknowledgement } from '../requests/acknowledgement.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import { appendTicketEvent, insertTicket, type Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { emitTicketEvent } from '../webhooks/emit.ts'
import type { ChatDeps } from './chat-writes.ts'
import type { ChatParticipant } from './participants.ts'

/** An address may leave this many offline messages an hour: enough for people, not for bots. */
export const OFFLINE_RATE = { limit: 5, windowMs: 3600_000 }

export interface OfflineMessage {
  name: string | null
  email: string
  message: string
  locale: string
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
  deps: ChatDeps,
  store: Store,
  participant: ChatParticipant | undefined,
  input: OfflineMessage,
): Promise<{ ticketNumber: number; acknowledgementQueued: boolean }> {
  const now = deps.clock.now()
  const email = input.email.toLowerCase()
  const recent = await deps.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('store_id', '=', store.id)
    .where('type', '=', 'contact')
    .where('contact_email', '=', email)
    .where('created_at', '>', now.getTime() - OFFLINE_RATE.windowMs)
    .executeTakeFirst()
  if (Number(recent?.n ?? 0) >= OFFLINE_RATE.limit) {
    throw new AppError('rate_limited', 'Too many messages from this address; try later.', 429, {
      retryAfterSeconds: OFFLINE_RATE.windowMs / 1000,
    })
  }
  const result = await deps.db.transaction().execute(async (trx) => {
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
    return { ticketNumber: ticket.number, acknowledgementQueued: ack.queued }
  })
  // The acknowledgement and the webhooks go out now rather than at the worker's next poll.
  deps.outbox.wake()
  return result
}
