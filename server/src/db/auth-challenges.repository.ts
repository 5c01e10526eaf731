import type { Kysely } from 'kysely'
import type {
  AuthChallengeRow,
  DeliveryFailure,
  NewAuthChallengeRow,
} from './auth-challenges.table.ts'
import type { Database } from './schema.ts'

export async function insertChallenge(trx: Kysely<Database>, row: NewAuthChallengeRow) {
  await trx.insertInto('auth_challenges').values(row).execute()
}

export async function findChallenge(
  db: Kysely<Database>,
  storeId: string,
  id: string,
): Promise<AuthChallengeRow | undefined> {
  return db
    .selectFrom('auth_challenges')
    .selectAll()
    .where('id', '=', id)
    .where('store_id', '=', storeId)
    .executeTakeFirst()
}

/**
 * Takes one try of a live challenge, in a single statement, before the code is compared: the
 * database counts, so however many guesses arrive at once, at most `maxAttempts` are checked.
 * Returns the counter the taken try must be checked against, or nothing when no try is left.
 */
export async function takeAttempt(
  db: Kysely<Database>,
  storeId: string,
  id: string,
  now: number,
  maxAttempts: number,
) {
  return db
    .updateTable('auth_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('store_id', '=', storeId)
    .where('attempts', '<', maxAttempts)
    .where('consumed_at', 'is', null)
    .where('delivery_failure', 'is', null)
    .where('expires_at', '>', now)
    .returning(['counter', 'attempts', 'channel', 'identifier', 'key_id'])
    .executeTakeFirst()
}

/** Marks the challenge used, if its code is still the one that was checked and still valid. */
export async function consumeChallenge(
  trx: Kysely<Database>,
  id: string,
  counter: number,
  now: number,
): Promise<boolean> {
  const result = await trx
    .updateTable('auth_challenges')
    .set({ consumed_at: now })
    .where('id', '=', id)
    .where('counter', '=', counter)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Issues the next code of a live challenge (the previous one stops matching). */
export async function advanceChallenge(
  trx: Kysely<Database>,
  storeId: string,
  id: string,
  input: { now: number; expiresAt: number; maxAttempts: number },
) {
  return trx
    .updateTable('auth_challenges')
    .set((eb) => ({
      counter: eb('counter', '+', 1),
      sent_at: input.now,
      expires_at: input.expiresAt,
      delivered_at: null,
    }))
    .where('id', '=', id)
    .where('store_id', '=', storeId)
    .where('attempts', '<', input.maxAttempts)
    .where('consumed_at', 'is', null)
    .where('delivery_failure', 'is', null)
    .returning(['counter', 'channel', 'identifier', 'locale', 'expires_at'])
    .executeTakeFirst()
}

/** Records the delivery of the code at `counter`; a stale code's delivery changes nothing. */
export async function markCodeDelivered(
  trx: Kysely<Database>,
  id: string,
  counter: number,
  now: number,
) {
  await trx
    .updateTable('auth_challenges')
    .set({ delivered_at: now })
    .where('id', '=', id)
    .where('counter', '=', counter)
    .execute()
}

/** Ends the challenge when its current code could not be delivered for good. */
export async function markCodeUndeliverable(
  trx: Kysely<Database>,
  id: string,
  counter: number,
  failure: DeliveryFailure,
) {
  await trx
    .updateTable('auth_challenges')
    .set({ delivery_failure: failure })
    .where('id', '=', id)
    .where('counter', '=', counter)
    .where('consumed_at', 'is', null)
    .execute()
}

/** Drops challenges created before `before` (long past any use). */
export async function purgeChallenges(db: Kysely<Database>, before: number) {
  await db.deleteFrom('auth_challenges').where('created_at', '<', before).execute()
}
