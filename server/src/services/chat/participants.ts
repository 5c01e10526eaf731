import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import type { ChatOwnerFilter } from '../../db/chat-events.repository.ts'
import {
  findChatVisitorByHash,
  insertChatVisitor,
  linkChatVisitor,
} from '../../db/chat-visitors.repository.ts'
import type { Database } from '../../db/schema.ts'
import { newId } from '../../ids.ts'
import { takeChatLimits, visitorLimits } from './chat-limits.ts'
import { findShopperSession, hashToken } from '../sessions/shopper-sessions.ts'

/** Anonymous chat sessions last a week: long enough to come back to an answer. */
export const VISITOR_TTL_HOURS = 24 * 7

/**
 * The shopper side of a chat: either a signed-in shopper (verified identity) or a visitor who
 * typed a name and email. A visitor that signed in later carries both.
 */
export interface ChatParticipant {
  storeId: string
  kind: 'session' | 'visitor'
  /** The shopper session or visitor id: rate limits, retries and stream revalidation key on it. */
  ref: string
  visitorId: string | null
  identity: ShopperIdentity | null
  name: string | null
  email: string | null
  expiresAt: number
}

export function ownerOf(p: Pick<ChatParticipant, 'visitorId' | 'identity'>): ChatOwnerFilter {
  return { visitorId: p.visitorId, identity: p.identity }
}

/**
 * Opens an anonymous chat session for one store; only the token's hash is stored. Anyone may
 * ask, so each client address gets a few an hour, counted with the insert.
 */
export async function startVisitor(
  db: Kysely<Database>,
  input: { storeId: string; name: string; email: string; now: Date; ip: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = `plc_${randomBytes(32).toString('base64url')}`
  const expiresAt = new Date(input.now.getTime() + VISITOR_TTL_HOURS * 3600_000)
  await db.transaction().execute(async (trx) => {
    await takeChatLimits(
      trx,
      visitorLimits(input.storeId, input.ip),
      input.now,
      'Too many chats were started from this address; try later.',
    )
    await insertChatVisitor(trx, {
      id: newId('cvs'),
      store_id: input.storeId,
      token_hash: hashToken(token),
      name: input.name,
      email: input.email.toLowerCase(),
      identity_kind: null,
      identity_value: null,
      created_at: input.now.getTime(),
      expires_at: expiresAt.getTime(),
      revoked_at: null,
    })
  })
  return { token, expiresAt }
}

async function findLiveVisitor(db: Kysely<Database>, token: string, now: Date) {
  const row = await findChatVisitorByHash(db, hashToken(token))
  if (row === undefined || row.revoked_at !== null || row.expires_at <= now.getTime()) {
    return undefined
  }
  return row
}

/** Resolves a bearer token of either kind (`pls_` shopper session, `plc_` visitor). */
export async function findParticipant(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<ChatParticipant | undefined> {
  if (token.startsWith('plc_')) {
    const row = await findLiveVisitor(db, token, now)
    if (row === undefined) return undefined
    return {
      storeId: row.store_id,
      kind: 'visitor',
      ref: row.id,
      visitorId: row.id,
      identity:
        row.identity_kind !== null && row.identity_value !== null
          ? ({ kind: row.identity_kind, value: row.identity_value } as ShopperIdentity)
          : null,
      name: row.name,
      email: row.email,
      expiresAt: row.expires_at,
    }
  }
  const lookup = await findShopperSession(db, token, now)
  if (!lookup.ok) return undefined
  const { session } = lookup
  return {
    storeId: session.storeId,
    kind: 'session',
    ref: session.id,
    visitorId: null,
    identity: session.identity,
    name: null,
    email: session.identity.kind === 'email' ? session.identity.value : null,
    expiresAt: session.expiresAt.getTime(),
  }
}

export type LinkResult =
  | { ok: true; visitorId: string }
  | { ok: false; code: 'visitor_not_found' | 'visitor_linked_elsewhere' }

/**
 * Links a visitor (and so their conversations) to the identity the shopper just verified. A
 * visitor already linked to someone else stays theirs: a token alone never moves a thread.
 */
export async function linkVisitorToIdentity(
  db: Kysely<Database>,
  input: { storeId: string; visitorToken: string; identity: ShopperIdentity; now: Date },
): Promise<LinkResult> {
  const row = await findLiveVisitor(db, input.visitorToken, input.now)
  if (row === undefined || row.store_id !== input.storeId) {
    return { ok: false, code: 'visitor_not_found' }
  }
  if (
    row.identity_kind !== null &&
    (row.identity_kind !== input.identity.kind || row.identity_value !== input.identity.value)
  ) {
    return { ok: false, code: 'visitor_linked_elsewhere' }
  }
  await linkChatVisitor(db, row.id, input.identity)
  return { ok: true, visitorId: row.id }
}
