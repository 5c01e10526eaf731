import type { Kysely } from 'kysely'
import type { NewAgentApiTokenRow } from './agent-api-tokens.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database>

export async function insertApiToken(db: Db, row: NewAgentApiTokenRow): Promise<void> {
  await db.insertInto('agent_api_tokens').values(row).execute()
}

/** The token with this hash and the agent it acts as, whatever its state. */
export async function findApiTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('agent_api_tokens')
    .innerJoin('agents', 'agents.id', 'agent_api_tokens.agent_id')
    .select([
      'agent_api_tokens.id as tokenId',
      'agent_api_tokens.store_id as storeId',
      'agent_api_tokens.revoked_at as revokedAt',
      'agent_api_tokens.expires_at as expiresAt',
      'agent_api_tokens.last_used_at as lastUsedAt',
      'agent_api_tokens.scope as scope',
      'agents.id as agentId',
      'agents.email as email',
      'agents.name as name',
      'agents.role as role',
      'agents.totp_enabled_at as totpEnabledAt',
      'agents.deactivated_at as deactivatedAt',
    ])
    .where('agent_api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function touchApiToken(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('agent_api_tokens').set({ last_used_at: now }).where('id', '=', id).execute()
}

/** A store's tokens (or one agent's), newest first, without their hashes. */
export async function listApiTokens(db: Db, storeId: string, agentId?: string) {
  let query = db
    .selectFrom('agent_api_tokens')
    .innerJoin('agents', 'agents.id', 'agent_api_tokens.agent_id')
    .select([
      'agent_api_tokens.id as id',
      'agent_api_tokens.name as name',
      'agent_api_tokens.scope as scope',
      'agent_api_tokens.created_at as createdAt',
      'agent_api_tokens.expires_at as expiresAt',
      'agent_api_tokens.last_used_at as lastUsedAt',
      'agent_api_tokens.revoked_at as revokedAt',
      'agents.id as agentId',
      'agents.email as agentEmail',
    ])
    .where('agent_api_tokens.store_id', '=', storeId)
  if (agentId !== undefined) query = query.where('agent_api_tokens.agent_id', '=', agentId)
  return query.orderBy('agent_api_tokens.created_at', 'desc').orderBy('id').execute()
}

/** Revokes a live token of the store (of one agent, when given); false when there was none. */
export async function revokeApiTokenRow(
  db: Db,
  where: { storeId: string; id: string; agentId?: string },
  now: number,
): Promise<boolean> {
  let query = db
    .updateTable('agent_api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', where.id)
    .where('store_id', '=', where.storeId)
    .where('revoked_at', 'is', null)
  if (where.agentId !== undefined) query = query.where('agent_id', '=', where.agentId)
  const r = await query.executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
