import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { consumeStreamTicket, insertStreamTicket } from '../../db/chat-events.repository.ts'
import type { Database } from '../../db/schema.ts'
import { hashToken } from '../sessions/shopper-sessions.ts'
import type { ChatParticipant } from './participants.ts'
import { STREAM_TICKET_TTL_MS } from './stream-limits.ts'

/** Who an event stream is for. */
export type StreamPrincipal =
  | { audience: 'shopper'; storeId: string; participant: ChatParticipant }
  | {
      audience: 'agent'
      storeId: string
      agent: { agentId: string; sessionId: string; name: string }
      /** The console tab holding the stream: an open stream keeps its presence alive. */
      tabId?: string
    }

/**
 * EventSource cannot send headers, and a long-lived token in a URL ends up in logs and
 * histories. So the client first POSTs (with its real credentials) for a ticket that opens one
 * stream, once, within a minute; only its hash is stored, in the database so any process can
 * redeem it.
 */
export async function issueStreamTicket(
  db: Kysely<Database>,
  principal: StreamPrincipal,
  now: Date,
): Promise<{ ticket: string; expiresInSeconds: number }> {
  const ticket = `plt_${randomBytes(24).toString('base64url')}`
  await insertStreamTicket(db, {
    token_hash: hashToken(ticket),
    store_id: principal.storeId,
    audience: principal.audience,
    principal: JSON.stringify(principal),
    expires_at: now.getTime() + STREAM_TICKET_TTL_MS,
    used_at: null,
  })
  return { ticket, expiresInSeconds: STREAM_TICKET_TTL_MS / 1000 }
}

/** Redeems a ticket for the given audience; unknown, used, expired or other-audience: nothing. */
export async function redeemStreamTicket(
  db: Kysely<Database>,
  ticket: string,
  audience: StreamPrincipal['audience'],
  now: Date,
): Promise<StreamPrincipal | undefined> {
  if (!/^plt_[A-Za-z0-9_-]{32}$/.test(ticket)) return undefined
  const row = await consumeStreamTicket(db, hashToken(ticket), now.getTime())
  if (row === undefined || row.audience !== audience) return undefined
  const principal = JSON.parse(row.principal) as StreamPrincipal
  return principal.storeId === row.store_id ? principal : undefined
}
