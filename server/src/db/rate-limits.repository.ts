import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** At most `limit` hits of `key` in any window of `windowMs`. */
export interface RateLimit {
  key: string
  limit: number
  windowMs: number
  /** Checked but not counted: the call is refused while the limit is full, and takes no hit. */
  peek?: boolean
}

export type RateLimitResult =
  /** `nextInSeconds`: how long until every limit has a slot again (0 when they all have one). */
  | { ok: true; nextInSeconds: number }
  /** `index` is the position of the first exhausted limit in the list given. */
  | { ok: false; index: number; retryAfterMs: number }

/**
 * Takes one hit from every limit, or from none when any is exhausted. Call it inside a
 * transaction: each bucket row is locked (by an UPDATE) before its hits are counted, so two
 * processes on PostgreSQL cannot both take the last slot; SQLite serializes writers anyway.
 * Buckets are locked in key order so two callers never wait on each other in a cycle.
 */
export async function takeRateLimits(
  trx: Kysely<Database>,
  limits: readonly RateLimit[],
  now: number,
): Promise<RateLimitResult> {
  const keys = [...new Set(limits.map((l) => l.key))].sort()
  for (const key of keys) {
    await trx
      .insertInto('rate_limit_buckets')
      .values({ key, touched_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    await trx
      .updateTable('rate_limit_buckets')
      .set({ touched_at: now })
      .where('key', '=', key)
      .execute()
  }
  let nextFreeAt = now
  for (const [index, limit] of limits.entries()) {
    const hits = await trx
      .selectFrom('rate_limit_hits')
      .select('at')
      .where('key', '=', limit.key)
      .where('at', '>', now - limit.windowMs)
      .orderBy('at', 'asc')
      .execute()
    if (hits.length >= limit.limit) {
      // The window frees a slot when the hit that is `limit` places from the newest leaves it.
      const freeing = hits[hits.length - limit.limit]?.at ?? now
      return { ok: false, index, retryAfterMs: Math.max(1, freeing + limit.windowMs - now) }
    }
    if (limit.peek === true) continue
    // With this hit taken, is the limit full? Then it frees when the oldest counted hit leaves.
    const after = [...hits.map((h) => h.at), now]
    if (after.length >= limit.limit) {
      const oldest = after[after.length - limit.limit] ?? now
      nextFreeAt = Math.max(nextFreeAt, oldest + limit.windowMs)
    }
  }
  for (const limit of limits) {
    if (limit.peek === true) continue
    await trx.insertInto('rate_limit_hits').values({ key: limit.key, at: now }).execute()
  }
  return { ok: true, nextInSeconds: Math.ceil((nextFreeAt - now) / 1000) }
}

/**
 * Gives back the hits of `key` taken at `at` (a try that turned out not to count, such as a
 * right code). Hits carry no id, so a concurrent hit of the same key in the same millisecond
 * goes too: at worst one more try, and only for someone who had just got it right.
 */
export async function returnRateLimitHits(
  trx: Kysely<Database>,
  key: string,
  at: number,
): Promise<void> {
  await trx.deleteFrom('rate_limit_hits').where('key', '=', key).where('at', '=', at).execute()
}

/** Drops hits and idle buckets older than `before` (no window of ours is that long). */
export async function purgeRateLimits(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('at', '<', before).execute()
  await db.deleteFrom('rate_limit_buckets').where('touched_at', '<', before).execute()
}
