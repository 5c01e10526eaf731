import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database>

export async function findAgentTotp(db: Db, agentId: string) {
  return db
    .selectFrom('agents')
    .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', agentId)
    .executeTakeFirst()
}

/** Starts (or restarts) enrolment with a new secret; not while a factor is live. */
export async function setPendingTotp(db: Db, agentId: string, secret: string): Promise<boolean> {
  const r = await db
    .updateTable('agents')
    .set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', agentId)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/**
 * Records a time step as used, if it is later than the last one: one atomic UPDATE, so two
 * requests with one code cannot both pass. Enables the factor when `enable` is given.
 */
export async function takeTotpStep(
  db: Db,
  agentId: string,
  step: number,
  enableAt?: number,
): Promise<boolean> {
  const r = await db
    .updateTable('agents')
    .set({
      totp_last_step: step,
      ...(enableAt !== undefined ? { totp_enabled_at: enableAt } : {}),
    })
    .where('id', '=', agentId)
    .where('totp_secret', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function clearTotp(db: Db, agentId: string): Promise<void> {
  await db
    .updateTable('agents')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', agentId)
    .execute()
}
