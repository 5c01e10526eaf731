import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ApiTokenScope } from '../../db/agent-api-tokens.table.ts'
import type { AgentRow } from '../../db/agents.table.ts'
import { findAgentsByEmail, storeNames } from '../../db/agent-login.repository.ts'
import {
  findAgentSessionByTokenHash,
  insertAgentSession,
  revokeAgentSessionRow,
} from '../../db/agent-sessions.repository.ts'
import type { Database } from '../../db/schema.ts'
import { newId } from '../../ids.ts'
import { hashToken } from '../sessions/shopper-sessions.ts'
import { decoyHash, verifyPassword } from './passwords.ts'

const busy = { ok: false, code: 'busy' } as const

export const AGENT_SESSION_HOURS = 12

export interface AgentPrincipal {
  sessionId: string
  agentId: string
  storeId: string
  email: string
  name: string
  role: AgentRow['role']
  csrfHash: string
  /** A console session (cookie) or an API token; `sessionId` is the id of either. */
  via: 'session' | 'token'
  /** What the credential may do; console sessions may always write. */
  scope: ApiTokenScope
  /** The agent has a live second factor (TOTP). */
  totpEnabled: boolean
}

export type AgentLogin =
  | { ok: true; token: string; csrfToken: string; agent: AgentRow; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' | 'busy' | 'totp_required' | 'totp_invalid' }
  /** The password is right in several stores: which one? Only said once the password matched. */
  | { ok: false; code: 'store_required'; stores: { id: string; name: string }[] }

/** Checks a password against a stored hash; `busy` when the hashing queue is full. */
export type PasswordCheck = (password: string, hash: string) => Promise<boolean | 'busy'>

// An address is an agent's in a handful of stores at most; past that, nothing is hashed more.
const MAX_CANDIDATES = 5

/**
 * Checks an agent's email and password. Unknown emails cost the same scrypt work as wrong
 * passwords, and both get one answer, so the login does not reveal who has an account. An
 * address that is an agent's in several stores is only asked "which store?" after the
 * password matched in more than one of them.
 */
export async function logInAgent(
  db: Kysely<Database>,
  input: {
    email: string
    password: string
    storeId?: string
    now: Date
    check?: PasswordCheck
    /** The agent's second factor, checked once the password matched (TOTP, when enrolled). */
    secondFactor?: (agent: AgentRow) => Promise<'ok' | 'missing' | 'wrong'>
  },
): Promise<AgentLogin> {
  const check = input.check ?? verifyPassword
  const candidates = (
    await findAgentsByEmail(db, input.email.trim().toLowerCase(), input.storeId)
  ).slice(0, MAX_CANDIDATES)
  const matches: AgentRow[] = []
  if (candidates.length === 0) {
    if ((await check(input.password, await decoyHash())) === 'busy') return busy
  }
  for (const candidate of candidates) {
    const valid = await check(input.password, candidate.password_hash ?? (await decoyHash()))
    if (valid === 'busy') return busy
    if (valid && candidate.password_hash !== null) matches.push(candidate)
  }
  const agent = matches[0]
  if (agent === undefined) return { ok: false, code: 'invalid_credentials' }
  if (matches.length > 1) {
    const stores = await storeNames(
      db,
      matches.map((m) => m.store_id),
    )
    return { ok: false, code: 'store_required', stores }
  }
  const second = input.secondFactor === undefined ? 'ok' : await input.secondFactor(agent)
  if (second === 'missing') return { ok: false, code: 'totp_required' }
  if (second === 'wrong') return { ok: false, code: 'totp_invalid' }
  const token = `pla_${randomBytes(32).toString('base64url')}`
  const csrfToken = csrfTokenFor(token)
  const expiresAt = new Date(input.now.getTime() + AGENT_SESSION_HOURS * 3600_000)
  await insertAgentSession(db, {
    id: newId('as'),
    agent_id: agent.id,
    store_id: agent.store_id,
    token_hash: hashToken(token),
    csrf_hash: hashToken(csrfToken),
    created_at: input.now.getTime(),
    expires_at: expiresAt.getTime(),
    revoked_at: null,
  })
  return { ok: true, token, csrfToken, agent, expiresAt }
}

export async function findAgentSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<AgentPrincipal | undefined> {
  const row = await findAgentSessionByTokenHash(db, hashToken(token))
  // Deactivation revokes the sessions too; checking the agent as well keeps a session made
  // in the same instant from outliving it.
  if (
    row === undefined ||
    row.revokedAt !== null ||
    row.expiresAt <= now.getTime() ||
    row.deactivatedAt !== null
  ) {
    return undefined
  }
  const { expiresAt: _e, revokedAt: _r, deactivatedAt: _d, totpEnabledAt, ...principal } = row
  return { ...principal, via: 'session', scope: 'read_write', totpEnabled: totpEnabledAt !== null }
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
  await revokeAgentSessionRow(db, sessionId, now.getTime())
}
