import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { newId } from '../../ids.ts'
import { hashToken } from '../sessions/shopper-sessions.ts'
import type { AgentPrincipal } from './agent-sessions.ts'

export const API_TOKEN_PREFIX = 'plat_'

/** Issues an API token for an agent; the token is shown once and only its hash is kept. */
export async function issueApiToken(
  db: Kysely<Database>,
  input: { agentId: string; storeId: string; name: string; now: Date },
): Promise<{ id: string; token: string }> {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const id = newId('at')
  await db
    .insertInto('agent_api_tokens')
    .values({
      id,
      agent_id: input.agentId,
      store_id: input.storeId,
      name: input.name,
      token_hash: hashToken(token),
      created_at: input.now.getTime(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute()
  return { id, token }
}

/** The agent behind a live API token, or undefined. API calls carry no cookie, so no CSRF. */
export async function findApiTokenAgent(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<AgentPrincipal | undefined> {
  const row = await db
    .selectFrom('agent_api_tokens')
    .innerJoin('agents', 'agents.id', 'agent_api_tokens.agent_id')
    .select([
      'agent_api_tokens.id as tokenId',
      'agent_api_tokens.store_id as storeId',
      'agent_api_tokens.revoked_at as revokedAt',
      'agents.id as agentId',
      'agents.email as email',
      'agents.name as name',
      'agents.role as role',
    ])
    .where('agent_api_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (row === undefined || row.revokedAt !== null) return undefined
  await db
    .updateTable('agent_api_tokens')
    .set({ last_used_at: now.getTime() })
    .where('id', '=', row.tokenId)
    .execute()
  return {
    sessionId: row.tokenId,
    agentId: row.agentId,
    storeId: row.storeId,
    email: row.email,
    name: row.name,
    role: row.role,
    csrfHash: '',
  }
}

export async function revokeApiToken(db: Kysely<Database>, storeId: string, id: string, now: Date) {
  const r = await db
    .updateTable('agent_api_tokens')
    .set({ revoked_at: now.getTime() })
    .where('id', '=', id)
    .where('store_id', '=', storeId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
