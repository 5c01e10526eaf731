import type { Kysely } from 'kysely'

const NINETY_DAYS_MS = 90 * 24 * 3600_000

export async function up(db: Kysely<any>): Promise<void> {
  // API tokens get a life: an expiry and a scope. Tokens issued before this had neither; they
  // keep working for 90 days from their creation, the default life of a new token, and can be
  // written to (what they could do until now).
  await db.schema
    .alterTable('agent_api_tokens')
    .addColumn('expires_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('agent_api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('read_write'))
    .execute()
  await db
    .updateTable('agent_api_tokens')
    .set((eb: any) => ({ expires_at: eb('created_at', '+', NINETY_DAYS_MS) }))
    .execute()
  // The id of the secret key a one-time code was derived with, so a rotated-out key still
  // verifies the codes it made; null for challenges made before keys had ids.
  await db.schema.alterTable('auth_challenges').addColumn('key_id', 'text').execute()
  // Optional TOTP second factor of agents: the secret (set at enrolment, live once confirmed),
  // and the last time step accepted, so one code cannot be used twice.
  await db.schema.alterTable('agents').addColumn('totp_secret', 'text').execute()
  await db.schema.alterTable('agents').addColumn('totp_enabled_at', 'bigint').execute()
  await db.schema.alterTable('agents').addColumn('totp_last_step', 'bigint').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['totp_last_step', 'totp_enabled_at', 'totp_secret']) {
    await db.schema.alterTable('agents').dropColumn(column).execute()
  }
  await db.schema.alterTable('auth_challenges').dropColumn('key_id').execute()
  await db.schema.alterTable('agent_api_tokens').dropColumn('scope').execute()
  await db.schema.alterTable('agent_api_tokens').dropColumn('expires_at').execute()
}
