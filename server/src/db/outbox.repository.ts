import { type Kysely, sql } from 'kysely'
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

export async function findClaimableIds(
  db: Kysely<Database>,
  now: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where(claimable(now))
    .orderBy('next_attempt_at', 'asc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * Claims one row for one worker: a compare-and-set on the row's own state, so of several
 * processes racing for it exactly one sees an updated row (PostgreSQL re-checks the WHERE
 * clause after waiting for the other's row lock; SQLite runs writes one at a time).
 */
export async function claimOutboxMessage(
  db: Kysely<Database>,
  id: string,
  claim: { token: string; now: number; leaseUntil: number },
): Promise<OutboxMessageRow | undefined> {
  return db
    .updateTable('outbox_messages')
    .set((eb) => ({
      status: 'sending',
      claim_token: claim.token,
      lease_until: claim.leaseUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where(claimable(claim.now))
    .returningAll()
    .executeTakeFirst()
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
