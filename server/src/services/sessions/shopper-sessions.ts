import type { SessionEndedCode, SessionResponse } from '@porchlight/shared/api/auth'
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import { recordShopperEvent } from '../../db/insights.repository.ts'
import type { Database } from '../../db/schema.ts'
import {
  findShopperSessionByTokenHash,
  insertShopperSession,
  revokeShopperSessionRow,
} from '../../db/shopper-sessions.repository.ts'
import { newId } from '../../ids.ts'

/** A signed-in shopper as routes see it: one store, one verified identity. */
export interface ShopperSession {
  id: string
  storeId: string
  identity: ShopperIdentity
  expiresAt: Date
}

export type SessionLookup =
  { ok: true; session: ShopperSession } | { ok: false; code: SessionEndedCode }

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/**
 * Opens a session and returns its bearer token. The token is 256 random bits and only its hash
 * is stored, so a database leak does not hand out sessions.
 */
export async function openShopperSession(
  db: Kysely<Database>,
  input: { storeId: string; identity: ShopperIdentity; now: Date; ttlHours: number },
): Promise<{ token: string; session: ShopperSession }> {
  const token = `pls_${randomBytes(32).toString('base64url')}`
  const id = newId('ss')
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3600_000)
  await insertShopperSession(db, {
    id,
    store_id: input.storeId,
    token_hash: hashToken(token),
    identity_kind: input.identity.kind,
    identity_value: input.identity.value,
    created_at: input.now.getTime(),
    expires_at: expiresAt.getTime(),
    revoked_at: null,
  })
  // In the same transaction as the session (callers pass one): a sign-in is counted exactly
  // when it happened, for the insights page.
  await recordShopperEvent(db, {
    storeId: input.storeId,
    kind: 'signed_in',
    identity: input.identity,
    at: input.now,
  })
  return { token, session: { id, storeId: input.storeId, identity: input.identity, expiresAt } }
}

/**
 * Opens a session after a sign-in (a code, a signed identity) and answers it as the API does:
 * the bearer token, its expiry and who it is for.
 */
export async function signInShopper(
  db: Kysely<Database>,
  input: { storeId: string; identity: ShopperIdentity; now: Date; ttlHours: number },
): Promise<SessionResponse> {
  const opened = await openShopperSession(db, input)
  return {
    token: opened.token,
    expiresAt: opened.session.expiresAt.toISOString(),
    identity: input.identity,
  }
}

export async function findShopperSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SessionLookup> {
  const row = await findShopperSessionByTokenHash(db, hashToken(token))
  if (row === undefined) return { ok: false, code: 'session_missing' }
  if (row.revoked_at !== null) return { ok: false, code: 'session_revoked' }
  if (row.expires_at <= now.getTime()) return { ok: false, code: 'session_expired' }
  return {
    ok: true,
    session: {
      id: row.id,
      storeId: row.store_id,
      identity: { kind: row.identity_kind, value: row.identity_value } as ShopperIdentity,
      expiresAt: new Date(row.expires_at),
    },
  }
}

export async function revokeShopperSession(db: Kysely<Database>, sessionId: string, now: Date) {
  await revokeShopperSessionRow(db, sessionId, now.getTime())
}
