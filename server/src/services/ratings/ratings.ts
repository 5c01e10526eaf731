import type { RatingJson, RatingSource } from '@porchlight/shared/api/insights'
import type { AppDeps } from '../../deps.ts'
import { findRating, insertRatingOnce } from '../../db/ratings.repository.ts'
import type { TicketRatingRow } from '../../db/insights.table.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>

export const MAX_RATING_COMMENT = 1000

export function ratingJson(row: TicketRatingRow): RatingJson {
  return {
    score: Number(row.score),
    comment: row.comment,
    source: row.source,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  }
}

/** A ticket can be rated once it is resolved or closed (a chat is closed when it ends). */
export const isRateable = (ticket: Pick<Ticket, 'status'>) =>
  ticket.status === 'resolved' || ticket.status === 'closed'

/**
 * Stores the shopper's rating of a ticket. The first rating stands: a second one, from the
 * panel or the email, is refused with 409 already_rated, and of two at the same moment exactly
 * one is stored (the ticket id is the table's primary key; see insertRatingOnce).
 */
export async function rateTicket(
  deps: Deps,
  ticket: Ticket,
  input: { score: number; comment: string | null; source: RatingSource },
): Promise<RatingJson> {
  if (!isRateable(ticket)) {
    throw new AppError('not_rateable', 'This can be rated once it is resolved.')
  }
  const row: TicketRatingRow = {
    ticket_id: ticket.id,
    store_id: ticket.store_id,
    score: input.score,
    comment: input.comment === null || input.comment.trim() === '' ? null : input.comment.trim(),
    source: input.source,
    created_at: deps.clock.now().getTime(),
  }
  if (!(await insertRatingOnce(deps.db, row))) {
    throw new AppError('already_rated', 'This has been rated already. Thank you!')
  }
  return ratingJson(row)
}

export async function ticketRating(
  deps: Pick<AppDeps, 'db'>,
  storeId: string,
  ticketId: string,
): Promise<RatingJson | null> {
  const row = await findRating(deps.db, storeId, ticketId)
  return row === undefined ? null : ratingJson(row)
}
