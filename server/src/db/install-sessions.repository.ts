import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/**
 * The console session an OAuth install was started from, if it is still live and its agent
 * still an owner of that store: the callback comes back without the session cookie (it is
 * SameSite=Strict and Shopify's redirect is cross-site), so it is looked up by id.
 */
export async function findLiveOwnerSession(
  db: Kysely<Database>,
  input: { sessionId: string; storeId: string; now: number },
): Promise<{ agentId: string } | undefined> {
  return db
    .selectFrom('agent_sessions')
    .innerJoin('agents', 'agents.id', 'agent_sessions.agent_id')
    .select('agents.id as agentId')
    .where('agent_sessions.id', '=', input.sessionId)
    .where('agent_sessions.store_id', '=', input.storeId)
    .where('agent_sessions.revoked_at', 'is', null)
    .where('agent_sessions.expires_at', '>', input.now)
    .where('agents.role', '=', 'owner')
    .executeTakeFirst()
}
