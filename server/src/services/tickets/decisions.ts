import type { RequestType } from '@porchlight/shared/api/requests'
import type { AutomationRule } from '@porchlight/shared/automation/decide'
import type { OrderChange } from '@porchlight/shared/chat/system-messages'
import type { AppDeps } from '../../deps.ts'
import type { Store } from '../../db/stores.repository.ts'
import { findAddressChange } from '../../db/ticket-address-changes.repository.ts'
import { changeTicket, type Ticket, type TicketChanges } from '../../db/tickets.repository.ts'
import type { TicketStatus } from '../../db/tickets.table.ts'
import { tellShopperChat } from '../chat/system-messages.ts'
import { emitTicketEvent, emitTicketUpdated, ticketChangesJson } from '../webhooks/emit.ts'
import { actionInProgress, claimTicketAction, releaseTicketAction } from './action-claims.ts'
import { carryOutApproval, refundCalledOff, type Approval } from './carry-out.ts'
import { recordApprovedReturn, returnInstructions } from './return-approval.ts'
import { refusal } from './store-failures.ts'
import { queueTicketNotice } from './ticket-notices.ts'
import { ticketOrderView, type TicketOrderView } from './ticket-order.ts'
import { actionInProgressError, requireTicket, versionConflict } from './ticket-page.ts'

/** What a decision needs: the ticket's tables, the store, the clock, the log and the outbox. */
export type DecisionDeps = Pick<
  AppDeps,
  'db' | 'clock' | 'logger' | 'outbox' | 'storeAdapters' | 'bus'
>

/** An automation rule of the store deciding in an agent's place (approvals only). */
export interface RuleDecider {
  code: AutomationRule
  /** How the store's merchants call it (the staff note on the store names it). */
  name: string
  /** What the rule saw, for the history (the order's age, the items' value). */
  why: Record<string, unknown>
}

export type DecisionInput = {
  ticketId: string
  version: number
  decision: 'approve' | 'decline'
  /** Shown to the shopper; required to decline. */
  reason?: string | undefined
  /** Leave the ticket's status as it is instead of resolving it. */
  keepOpen?: boolean | undefined
  /** Refund a return that asks for an exchange instead of making the exchange. */
  instead?: 'refund' | undefined
} & (
  | { agent: { id: string; name: string }; rule?: undefined }
  | { agent?: undefined; rule: RuleDecider; decision: 'approve' }
)

/** Who the history names for a decision: the agent, or Porchlight under the rule's code. */
function deciderOf(input: DecisionInput) {
  return input.agent !== undefined
    ? {
        actor: { kind: 'agent' as const, id: input.agent.id },
        agentId: input.agent.id,
        name: input.agent.name,
        data: {},
      }
    : {
        actor: { kind: 'system' as const, id: input.rule.code },
        agentId: null,
        name: `the automation rule “${input.rule.name}”`,
        data: { rule: input.rule.code, ruleWhy: input.rule.why },
      }
}

function requestType(ticket: Ticket): RequestType | null {
  const t = ticket.type
  return ticket.request_status !== null &&
    (t === 'cancel' || t === 'return' || t === 'issue' || t === 'address_change')
    ? t
    : null
}

/**
 * An agent approves or declines a shopper's request. Approving carries the request out on the
 * store first (cancel, return, refund) and records the decision only once the store said yes;
 * the shopper is told in their language, in the transaction that records it. Deciding again
 * the way it was decided answers the ticket as it is (no second store action). Otherwise a
 * decision made on a version that is no longer the ticket's is a version conflict, whatever
 * changed since (another agent's decision included): that is checked before anything that
 * depends on the ticket's state, and again atomically where the decision is written. Deciding
 * the other way at the current version is refused. Returns the ticket after the decision, and
 * the order when the store gave it back.
 */
