import type { Kysely, Transaction } from 'kysely'
import type { NewAgentSessionRow } from './agent-sessions.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function insertAgentSession(db: Db, row: NewAgentSessionRow): Promise<void> {
  await db.insertInto('agent_sessions').values(row).execute()
}

/** The session holding this token hash, with the agent it belongs to; revoked or expired too. */
export async function findAgentSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('agent_sessions')
    .innerJoin('agents', 'agents.id', 'agent_sessions.agent_id')
    .select([
      'agent_sessions.id as sessionId',
      'agent_sessions.store_id as storeId',
      'agent_sessions.csrf_hash as csrfHash',
      'agent_sessions.expires_at as expiresAt',
      'agent_sessions.revoked_at as revokedAt',
      'agents.id as agentId',
      'agents.email as email',
      'agents.name as name',
      'agents.role as role',
      'agents.totp_enabled_at as totpEnabledAt',
      'agents.deactivated_at as deactivatedAt',
    ])
    .where('agent_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/** Revokes a session once; a session already revoked keeps its first revocation time. */
export async function revokeAgentSessionRow(db: Db, sessionId: string, at: number): Promise<void> {
  await db
    .updateTable('agent_sessions')
    .set({ revoked_at: at })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}
