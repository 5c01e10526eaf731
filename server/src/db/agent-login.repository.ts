import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database>

/** The active agents that sign in with this (normalized) email, in one store or in any. */
export async function findAgentsByEmail(db: Db, email: string, storeId?: string) {
  let query = db
    .selectFrom('agents')
    .selectAll()
    .where('email', '=', email)
    .where('deactivated_at', 'is', null)
  if (storeId !== undefined) query = query.where('store_id', '=', storeId)
  return query.orderBy('store_id').execute()
}

export async function storeNames(db: Db, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('stores')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute()
}

/**
 * Hits of a rate-limit key since `since`. Only for what follows a limit that was already
 * taken atomically (whether to tell an agent their account is locked), never to grant a hit.
 */
export async function countRateLimitHits(db: Db, key: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('rate_limit_hits')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Forgets the hits of these keys (an account's failures, once its password was right). */
export async function clearRateLimitHits(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return
  await db.deleteFrom('rate_limit_hits').where('key', 'in', keys).execute()
}

/**
 * Gives back the hit a key took at `at` (an attempt that turned out right). Hits taken in the
 * same millisecond under the same key go with it, which only ever errs towards leniency by a
 * hit or two.
 */
export async function refundRateLimitHit(db: Db, key: string, at: number): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('key', '=', key).where('at', '=', at).execute()
}
