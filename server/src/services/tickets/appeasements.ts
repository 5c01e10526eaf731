import type { AppeasementReason } from '@porchlight/shared/api/returns'
import { lineRefundables } from '@porchlight/shared/orders/line-refunds'
import type { Money, Order } from '@porchlight/shared/orders/model'
import type { Store } from '../../db/stores.repository.ts'
import { changeTicket, listTicketEvents, type Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { emitTicketEvent, emitTicketUpdated } from '../webhooks/emit.ts'
import { requireStoreOrder, runClaimedAction } from './claimed-action.ts'
import type { DecisionDeps } from './decisions.ts'
import { checkRefundable } from './refunds.ts'
import { refusal, storeFailure } from './store-failures.ts'
import { queueTicketNotice } from './ticket-notices.ts'
import { ticketOrderView, type TicketOrderView } from './ticket-order.ts'
import { requireTicket } from './ticket-page.ts'

export interface AppeasementInput {
  ticketId: string
  agent: { id: string; name: string }
  version: number
  lineItemId: string
  amount: Money
  reason: AppeasementReason
  comment?: string | undefined
}

/** 422 line_not_on_order / appeasement_exceeds_line unless `amount` fits the line's remainder. */
export function checkLineRefundable(order: Order, lineItemId: string, amount: Money) {
  const line = lineRefundables(order).lines.find((l) => l.lineItemId === lineItemId)
  if (line === undefined) {
    throw new AppError('line_not_on_order', `Line ${lineItemId} is not on this order.`)
  }
  checkRefundable(order, amount)
  if (amount.amount > line.refundable) {
    throw new AppError(
      'appeasement_exceeds_line',
      `At most ${line.refundable} (minor units) remains refundable on “${line.title}”.`,
      { refundable: { amount: line.refundable, currency: order.currency } },
    )
  }
  return line
}

/**
 * An agent refunds part of one line (a damaged item kept, a late parcel) with a reason and a
 * comment. Checked against what remains on that line and on the order, on the order as the
 * store has it now, before the store is asked; then one refund naming the line, with a key
 * derived from the ticket (Shopify's `@idempotent`), claimed so a double click refunds once.
 */
export async function appeaseLine(
  deps: DecisionDeps,
  store: Store,
  input: AppeasementInput,
): Promise<{ ticket: Ticket; order: TicketOrderView | null }> {
  const ticket = await requireTicket(deps, store.id, input.ticketId)
  if (ticket.order_id === null) {
    throw refusal('refund_not_allowed', 'no_order', 'This ticket is not about an order.')
  }
  const orderId = ticket.order_id
  const adapter = deps.storeAdapters(store)
  const order = await requireStoreOrder(adapter, orderId)
  // Refused before anything is claimed or asked of the store.
  checkLineRefundable(order, input.lineItemId, input.amount)
  return runClaimedAction(
    deps,
    store,
    {
      ticket,
      version: input.version,
      agentId: input.agent.id,
      action: 'refund',
      failureKind: 'appeasement_failed',
    },
    async () => {
      // Under the claim: the order again, as another refund may have landed since.
      const fresh = await requireStoreOrder(adapter, orderId)
      const line = checkLineRefundable(fresh, input.lineItemId, input.amount)
      const item = fresh.lineItems.find((l) => l.id === input.lineItemId)
      const unitsLeft = item === undefined ? 0 : item.quantity - item.refundedQuantity
      const done = (await listTicketEvents(deps.db, store.id, ticket.id)).filter(
        (e) => e.kind === 'appeased',
      ).length
      const result = await adapter.refund(orderId, {
        amount: input.amount,
        // Names the line so the store (and our per-line remainder) attributes the money to it.
        ...(unitsLeft > 0 ? { lines: [{ lineItemId: input.lineItemId, quantity: 1 }] } : {}),
        idempotencyKey: `porchlight-${ticket.id}-appeasement-${done + 1}`,
        note: `Appeasement (${input.reason}) from Porchlight by ${input.agent.name} (ticket #${
          ticket.number
        }) on ${line.title}${input.comment ? `: ${input.comment}` : ''}`,
      })
      if (!result.ok) throw storeFailure('refund_not_allowed', result)
      return { order: result.value, title: line.title }
    },
    async (trx, { order: after, title }, now) => {
      const data = {
        lineItemId: input.lineItemId,
        title,
        amount: input.amount,
        reason: input.reason,
        ...(input.comment ? { comment: input.comment } : {}),
        storeCall: 'refund',
      }
      const changed = await changeTicket(trx, store.id, ticket.id, {
        changes: {},
        event: { kind: 'appeased', actor: { kind: 'agent', id: input.agent.id }, data },
        now,
      })
      if (changed === undefined) throw new Error(`ticket ${ticket.id} vanished during a refund`)
      await queueTicketNotice(trx, {
        ticket: changed,
        store,
        notice: { kind: 'refund', amount: input.amount },
        now,
      })
      const extra = { appeasement: { by: input.agent.id, ...data } }
      await emitTicketEvent(trx, { event: 'appeasement.created', ticket: changed, now, extra })
      await emitTicketUpdated(trx, {
        storeId: store.id,
        ticket: changed,
        changes: {},
        by: input.agent.id,
        now,
        extra,
      })
      return { ticket: changed, order: ticketOrderView(after, store, now) }
    },
  )
}
