import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import {
  appendTicketEvent,
  findTicket,
  resolvedAtFor,
  type Ticket,
  type TicketChanges,
} from '../../db/tickets.repository.ts'
import type { TicketEventRow } from '../../db/tickets.table.ts'

/**
 * Applies changes to a ticket, bumps its version, and records the event with who made it.
 * With `expectedVersion`, only if the ticket is still at that version (else null: someone
 * changed it first); without, the caller holds the ticket (its action claim). Returns the
 * ticket as it now is and the event.
 */
export async function changeTicket(
  trx: Kysely<Database>,
  input: {
    ticket: Ticket
    changes: TicketChanges
    event: { kind: string; agentId: string | null; data: Record<string, unknown> }
    now: Date
    expectedVersion?: number
  },
): Promise<{ ticket: Ticket; event: TicketEventRow } | null> {
  const { ticket, now, expectedVersion } = input
  const { tags, ...columns } = input.changes
  let update = trx
    .updateTable('tickets')
    .set((eb) => ({
      ...columns,
      ...resolvedAtFor(columns.status, now),
      ...(tags !== undefined ? { tags: JSON.stringify(tags) } : {}),
      version: eb('version', '+', 1),
      updated_at: now.getTime(),
    }))
    .where('store_id', '=', ticket.store_id)
    .where('id', '=', ticket.id)
  if (expectedVersion !== undefined) update = update.where('version', '=', expectedVersion)
  const updated = await update.executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) return null
  const event = await appendTicketEvent(trx, {
    ticketId: ticket.id,
    storeId: ticket.store_id,
    kind: input.event.kind,
    actor: { kind: input.event.agentId === null ? 'system' : 'agent', id: input.event.agentId },
    data: input.event.data,
    at: now,
  })
  const fresh = await findTicket(trx, ticket.store_id, ticket.id)
  if (fresh === undefined) throw new Error(`ticket ${ticket.id} vanished while being changed`)
  return { ticket: fresh, event }
}
