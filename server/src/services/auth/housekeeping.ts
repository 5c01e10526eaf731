import type { Kysely } from 'kysely'
import { purgeChallenges } from '../../db/auth-challenges.repository.ts'
import { purgeOutbox } from '../../db/outbox.repository.ts'
import { purgeRateLimits } from '../../db/rate-limits.repository.ts'
import type { Database } from '../../db/schema.ts'

const day = 24 * 3600_000

/**
 * Deletes sign-in rows nobody can use any more: challenges after a day, rate-limit hits after
 * two (no window is longer than one), finished outbox messages after a week.
 */
export async function purgeAuthData(db: Kysely<Database>, now: Date): Promise<void> {
  const t = now.getTime()
  await purgeChallenges(db, t - day)
  await purgeRateLimits(db, t - 2 * day)
  await purgeOutbox(db, t - 7 * day)
}
