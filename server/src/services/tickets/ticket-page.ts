import type { AppDeps } from '../../deps.ts'
import { findConversationByTicket } from '../../db/conversations.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { findTicket, listTicketEvents, type Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { ticketRating } from '../ratings/ratings.ts'
import { loadTicketOrder, type TicketOrderDeps, type TicketOrderView } from './ticket-order.ts'
import { ticketEventJson, ticketJson } from './ticket-view.ts'

/** A ticket of the store, or 404 ticket_not_found (also for another store's ticket). */
export async function requireTicket(
  deps: Pick<AppDeps, 'db'>,
  storeId: string,
  id: string,
): Promise<Ticket> {
  const ticket = await findTicket(deps.db, storeId, id)
  if (ticket === undefined) throw new AppError('ticket_not_found', 'No such ticket.')
  return ticket
}

/** 409 version_conflict carrying the ticket as it is now, so the console can show it. */
export async function versionConflict(deps: Pick<AppDeps, 'db'>, storeId: string, id: string) {
  const fresh = await requireTicket(deps, storeId, id)
  return new AppError('version_conflict', 'Someone changed this ticket first; here it is now.', {
    ticket: ticketJson(fresh),
  })
}

/** 409 action_in_progress: another agent's store action on the ticket is under way. */
export async function actionInProgressError(
  deps: Pick<AppDeps, 'db'>,
  storeId: string,
  id: string,
) {
  const conflict = await versionConflict(deps, storeId, id)
  return new AppError(
    'action_in_progress',
    'Another agent’s action on this ticket is under way; here is the ticket now.',
    conflict.details,
  )
}

/**
 * The conversation behind a chat ticket, so the console opens it directly. Looked up by store
 * and ticket (indexed on ticket_id); other types have none and cost no query.
 */
async function chatConversationId(deps: Pick<AppDeps, 'db'>, storeId: string, ticket: Ticket) {
  if (ticket.type !== 'chat') return null
  return (await findConversationByTicket(deps.db, storeId, ticket.id))?.id ?? null
}

/**
 * The whole ticket view (TicketView): the ticket, its history, the order beside it and, for a
 * chat ticket, its conversation. Pass `order` when the caller already has the order fresh from
 * the store (after an action).
 */
export async function ticketPage(
  deps: Pick<AppDeps, 'db'> & TicketOrderDeps,
  store: Store,
  ticket: Ticket,
  order?: TicketOrderView | null,
) {
  const [events, orderView, conversationId, rating] = await Promise.all([
    listTicketEvents(deps.db, store.id, ticket.id),
    order !== undefined ? order : loadTicketOrder(deps, store, ticket),
    chatConversationId(deps, store.id, ticket),
    ticketRating(deps, store.id, ticket.id),
  ])
  return {
    ticket: ticketJson(ticket),
    history: events.map(ticketEventJson),
    order: orderView,
    conversationId,
    rating,
  }
}
