import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { TicketActionClaimsTable } from '../../db/ticket-action-claims.table.ts'
import {
  deleteActionClaim,
  hasLiveActionClaim,
  insertActionClaim,
} from '../../db/ticket-action-claims.repository.ts'
import { appendTicketEvent, changeTicket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Longer than any store action takes (a Shopify cancel waits for its job a few seconds); a
 * claim older than this belongs to a process that died mid-action and may be taken over.
 */
export const CLAIM_TTL_MS = 5 * 60_000

export type Claim =
  | { ok: true; token: string; version: number }
  | { ok: false; why: 'version_conflict' | 'in_progress' }

class Refused extends Error {
  readonly why: 'version_conflict' | 'in_progress'
  constructor(why: 'version_conflict' | 'in_progress') {
    super(why)
    this.why = why
  }
}

/**
 * Claims a ticket for one store action before the store is asked: bumps the ticket's version
 * (if it is still the one the agent read) and takes the ticket's claim row, in one
 * transaction. Of two agents acting at once, exactly one gets the claim: PostgreSQL makes the
 * second wait for the first's row lock and then sees the new version (or the claim row);
 * SQLite runs the two transactions one after the other. So the store action runs at most once.
 */
export async function claimTicketAction(
  db: Kysely<Database>,
  input: {
    storeId: string
    ticketId: string
    version: number
    agentId: string | null
    action: TicketActionClaimsTable['action']
    now: Date
    /** Decisions: only while the request still waits for one. */
    whileRequested?: boolean
  },
): Promise<Claim> {
  const now = input.now.getTime()
  const token = randomBytes(16).toString('base64url')
  try {
    return await db.transaction().execute(async (trx) => {
      const bumped = await changeTicket(trx, input.storeId, input.ticketId, {
        changes: {},
        expectedVersion: input.version,
        whileRequested: input.whileRequested === true,
        now: input.now,
      })
      if (bumped === undefined) throw new Refused('version_conflict')
      const taken = await insertActionClaim(trx, {
        ticket_id: input.ticketId,
        store_id: input.storeId,
        token,
        agent_id: input.agentId,
        action: input.action,
        created_at: now,
        expires_at: now + CLAIM_TTL_MS,
      })
      if (!taken) throw new Refused('in_progress')
      return { ok: true as const, token, version: bumped.version }
    })
  } catch (err) {
    if (err instanceof Refused) return { ok: false, why: err.why }
    throw err
  }
}

/**
 * Gives a claim back; false when it was no longer ours (it expired and was taken over). With
 * `failure`, the attempt that came to nothing goes into the ticket's history (the store's
 * answer helps the next agent, e.g. "Shopify did not confirm the change").
 */
export async function releaseTicketAction(
  db: Kysely<Database>,
  ticketId: string,
  token: string,
  failure?: {
    storeId: string
    kind: 'approval_failed' | 'refund_failed' | 'receipt_failed' | 'appeasement_failed'
    /** Who tried: an agent, or an automation rule (`system`, under the rule's code). */
    actor: { kind: 'agent' | 'system'; id: string }
    error: unknown
    now: Date
  },
): Promise<boolean> {
  if (failure !== undefined && failure.error instanceof AppError) {
    const err = failure.error
    const reason = (err.details as { reason?: unknown } | undefined)?.reason
    return db.transaction().execute(async (trx) => {
      await appendTicketEvent(trx, {
        ticketId,
        storeId: failure.storeId,
        kind: failure.kind,
        actor: failure.actor,
        data: {
          code: err.code,
          ...(typeof reason === 'string' ? { reason } : {}),
          message: err.message,
        },
        at: failure.now,
      })
      return releaseTicketAction(trx, ticketId, token)
    })
  }
  return deleteActionClaim(db, ticketId, token)
}

/** True while a store action on the ticket is under way (a live claim exists). */
export async function actionInProgress(db: Db, ticketId: string, now: Date): Promise<boolean> {
  return hasLiveActionClaim(db, ticketId, now.getTime())
}
