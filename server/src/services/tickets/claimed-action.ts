import type { Order } from '@porchlight/shared/orders/model'
import type { Kysely } from 'kysely'
import type { StoreAdapter } from '../../adapters/store/store-adapter.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import type { TicketActionClaimsTable } from '../../db/ticket-action-claims.table.ts'
import { claimTicketAction, releaseTicketAction } from './action-claims.ts'
import type { DecisionDeps } from './decisions.ts'
import { refusal } from './store-failures.ts'
import { actionInProgressError, versionConflict } from './ticket-page.ts'

/**
 * One store action on a ticket after its decision (a receipt, an appeasement): claimed at the
 * version the agent read, so of two agents (or a double click) exactly one reaches the store;
 * a refusal or a timeout of the store gives the claim back with the store's answer in the
 * history and the ticket otherwise as it was; a success is recorded by `record` in the
 * transaction that gives the claim back.
 */
export async function runClaimedAction<T, R>(
  deps: DecisionDeps,
  store: Store,
  input: {
    ticket: Ticket
    version: number
    agentId: string
    action: TicketActionClaimsTable['action']
    failureKind: 'receipt_failed' | 'appeasement_failed'
  },
  act: () => Promise<T>,
  record: (trx: Kysely<Database>, outcome: T, now: Date) => Promise<R>,
): Promise<R> {
  const { ticket } = input
  const claim = await claimTicketAction(deps.db, {
    storeId: store.id,
    ticketId: ticket.id,
    version: input.version,
    agentId: input.agentId,
    action: input.action,
    now: deps.clock.now(),
  })
  if (!claim.ok) {
    throw claim.why === 'in_progress'
      ? await actionInProgressError(deps, store.id, ticket.id)
      : await versionConflict(deps, store.id, ticket.id)
  }
  let outcome: T
  try {
    outcome = await act()
  } catch (err) {
    await releaseTicketAction(deps.db, ticket.id, claim.token, {
      storeId: store.id,
      kind: input.failureKind,
      actor: { kind: 'agent', id: input.agentId },
      error: err,
      now: deps.clock.now(),
    })
    throw err
  }
  const now = deps.clock.now()
  const result = await deps.db.transaction().execute(async (trx) => {
    if (!(await releaseTicketAction(trx, ticket.id, claim.token))) {
      deps.logger.warn(`${input.action} recorded after its claim expired`, { ticketId: ticket.id })
    }
    return record(trx, outcome, now)
  })
  deps.outbox.wake()
  return result
}

/** The order as the store has it now, or 422 refund_not_allowed (order_not_found). */
export async function requireStoreOrder(
  adapter: StoreAdapter,
  orderId: string | null,
): Promise<Order> {
  const order = orderId === null ? undefined : await adapter.getOrder(orderId)
  if (order === undefined) {
    throw refusal('refund_not_allowed', 'order_not_found', 'The store has no such order.')
  }
  return order
}
