import { cancelEligibility, returnEligibility } from '@porchlight/shared/orders/eligibility'
import type { Money, Order } from '@porchlight/shared/orders/model'
import { returnSettings, type RefundOn } from '@porchlight/shared/orders/return-settings'
import { normalizeOrderRules } from '@porchlight/shared/orders/settings'
import type { StoreAdapter } from '../../adapters/store/store-adapter.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { AddressChange } from '../../db/ticket-address-changes.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { carryOutAddressChange } from './address-change-approval.ts'
import type { RefundStatus } from '../../db/tickets.table.ts'
import { createExchange, exchangeLines, plainLines } from './exchange-approval.ts'
import { approvedReturn, type ApprovedReturn } from './return-approval.ts'
import { refusal, ruleRefusal, storeFailure } from './store-failures.ts'
import type { TicketNotice } from './ticket-notices.ts'

/** `settings.returns.refundOn` (the store's "auto release refund"; see orders/return-settings). */
export function refundOn(store: Store): RefundOn {
  return returnSettings(store.settings).refundOn
}

/** What an approval did on the store, for the ticket, its history and the shopper. */
export interface Approval {
  refundStatus: RefundStatus | null
  /** Recorded in the 'approved' event. */
  data: Record<string, unknown>
  refund: Extract<TicketNotice, { kind: 'decision' }>['refund']
  /** The order after the action, when the store gave it back. */
  order: Order | undefined
  /** An approved return: what the shopper needs to send it back. */
  returned?: ApprovedReturn
}

/** A refund the request hoped for and that was not released is off (declined, nothing paid). */
export function refundCalledOff(ticket: Ticket): RefundStatus | null {
  const s = ticket.refund_status
  return s === 'requested' || s === 'pending_release' ? 'cancelled' : s
}

const refundable = (o: Order) => Math.max(0, o.totals.paid.amount - o.totals.refunded.amount)

async function currentOrder(adapter: StoreAdapter, ticket: Ticket): Promise<Order> {
  const order = ticket.order_id === null ? undefined : await adapter.getOrder(ticket.order_id)
  if (order === undefined) {
    throw refusal('decision_not_allowed', 'order_not_found', 'The store has no such order.')
  }
  return order
}

/**
 * Carries out the approval of a request on the store, after checking the store's rules on the
 * order as it is NOW (it may have shipped since the shopper asked). Time windows are judged at
 * the moment the shopper asked: a request filed in time is not lost to a slow queue. Whether
 * the shopper may still ask (`enabled`) does not bind the agent. Throws AppError on refusal.
 */
