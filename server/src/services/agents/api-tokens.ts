import { randomBytes } from 'node:crypto'
import type { ApiTokenSummary } from '@porchlight/shared/api/agent'
import type { Kysely } from 'kysely'
import type { ApiTokenScope } from '../../db/agent-api-tokens.table.ts'
import {
  findApiTokenByHash,
  insertApiToken,
  listApiTokens,
  revokeApiTokenRow,
  touchApiToken,
} from '../../db/agent-api-tokens.repository.ts'
import type { Database } from '../../db/schema.ts'
import { newId } from '../../ids.ts'
import { hashToken } from '../sessions/shopper-sessions.ts'
import type { AgentPrincipal } from './agent-sessions.ts'

export const API_TOKEN_PREFIX = 'plat_'
export const API_TOKEN_DEFAULT_DAYS = 90
export const API_TOKEN_MAX_DAYS = 366
const DAY_MS = 24 * 3600_000
// last_used_at is a hint for the operator ("is this token still in use?"), not an audit log:
// writing it at most once a minute keeps a busy integration from writing on every call.
const TOUCH_EVERY_MS = 60_000

/** Issues an API token for an agent; the token is shown once and only its hash is kept. */
export async function issueApiToken(
  db: Kysely<Database>,
  input: {
    agentId: string
    storeId: string
    name: string
    now: Date
    /** Whole days the token lives (1 to API_TOKEN_MAX_DAYS); 90 by default. */
    days?: number
    scope?: ApiTokenScope
  },
): Promise<{ id: string; token: string; expiresAt: Date; scope: ApiTokenScope }> {
  const days = input.days ?? API_TOKEN_DEFAULT_DAYS
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) {
    throw new RangeError(`token life must be 1 to ${API_TOKEN_MAX_DAYS} days`)
  }
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const id = newId('at')
  const scope = input.scope ?? 'read_write'
  const expiresAt = new Date(input.now.getTime() + days * DAY_MS)
  await insertApiToken(db, {
    id,
    agent_id: input.agentId,
    store_id: input.storeId,
    name: input.name,
    token_hash: hashToken(token),
    created_at: input.now.getTime(),
    last_used_at: null,
    revoked_at: null,
    expires_at: expiresAt.getTime(),
    scope,
  })
  return { id, token, expiresAt, scope }
}

/** The agent behind a live API token, or undefined. API calls carry no cookie, so no CSRF. */
export async function findApiTokenAgent(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<AgentPrincipal | undefined> {
  const row = await findApiTokenByHash(db, hashToken(token))
  if (
    row === undefined ||
    row.revokedAt !== null ||
    row.expiresAt <= now.getTime() ||
    row.deactivatedAt !== null
  ) {
    return undefined
  }
  if (row.lastUsedAt === null || row.lastUsedAt <= now.getTime() - TOUCH_EVERY_MS) {
    await touchApiToken(db, row.tokenId, now.getTime())
  }
  return {
    sessionId: row.tokenId,
    agentId: row.agentId,
    storeId: row.storeId,
    email: row.email,
    name: row.name,
    role: row.role,
    csrfHash: '',
    via: 'token',
    scope: row.scope,
    totpEnabled: row.totpEnabledAt !== null,
  }
}

/** Tokens of a store, or of one of its agents; never the tokens themselves. */
export async function listTokens(
  db: Kysely<Database>,
  storeId: string,
  now: Date,
  agentId?: string,
): Promise<ApiTokenSummary[]> {
  const rows = await listApiTokens(db, storeId, agentId)
  const iso = (ms: number) => new Date(ms).toISOString()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    agent: { id: r.agentId, email: r.agentEmail },
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
    lastUsedAt: r.lastUsedAt === null ? null : iso(r.lastUsedAt),
    state: r.revokedAt !== null ? 'revoked' : r.expiresAt <= now.getTime() ? 'expired' : 'live',
  }))
}

/** Revokes a token of the store (of one agent, when given); false when no live token matched. */
export async function revokeApiToken(
  db: Kysely<Database>,
  storeId: string,
  id: string,
  now: Date,
  agentId?: string,
): Promise<boolean> {
  return revokeApiTokenRow(
    db,
    { storeId, id, ...(agentId !== undefined ? { agentId } : {}) },
    now.getTime(),
  )
}
