import { type Kysely, PostgresAdapter, sql } from 'kysely'
import type { OutboxMessageRow, NewOutboxMessageRow } from './outbox.table.ts'
import type { Database } from './schema.ts'

/** Inserts a message; a pending message of the same group is cancelled first (it is stale). */
export async function insertOutboxMessage(
  trx: Kysely<Database>,
  row: NewOutboxMessageRow,
): Promise<void> {
  if (row.group_key !== null && row.group_key !== undefined) {
    await trx
      .updateTable('outbox_messages')
      .set({ status: 'cancelled', finished_at: row.created_at })
      .where('group_key', '=', row.group_key)
      .where('status', '=', 'pending')
      .execute()
  }
  await trx.insertInto('outbox_messages').values(row).execute()
}

/** Rows a worker may claim now: due pending ones, and sending ones whose lease ran out. */
function claimable(now: number) {
  return sql<boolean>`((status = 'pending' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until <= ${now}))`
}

export interface OutboxClaim {
  /** Proves ownership when finishing; new for every claim. */
  token: string
  /** The claiming process (see OutboxMessagesTable.claimed_by). */
  workerId: string
  now: number
  leaseUntil: number
}

/**
 * Claims up to `limit` rows for one worker in one statement, most urgent first, then oldest.
 * One statement rather than one per row: on SQLite every statement queues behind the ticket
 * writes for the single connection, and the worker fell behind the writers. Of several
 * processes racing, each row goes to exactly one: PostgreSQL skips rows another claim has
 * locked and re-checks the WHERE clause on the rows it updates; SQLite runs writes one at a time.
 */
export async function claimOutboxBatch(
  db: Kysely<Database>,
  claim: OutboxClaim,
  limit: number,
): Promise<OutboxMessageRow[]> {
  const due = db
    .selectFrom('outbox_messages')
    .select('id')
    .where(claimable(claim.now))
    .orderBy('priority', 'asc')
    .orderBy('next_attempt_at', 'asc')
    .limit(limit)
  const set = {
    status: 'sending' as const,
    claim_token: claim.token,
    claimed_by: claim.workerId,
    lease_until: claim.leaseUntil,
    attempts: sql<number>`attempts + 1`,
  }
  const rows =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? // Materialized: PostgreSQL may run a plain IN (subquery with LIMIT) more than once per
        // statement, which claimed more rows than asked for.
        await db
          .with(
            (cte) => cte('due').materialized(),
            () => due.forUpdate().skipLocked(),
          )
          .updateTable('outbox_messages')
          .set(set)
          .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
          .where(claimable(claim.now))
          .returningAll()
          .execute()
      : await db
          .updateTable('outbox_messages')
          .set(set)
          .where('id', 'in', due)
          .where(claimable(claim.now))
          .returningAll()
          .execute()
  // RETURNING gives no order; deliver in the order the claim chose.
  return rows.sort((a, b) => a.priority - b.priority || a.next_attempt_at - b.next_attempt_at)
}

/**
 * The worker's heartbeat: extends the leases of the rows it is still sending. A process that
 * stops beating (killed, frozen) loses them when the lease runs out, and another worker resends.
 */
export async function renewOutboxLeases(
  db: Kysely<Database>,
  claim: { workerId: string; ids: readonly string[]; leaseUntil: number },
): Promise<number> {
  if (claim.ids.length === 0) return 0
  const result = await db
    .updateTable('outbox_messages')
    .set({ lease_until: claim.leaseUntil })
    .where('claimed_by', '=', claim.workerId)
    .where('status', '=', 'sending')
    .where('id', 'in', claim.ids)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Undoes a claim that was never acted on (the worker began stopping meanwhile). */
export async function releaseOutboxClaim(
  db: Kysely<Database>,
  id: string,
  token: string,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({
      status: 'pending',
      claim_token: null,
      claimed_by: null,
      lease_until: null,
      attempts: eb('attempts', '-', 1),
    }))
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .where('status', '=', 'sending')
    .execute()
}

/** Finishes a claimed row; false when the claim was lost (the lease ran out and another took it). */
export async function finishOutboxMessage(
  trx: Kysely<Database>,
  id: string,
  token: string,
  outcome:
    | { status: 'sent' | 'failed'; at: number; error?: string }
    | { status: 'pending'; at: number; retryAt: number; error: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('outbox_messages')
    .set({
      status: outcome.status,
      claim_token: null,
      claimed_by: null,
      lease_until: null,
      last_error: outcome.error ?? null,
      ...(outcome.status === 'pending'
        ? { next_attempt_at: outcome.retryAt }
        : { finished_at: outcome.at }),
    })
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .where('status', '=', 'sending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Removes finished rows older than `before`; pending and sending rows are kept. */
export async function purgeOutbox(db: Kysely<Database>, before: number): Promise<void> {
  await db
    .deleteFrom('outbox_messages')
    .where('status', 'in', ['sent', 'failed', 'cancelled'])
    .where('finished_at', '<', before)
    .execute()
}
