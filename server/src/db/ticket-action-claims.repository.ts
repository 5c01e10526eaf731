import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'
import type { TicketActionClaimRow } from './ticket-action-claims.table.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Takes the ticket's claim row, first clearing a stale one (its process died mid-action).
 * False when a live claim is there: another store action is under way.
 */
export async function insertActionClaim(db: Db, claim: TicketActionClaimRow): Promise<boolean> {
  await db
    .deleteFrom('ticket_action_claims')
    .where('ticket_id', '=', claim.ticket_id)
    .where('expires_at', '<=', claim.created_at)
    .execute()
  const taken = await db
    .insertInto('ticket_action_claims')
    .values(claim)
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .executeTakeFirst()
  return Number(taken.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Deletes the claim if it still carries this token; false when it was no longer there. */
export async function deleteActionClaim(db: Db, ticketId: string, token: string): Promise<boolean> {
  const result = await db
    .deleteFrom('ticket_action_claims')
    .where('ticket_id', '=', ticketId)
    .where('token', '=', token)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** True when the ticket has a claim that has not expired at `now` (epoch ms). */
export async function hasLiveActionClaim(db: Db, ticketId: string, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_action_claims')
    .select('ticket_id')
    .where('ticket_id', '=', ticketId)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row !== undefined
}