export async function decideRequest(
  deps: DecisionDeps,
  store: Store,
  input: DecisionInput,
): Promise<{ ticket: Ticket; order: TicketOrderView | null | undefined }> {
  const ticket = await requireTicket(deps, store.id, input.ticketId)
  const type = requestType(ticket)
  if (type === null) {
    throw refusal('decision_not_allowed', 'not_a_request', 'This ticket is not a request.')
  }
  const reason = input.reason?.trim() || null
  if (input.decision === 'decline' && reason === null) {
    throw refusal(
      'decision_not_allowed',
      'reason_required',
      'Give the shopper a reason to decline.',
    )
  }
  const wanted = input.decision === 'approve' ? 'approved' : 'declined'
  if (ticket.request_status === wanted) return { ticket, order: undefined }
  if (ticket.version !== input.version) throw await versionConflict(deps, store.id, ticket.id)
  if (ticket.request_status !== 'requested') {
    throw refusal(
      'decision_not_allowed',
      'already_decided',
      `This request was ${ticket.request_status}.`,
      {
        requestStatus: ticket.request_status,
      },
    )
  }
  const status = (current: TicketStatus, approveIssue: boolean): TicketStatus =>
    (input.keepOpen ?? approveIssue) ? current : 'resolved'

  if (input.decision === 'decline') {
    if (input.agent === undefined) throw new Error('only an agent declines a request')
    const agentId = input.agent.id
    return {
      ticket: await decline(deps, store, ticket, type, input, agentId, reason as string, status),
      order: undefined,
    }
  }

  const by = deciderOf(input)
  const now = deps.clock.now()
  const claim = await claimTicketAction(deps.db, {
    storeId: store.id,
    ticketId: ticket.id,
    version: input.version,
    agentId: by.agentId,
    action: 'decision',
    now,
    whileRequested: true,
  })
  if (!claim.ok) {
    throw claim.why === 'in_progress'
      ? await actionInProgressError(deps, store.id, ticket.id)
      : await versionConflict(deps, store.id, ticket.id)
  }
  let approval: Approval
  try {
    const addressChange =
      type === 'address_change' ? await findAddressChange(deps.db, store.id, ticket.id) : undefined
    approval = await carryOutApproval(deps.storeAdapters(store), store, ticket, {
      agentName: by.name,
      reason,
      instead: input.instead,
      addressChange,
    })
  } catch (err) {
    // Nothing changed on the store: give the ticket back as it was (at its new version).
    await releaseTicketAction(deps.db, ticket.id, claim.token, {
      storeId: store.id,
      kind: 'approval_failed',
      actor: by.actor,
      error: err,
      now: deps.clock.now(),
    })
    throw err
  }
  const decidedAt = deps.clock.now()
  const after = await deps.db.transaction().execute(async (trx) => {
    if (!(await releaseTicketAction(trx, ticket.id, claim.token))) {
      deps.logger.warn('decision recorded after its claim expired', { ticketId: ticket.id })
    }
    const changes: TicketChanges = {
      request_status: 'approved',
      refund_status: approval.refundStatus,
      status: status(ticket.status, ticket.type === 'issue'),
    }
    const changed = await changeTicket(trx, ticket.store_id, ticket.id, {
      changes,
      event: {
        kind: 'approved',
        actor: by.actor,
        data: {
          reason,
          type: ticket.type,
          refundStatus: approval.refundStatus,
          ...approval.data,
          ...by.data,
        },
      },
      now: decidedAt,
    })
    if (changed === undefined) throw new Error(`ticket ${ticket.id} vanished during its decision`)
    if (approval.returned !== undefined) {
      await recordApprovedReturn(trx, {
        ticket: changed,
        returned: approval.returned,
        now: decidedAt,
      })
    }
    await queueTicketNotice(trx, {
      ticket: changed,
      store,
      notice: {
        kind: 'decision',
        type,
        decision: 'approved',
        reason,
        refund: approval.refund,
        ...(approval.returned !== undefined
          ? { returnInstructions: returnInstructions(store, approval.returned) }
          : {}),
      },
      now: decidedAt,
    })
    const extra = { decision: { by: by.agentId, reason, ...approval.data, ...by.data } }
    await emitTicketEvent(trx, {
      event: 'request.approved',
      ticket: changed,
      now: decidedAt,
      extra,
    })
    await emitTicketUpdated(trx, {
      storeId: store.id,
      ticket: changed,
      changes: ticketChangesJson(changes),
      by: by.agentId,
      now: decidedAt,
    })
    return changed
  })
  deps.outbox.wake()
  const change = orderChangeOf(ticket.type)
  if (change !== null && after.order_name !== null) {
    await tellShopperChat(deps, store, after, {
      kind: 'order_status_changed',
      change,
      orderName: after.order_name,
    })
  }
  return {
    ticket: after,
    order:
      approval.order === undefined ? undefined : ticketOrderView(approval.order, store, decidedAt),
  }
}

/** What an approval carried out on the store did to the order (an issue changes nothing). */
function orderChangeOf(type: Ticket['type']): OrderChange | null {
  if (type === 'cancel') return 'cancelled'
  if (type === 'return') return 'return_approved'
  return null
}

/** Rolls a decline back when an approval's store action turns out to be under way. */
class DeclineHeldOff extends Error {}

async function decline(
  deps: DecisionDeps,
  store: Store,
  ticket: Ticket,
  type: RequestType,
  input: DecisionInput,
  agentId: string,
  reason: string,
  status: (current: TicketStatus, approveIssue: boolean) => TicketStatus,
): Promise<Ticket> {
  const now = deps.clock.now()
  const declined = deps.db.transaction().execute(async (trx) => {
    const refundStatus = refundCalledOff(ticket)
    const changes: TicketChanges = {
      request_status: 'declined',
      refund_status: refundStatus,
      status: status(ticket.status, false),
    }
    // The version-guarded write comes first: it takes the ticket's row lock, so a stale version
    // is a conflict in every interleaving, even while another agent's approval holds a claim
    // (taking a claim bumps the version).
    const changed = await changeTicket(trx, ticket.store_id, ticket.id, {
      expectedVersion: input.version,
      changes,
      event: {
        kind: 'declined',
        actor: { kind: 'agent', id: agentId },
        data: { reason, type: ticket.type, refundStatus },
      },
      now,
    })
    if (changed === undefined) return 'conflict' as const
    // At the current version, an approval being carried out on the store holds a claim: it gets
    // to finish, and this decline is rolled back.
    if (await actionInProgress(trx, ticket.id, now)) throw new DeclineHeldOff()
    await queueTicketNotice(trx, {
      ticket: changed,
      store,
      notice: {
        kind: 'decision',
        type,
        decision: 'declined',
        reason,
        refund: null,
      },
      now,
    })
    const extra = { decision: { by: agentId, reason } }
    await emitTicketEvent(trx, { event: 'request.declined', ticket: changed, now, extra })
    await emitTicketUpdated(trx, {
      storeId: store.id,
      ticket: changed,
      changes: ticketChangesJson(changes),
      by: agentId,
      now,
    })
    return changed
  })
  const result = await declined.catch((err: unknown) => {
    if (err instanceof DeclineHeldOff) return 'in_progress' as const
    throw err
  })
  if (result === 'in_progress') throw await actionInProgressError(deps, store.id, ticket.id)
  if (result === 'conflict') throw await versionConflict(deps, store.id, ticket.id)
  deps.outbox.wake()
  return result
}
