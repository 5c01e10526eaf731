import { appendTicketEvent, insertTicket, type Ticket } from '../../db/tickets.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { queueTicketNotice } from '../tickets/ticket-notices.ts'
import { emitTicketEvent } from '../webhooks/emit.ts'
import { requireStoreOrder } from './order-lookup.ts'

export type WriteDeps = Pick<AppDeps, 'db' | 'storeAdapters' | 'clock' | 'outbox'>

/**
 * An agent writes to the shopper of an order that has no conversation yet (a phone call, a
 * question asked elsewhere): a ticket about the order is opened, waiting on the shopper, with
 * the agent's message as its first reply, and the email (a text when the order has only a
 * phone) is queued in the same transaction. The shopper is the order's own contact, so their
 * signed-in panel lists the ticket with their orders.
 */
export async function writeToShopper(
  deps: WriteDeps,
  store: Store,
  input: { orderId: string; agent: { id: string; name: string }; body: string },
): Promise<Ticket> {
  const order = await requireStoreOrder(deps, store, input.orderId)
  const identity =
    order.email !== null
      ? ({ kind: 'email', value: order.email.toLowerCase() } as const)
      : order.phone !== null
        ? ({ kind: 'phone', value: order.phone } as const)
        : null
  if (identity === null) {
    throw new AppError('no_shopper_contact', 'This order has no email or phone to write to.')
  }
  const now = deps.clock.now()
  const locale = store.settings['defaultLocale']
  const ticket = await deps.db.transaction().execute(async (trx) => {
    const created = await insertTicket(trx, {
      store_id: store.id,
      type: 'contact',
      status: 'pending',
      channel: 'console',
      order_id: order.id,
      order_name: order.name,
      identity_kind: identity.kind,
      identity_value: identity.value,
      contact_name: (order.shippingAddress ?? order.billingAddress)?.name || null,
      contact_email: order.email,
      locale: typeof locale === 'string' ? locale : 'en',
      created_at: now.getTime(),
      updated_at: now.getTime(),
    })
    const actor = { kind: 'agent', id: input.agent.id } as const
    await appendTicketEvent(trx, {
      ticketId: created.id,
      storeId: store.id,
      kind: 'created',
      actor,
      data: { from: 'order', orderId: order.id },
      at: now,
    })
    const outboxId = await queueTicketNotice(trx, {
      ticket: created,
      store,
      notice: { kind: 'reply', body: input.body },
      now,
    })
    await appendTicketEvent(trx, {
      ticketId: created.id,
      storeId: store.id,
      kind: 'reply',
      actor,
      data: { body: input.body, channel: identity.kind === 'email' ? 'email' : 'sms', outboxId },
      at: now,
    })
    await emitTicketEvent(trx, { event: 'ticket.created', ticket: created, now })
    return created
  })
  deps.outbox.wake()
  return ticket
}
