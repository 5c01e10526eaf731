import type { TicketStatus } from '@porchlight/shared/api/agent'
import { isAssignableAgent } from '../../db/agents.repository.ts'
import {
  changeTicket,
  findTicket,
  type Ticket,
  type TicketChanges,
} from '../../db/tickets.repository.ts'
import type { AppDeps } from '../../deps.ts'
import { emitTicketUpdated, ticketChangesJson } from '../webhooks/emit.ts'

export interface TicketEdit {
  storeId: string
  ticketId: string
  agentId: string
  /** The version the agent read; the edit applies only if the ticket is still at it. */
  version: number
  status?: TicketStatus | undefined
  /** Another active agent of the store (a transfer), or null to unassign. */
  assigneeId?: string | null | undefined
  tags?: string[] | undefined
}

export type TicketEditResult =
  | { ok: true; ticket: Ticket }
  | { ok: false; code: 'ticket_not_found' }
  /** The assignee is no agent of this store, or was deactivated. */
  | { ok: false; code: 'agent_not_found' }
  /** Someone changed the ticket first: here it is now. */
  | { ok: false; code: 'version_conflict'; ticket: Ticket }

/**
 * An agent edits a ticket's status, assignee or tags, on the version they read. The edit, its
 * history entry and its `ticket.updated` webhook are written in one transaction; a stale
 * version changes nothing and answers with the ticket as it is now.
 */
export async function editTicket(
  deps: Pick<AppDeps, 'db' | 'clock' | 'outbox'>,
  edit: TicketEdit,
): Promise<TicketEditResult> {
  const { db, clock } = deps
  const { storeId, ticketId: id } = edit
  const changes: TicketChanges = {}
  if (edit.status !== undefined) changes.status = edit.status
  if (edit.assigneeId !== undefined) {
    if (edit.assigneeId !== null && !(await isAssignableAgent(db, storeId, edit.assigneeId))) {
      return { ok: false, code: 'agent_not_found' }
    }
    changes.assignee_id = edit.assigneeId
  }
  if (edit.tags !== undefined) changes.tags = [...new Set(edit.tags)]
  // The history keeps what the agent sent, with the version the edit made.
  const data = {
    version: edit.version + 1,
    ...(edit.status !== undefined ? { status: edit.status } : {}),
    ...(edit.assigneeId !== undefined ? { assigneeId: edit.assigneeId } : {}),
    ...(edit.tags !== undefined ? { tags: edit.tags } : {}),
  }
  const updated = await db.transaction().execute(async (trx) => {
    const now = clock.now()
    const ticket = await changeTicket(trx, storeId, id, {
      changes,
      expectedVersion: edit.version,
      event: { kind: 'updated', actor: { kind: 'agent', id: edit.agentId }, data },
      now,
    })
    if (ticket === undefined) return undefined
    await emitTicketUpdated(trx, {
      storeId,
      ticket,
      changes: ticketChangesJson(changes),
      by: edit.agentId,
      now,
    })
    return ticket
  })
  if (updated !== undefined) {
    deps.outbox.wake()
    return { ok: true, ticket: updated }
  }
  const fresh = await findTicket(db, storeId, id)
  if (fresh === undefined) return { ok: false, code: 'ticket_not_found' }
  return { ok: false, code: 'version_conflict', ticket: fresh }
}
