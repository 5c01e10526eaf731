import { receiptRefund } from '@porchlight/shared/orders/line-refunds'
import type { Money } from '@porchlight/shared/orders/model'
import type { Store } from '../../db/stores.repository.ts'
import { findTicketReturn, recordReceived } from '../../db/ticket-returns.repository.ts'
import type { TicketReturnRow } from '../../db/ticket-returns.table.ts'
import { changeTicket, type Ticket, type TicketChanges } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { emitTicketEvent, emitTicketUpdated, ticketChangesJson } from '../webhooks/emit.ts'
import { refundOn } from './carry-out.ts'
import { requireStoreOrder, runClaimedAction } from './claimed-action.ts'
import type { DecisionDeps } from './decisions.ts'
import { exchangedLineIds, returnLines } from './return-progress.ts'
import { storeFailure } from './store-failures.ts'
import { queueTicketNotice } from './ticket-notices.ts'
import { ticketOrderView, type TicketOrderView } from './ticket-order.ts'
import { requireTicket } from './ticket-page.ts'

export interface ReceiptInput {
  ticketId: string
  agent: { id: string; name: string }
  version: number
  lines: Array<{ lineItemId: string; quantity: number }>
  note?: string | undefined
}

/** The ticket's approved return, or 404 return_not_found. */
export async function requireApprovedReturn(
  deps: Pick<DecisionDeps, 'db'>,
  ticket: Ticket,
): Promise<TicketReturnRow> {
  const row =
    ticket.type === 'return' && ticket.request_status === 'approved'
      ? await findTicketReturn(deps.db, ticket.store_id, ticket.id)
      : undefined
  if (row === undefined)
    throw new AppError('return_not_found', 'This ticket has no approved return.')
  return row
}

/**
 * The units asked for, added up per line, checked against what the return still expects: 422
 * line_not_on_order or receipt_exceeds_return (with what each line still expects), before any
 * store call. Returns the new received counts.
 */
function countReceipt(row: TicketReturnRow, asked: ReceiptInput['lines']) {
  const lines = returnLines(row)
  const sums = new Map<string, number>()
  for (const l of asked) sums.set(l.lineItemId, (sums.get(l.lineItemId) ?? 0) + l.quantity)
  const received: Record<string, number> = Object.fromEntries(
    lines.map((l) => [l.lineItemId, l.received]),
  )
  for (const [lineItemId, quantity] of sums) {
    const line = lines.find((l) => l.lineItemId === lineItemId)
    if (line === undefined) {
      throw new AppError('line_not_on_order', `Line ${lineItemId} is not part of this return.`)
    }
    if (line.received + quantity > line.quantity) {
      throw new AppError(
        'receipt_exceeds_return',
        `Only ${line.quantity - line.received} unit(s) of “${line.title}” are still to come back.`,
        {
          lines: lines.map((l) => ({
            lineItemId: l.lineItemId,
            expected: l.quantity - l.received,
          })),
        },
      )
    }
    received[lineItemId] = line.received + quantity
  }
  const merged = [...sums].map(([lineItemId, quantity]) => ({ lineItemId, quantity }))
  const complete = lines.every((l) => (received[l.lineItemId] ?? 0) >= l.quantity)
  return { received, merged, complete }
}

/**
 * An agent records units that came back. The store is told in one action (Shopify's
 * returnProcess), which also refunds exactly those units when the store refunds on receipt
 * (never more than each line and the order have left). Claimed like a decision: two agents
 * recording at once make one store call; the loser gets 409 and reads the new counts.
 */
export async function receiveReturnItems(
  deps: DecisionDeps,
  store: Store,
  input: ReceiptInput,
): Promise<{ ticket: Ticket; order: TicketOrderView | null }> {
  const ticket = await requireTicket(deps, store.id, input.ticketId)
  // Bad counts are refused before anything is claimed or asked of the store.
  countReceipt(await requireApprovedReturn(deps, ticket), input.lines)
  return runClaimedAction(
    deps,
    store,
    {
      ticket,
      version: input.version,
      agentId: input.agent.id,
      action: 'receipt',
      failureKind: 'receipt_failed',
    },
    async () => {
      // Under the claim, nobody else counts: read the counts again and check them for good.
      const row = await requireApprovedReturn(deps, ticket)
      const count = countReceipt(row, input.lines)
      const adapter = deps.storeAdapters(store)
      let refund: Money | null = null
      if (refundOn(store) === 'receipt') {
        const order = await requireStoreOrder(adapter, ticket.order_id)
        const exchanged = exchangedLineIds(row)
        const owed = receiptRefund(
          order,
          count.merged.filter((l) => !exchanged.has(l.lineItemId)),
        )
        refund = owed.amount > 0 ? owed : null
      }
      const result = await adapter.receiveReturn(row.order_id, {
        returnId: row.store_return_id,
        lines: count.merged,
        refund,
        idempotencyKey: `porchlight-${ticket.id}-receipt-${row.version}`,
        note: `Received in Porchlight by ${input.agent.name} (ticket #${ticket.number})${
          input.note ? `: ${input.note}` : ''
        }`,
      })
      if (!result.ok) {
        if (result.code === 'receipt_exceeds_return') {
          throw new AppError('receipt_exceeds_return', result.message)
        }
        throw storeFailure('refund_not_allowed', result)
      }
      return { row, count, refund, order: result.value }
    },
    async (trx, { row, count, refund, order }, now) => {
      const wrote = await recordReceived(trx, {
        storeId: store.id,
        ticketId: ticket.id,
        version: row.version,
        received: JSON.stringify(count.received),
        now: now.getTime(),
      })
      if (!wrote) throw new Error(`return of ticket ${ticket.id} changed under its claim`)
      const changes: TicketChanges =
        refund !== null ? { refund_status: count.complete ? 'released' : 'pending_release' } : {}
      const data = {
        lines: count.merged,
        complete: count.complete,
        refunded: refund,
        ...(input.note ? { note: input.note } : {}),
        storeCall: 'receiveReturn',
      }
      const changed = await changeTicket(trx, store.id, ticket.id, {
        changes,
        event: { kind: 'return_received', actor: { kind: 'agent', id: input.agent.id }, data },
        now,
      })
      if (changed === undefined) throw new Error(`ticket ${ticket.id} vanished during its receipt`)
      await queueTicketNotice(trx, {
        ticket: changed,
        store,
        notice: { kind: 'return_received', refund, complete: count.complete },
        now,
      })
      const extra = { receipt: { by: input.agent.id, ...data } }
      await emitTicketEvent(trx, { event: 'return.received', ticket: changed, now, extra })
      await emitTicketUpdated(trx, {
        storeId: store.id,
        ticket: changed,
        changes: ticketChangesJson(changes),
        by: input.agent.id,
        now,
        extra,
      })
      return { ticket: changed, order: ticketOrderView(order, store, now) }
    },
  )
}