export async function carryOutApproval(
  adapter: StoreAdapter,
  store: Store,
  ticket: Ticket,
  input: {
    agentName: string
    reason: string | null
    instead?: 'refund' | undefined
    addressChange?: AddressChange | undefined
  },
): Promise<Approval> {
  const { rules } = normalizeOrderRules(store.settings['orderRules'])
  const askedAt = new Date(ticket.created_at)
  const note = `Approved in Porchlight by ${input.agentName} (ticket #${ticket.number})${
    input.reason ? `: ${input.reason}` : ''
  }`
  if (ticket.type === 'issue') {
    // Nothing to do on the store: the agent resolves an issue by replying or refunding.
    return { refundStatus: ticket.refund_status, data: {}, refund: null, order: undefined }
  }
  const order = await currentOrder(adapter, ticket)
  const orderId = order.id
  if (ticket.type === 'address_change') {
    return carryOutAddressChange(adapter, ticket, order, input.addressChange, note)
  }

  if (ticket.type === 'cancel') {
    const ok = cancelEligibility(
      order,
      { ...rules, cancel: { ...rules.cancel, enabled: true } },
      askedAt,
    )
    if (!ok.eligible) throw ruleRefusal(order, ok.reason)
    const owed = refundable(order)
    const result = await adapter.cancelOrder(orderId, {
      reason: 'customer',
      refund: owed > 0,
      restock: true,
      staffNote: note,
    })
    if (!result.ok) throw storeFailure('decision_not_allowed', result)
    const refunded = result.value.totals.refunded.amount - order.totals.refunded.amount
    const amount: Money | null =
      refunded > 0 ? { amount: refunded, currency: result.value.currency } : null
    const state = owed === 0 ? null : amount !== null ? 'released' : 'pending'
    return {
      // Paid: back to the original payment method (released once the store shows it);
      // unpaid: nothing to refund, so a refund the shopper hoped for is off.
      refundStatus:
        state === 'released'
          ? 'released'
          : state === 'pending'
            ? 'pending_release'
            : refundCalledOff(ticket),
      data: { orderStatus: result.value.status, refunded: amount },
      refund: state === null ? null : { state, amount },
      order: result.value,
    }
  }

  const ok = returnEligibility(
    order,
    { ...rules, return: { ...rules.return, enabled: true } },
    askedAt,
  )
  if (!ok.eligible) throw ruleRefusal(order, ok.reason)
  if (ticket.lines.length === 0) {
    throw refusal('decision_not_allowed', 'invalid_lines', 'The request names no items to return.')
  }
  // An exchange the shopper asked for is made unless the agent refunds instead.
  const exchanging = input.instead !== 'refund' && exchangeLines(ticket).length > 0
  const made = exchanging
    ? await createExchange(adapter, order, ticket, { note })
    : await openPlainReturn(adapter, order, ticket, note)
  const returned = await approvedReturn(adapter, order, ticket, made, made.exchange)
  const when = refundOn(store)
  const data: Record<string, unknown> = {
    returnId: made.returnId,
    reference: returned.reference,
    refundOn: when,
    storeCall: exchanging ? 'createExchange' : 'createReturn',
    ...(made.exchange !== undefined ? { exchange: made.exchange } : {}),
    ...(input.instead === 'refund' && exchangeLines(ticket).length > 0
      ? { insteadOfExchange: 'refund' }
      : {}),
  }
  // Exchanged lines are paid for with the goods sent instead: only the others are refunded.
  const refundLines = returned.lines
    .filter((l) => l.exchangedFor === undefined)
    .map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity }))
  if (refundLines.length === 0) {
    return { refundStatus: refundCalledOff(ticket), data, refund: null, order: undefined, returned }
  }
  if (when === 'receipt') {
    return {
      refundStatus: 'pending_release',
      data,
      refund: { state: 'on_receipt', amount: null },
      order: undefined,
      returned,
    }
  }
  // On approval: the returned lines' value (unit price × quantity), never more than is left.
  const value = refundLines.reduce((sum, l) => {
    const item = order.lineItems.find((li) => li.id === l.lineItemId)
    return sum + (item === undefined ? 0 : item.price.amount * l.quantity)
  }, 0)
  const amount: Money = { amount: Math.min(value, refundable(order)), currency: order.currency }
  if (amount.amount === 0) {
    return { refundStatus: ticket.refund_status, data, refund: null, order: undefined, returned }
  }
  // A ticket's return is approved once, so its refund on approval has one key.
  const refund = await adapter.refund(orderId, {
    amount,
    lines: refundLines,
    note,
    idempotencyKey: `porchlight-${ticket.id}-return-refund`,
  })
  if (!refund.ok) {
    // The return exists on the store now, so the approval stands; the refund is left for the
    // agent (the history says why), who can release it from the ticket.
    return {
      refundStatus: 'pending_release',
      data: { ...data, refundError: { code: refund.code, message: refund.message } },
      refund: { state: 'pending', amount: null },
      order: undefined,
      returned,
    }
  }
  return {
    refundStatus: 'released',
    data: { ...data, refunded: amount },
    refund: { state: 'released', amount },
    order: refund.value,
    returned,
  }
}

async function openPlainReturn(adapter: StoreAdapter, order: Order, ticket: Ticket, note: string) {
  const created = await adapter.createReturn(order.id, {
    lines: plainLines(ticket),
    reason: ticket.reason ?? 'other',
    note,
  })
  if (!created.ok) throw storeFailure('decision_not_allowed', created)
  return { ...created.value, exchange: undefined }
}
