import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { TicketEventRow } from '../../db/tickets.table.ts'
import type { Ticket } from '../../db/tickets.repository.ts'

/** The JSON shape of a ticket for agents: camelCase, times as ISO strings. */
export function ticketJson(t: Ticket) {
  return {
    id: t.id,
    reference: ticketReference(t.number),
    number: t.number,
    type: t.type,
    status: t.status,
    requestStatus: t.request_status,
    refundStatus: t.refund_status,
    channel: t.channel,
    order: t.order_id === null ? null : { id: t.order_id, name: t.order_name },
    shopper: {
      identity:
        t.identity_kind === null ? null : { kind: t.identity_kind, value: t.identity_value },
      name: t.contact_name,
      email: t.contact_email,
      locale: t.locale,
    },
    reason: t.reason,
    comment: t.comment,
    lines: t.lines,
    tags: t.tags,
    assigneeId: t.assignee_id,
    version: t.version,
    createdAt: new Date(t.created_at).toISOString(),
    updatedAt: new Date(t.updated_at).toISOString(),
  }
}

export function ticketEventJson(e: TicketEventRow) {
  return {
    id: e.id,
    kind: e.kind,
    actor: { kind: e.actor_kind, id: e.actor_id },
    data: JSON.parse(e.data) as Record<string, unknown>,
    at: new Date(e.created_at).toISOString(),
  }
}
