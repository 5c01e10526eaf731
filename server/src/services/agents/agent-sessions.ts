import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AgentRow } from '../../db/agents.table.ts'
import type { Database } from '../../db/schema.ts'
import { newId } from '../../ids.ts'
import { hashToken } from '../sessions/shopper-sessions.ts'
import { decoyHash, verifyPassword } from './passwords.ts'

export const AGENT_SESSION_HOURS = 12

export interface AgentPrincipal {
  sessionId: string
  agentId: string
  storeId: string
  email: string
  name: string
  role: AgentRow['role']
  csrfHash: string
}

export type AgentLogin =
  | { ok: true; token: string; csrfToken: string; agent: AgentRow; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' | 'store_required' }

/**
 * Checks an agent's email and password. Unknown emails cost the same scrypt work as wrong
 * passwords, and both get one answer, so the login does not reveal who has an account.
 */
export async function logInAgent(
  db: Kysely<Database>,
  input: { email: string; password: string; storeId?: string; now: Date },
): Promise<AgentLogin> {
  let query = db
    .selectFrom('agents')
    .selectAll()
    .where('email', '=', input.email.trim().toLowerCase())
  if (input.storeId !== undefined) query = query.where('store_id', '=', input.storeId)
  const candidates = await query.execute()
  if (candidates.length > 1) return { ok: false, code: 'store_required' }
  const agent = candidates[0]
  const valid = await verifyPassword(input.password, agent?.password_hash ?? (await decoyHash()))
  if (agent === undefined || agent.password_hash === null || !valid) {
    return { ok: false, code: 'invalid_credentials' }
  }
  const token = `pla_${randomBytes(32).toString('base64url')}`
  const csrfToken = csrfTokenFor(token)
  const expiresAt = new Date(input.now.getTime() + AGENT_SESSION_HOURS * 3600_000)
  await db
    .insertInto('agent_sessions')
    .values({
      id: newId('as'),
      agent_id: agent.id,
      store_id: agent.store_id,
      token_hash: hashToken(token),
      csrf_hash: hashToken(csrfToken),
      created_at: input.now.getTime(),
      expires_at: expiresAt.getTime(),
      revoked_at: null,
    })
    .execute()
  return { ok: true, token, csrfToken, agent, expiresAt }
}

export async function findAgentSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<AgentPrincipal | undefined> {
  const row = await db
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
    ])
    .where('agent_sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (row === undefined || row.revokedAt !== null || row.expiresAt <= now.getTime())
    return undefined
  const { expiresAt: _e, revokedAt: _r, ...principal } = row
  return principal
}

/**
 * The session's CSRF token, derived from the (HttpOnly) session token rather than drawn at
 * random, so `GET /v1/agent/session` can hand it out again after a reload without storing
 * anything new or rotating it under another open console tab. Only a holder of the session
 * token can compute it, and the token cannot be recovered from it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken)
    .update('porchlight:agent-csrf')
    .digest()
    .subarray(0, 24)
    .toString('base64url')
}

/** Constant-time check of the CSRF token sent with a state-changing console request. */
export function csrfMatches(principal: AgentPrincipal, presented: string | undefined): boolean {
  if (presented === undefined || presented.length > 200) return false
  const a = Buffer.from(hashToken(presented))
  const b = Buffer.from(principal.csrfHash)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function revokeAgentSession(db: Kysely<Database>, sessionId: string, now: Date) {
  await db
    .updateTable('agent_sessions')
    .set({ revoked_at: now.getTime() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}
