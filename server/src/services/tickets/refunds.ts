import type { DecisionDeps } from './decisions.ts'
import type { Money, Order } from '@porchlight/shared/orders/model'
import type { AppDeps } from '../../deps.ts'
import type { Store } from '../../db/stores.repository.ts'
import {
  changeTicket,
  listTicketEvents,
  type Ticket,
  type TicketChanges,
} from '../../db/tickets.repository.ts'
import { emitTicketUpdated, ticketChangesJson } from '../webhooks/emit.ts'
import { claimTicketAction, releaseTicketAction } from './action-claims.ts'
import { refusal, storeFailure } from './store-failures.ts'
import { tellShopperChat } from '../chat/system-messages.ts'
import { queueTicketNotice } from './ticket-notices.ts'
import { ticketOrderView, type TicketOrderView } from './ticket-order.ts'
import { actionInProgressError, requireTicket, versionConflict } from './ticket-page.ts'

/** What a refund needs: the ticket's tables, the store, the clock and the outbox. */
/** The same slice as a decision's: a refund is carried out and reported the same way. */
export type RefundDeps = DecisionDeps

export interface RefundRequest {
  ticketId: string
  agent: { id: string; name: string }
  version: number
  amount: Money
  /** For the store and the history; not sent to the shopper. */
  note?: string | undefined
}

/** 422 refund_not_allowed unless `amount` fits in what the order has left to refund. */
export function checkRefundable(order: Order, amount: Money): void {
  if (amount.currency !== order.currency) {
    throw refusal(
      'refund_not_allowed',
      'currency_mismatch',
      `This order is in ${order.currency}.`,
      {
        currency: order.currency,
      },
    )
  }
  const left = Math.max(0, order.totals.paid.amount - order.totals.refunded.amount)
  const refundable = { amount: left, currency: order.currency }
  if (left === 0) {
    throw refusal('refund_not_allowed', 'nothing_refundable', 'Nothing is left to refund.', {
      refundable,
    })
  }
  if (amount.amount > left) {
    throw refusal(
      'refund_not_allowed',
      'refund_exceeds_refundable',
      'The amount is more than what remains refundable on this order.',
      { refundable },
    )
  }
}

/**
 * The ticket's next refund: the same key until one succeeds, so an agent retrying after a
 * timeout asks the store for the refund it may already have made, not for a second one.
 */
async function refundKey(deps: Pick<AppDeps, 'db'>, storeId: string, ticketId: string) {
  const events = await listTicketEvents(deps.db, storeId, ticketId)
  const done = events.filter((e) => e.kind === 'refunded').length
  return `porchlight-${ticketId}-refund-${done + 1}`
}

/**
 * A partial refund or a gesture of goodwill on the ticket's order, to the original payment
 * method, no larger than what remains refundable (checked here on the order as the store has
 * it now, and again by the store). Claimed like a decision, so a double click or two agents
 * refund once. A return waiting for its refund (pending release) is released by it.
 */
export async function refundTicket(
  deps: RefundDeps,
  store: Store,
  input: RefundRequest,
): Promise<{ ticket: Ticket; order: TicketOrderView | null }> {
  const ticket = await requireTicket(deps, store.id, input.ticketId)
  if (ticket.order_id === null) {
    throw refusal('refund_not_allowed', 'no_order', 'This ticket is not about an order.')
  }
  const orderId = ticket.order_id
  const claim = await claimTicketAction(deps.db, {
    storeId: store.id,
    ticketId: ticket.id,
    version: input.version,
    agentId: input.agent.id,
    action: 'refund',
    now: deps.clock.now(),
  })
  if (!claim.ok) {
    throw claim.why === 'in_progress'
      ? await actionInProgressError(deps, store.id, ticket.id)
      : await versionConflict(deps, store.id, ticket.id)
  }
  let after: Order
  try {
    const adapter = deps.storeAdapters(store)
    const order = await adapter.getOrder(orderId)
    if (order === undefined) {
      throw refusal('refund_not_allowed', 'order_not_found', 'The store has no such order.')
    }
    checkRefundable(order, input.amount)
    const result = await adapter.refund(orderId, {
      amount: input.amount,
      idempotencyKey: await refundKey(deps, store.id, ticket.id),
      note: `Refund from Porchlight by ${input.agent.name} (ticket #${ticket.number})${
        input.note ? `: ${input.note}` : ''
      }`,
    })
    if (!result.ok) throw storeFailure('refund_not_allowed', result)
    after = result.value
  } catch (err) {
    await releaseTicketAction(deps.db, ticket.id, claim.token, {
      storeId: store.id,
      kind: 'refund_failed',
      actor: { kind: 'agent', id: input.agent.id },
      error: err,
      now: deps.clock.now(),
    })
    throw err
  }
  const now = deps.clock.now()
  const fresh = await deps.db.transaction().execute(async (trx) => {
    await releaseTicketAction(trx, ticket.id, claim.token)
    const changes: TicketChanges = { refund_status: 'released' }
    const changed = await changeTicket(trx, ticket.store_id, ticket.id, {
      changes,
      event: {
        kind: 'refunded',
        actor: { kind: 'agent', id: input.agent.id },
        data: {
          amount: input.amount,
          ...(input.note ? { note: input.note } : {}),
          refundStatus: 'released',
        },
      },
      now,
    })
    if (changed === undefined) throw new Error(`ticket ${ticket.id} vanished during its refund`)
    await queueTicketNotice(trx, {
      ticket: changed,
      store,
      notice: { kind: 'refund', amount: input.amount },
      now,
    })
    await emitTicketUpdated(trx, {
      storeId: store.id,
      ticket: changed,
      changes: ticketChangesJson(changes),
      by: input.agent.id,
      now,
      extra: { refund: { by: input.agent.id, amount: input.amount } },
    })
    return changed
  })
  deps.outbox.wake()
  if (fresh.order_name !== null) {
    await tellShopperChat(deps, store, fresh, {
      kind: 'order_status_changed',
      change: 'refunded',
      orderName: fresh.order_name,
    })
  }
  return { ticket: fresh, order: ticketOrderView(after, store, now) }
}
