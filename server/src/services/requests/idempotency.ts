import { createHash, createHmac } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { findIdempotencyRecord, findTicket, type Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'

type Db = Kysely<Database> | Transaction<Database>

const keyShape = /^[A-Za-z0-9_-]{1,100}$/

/** Who sent a request with a key, and what they sent: a retry must match all of it. */
export interface IdempotencyClaim {
  scope: string
  key: string
  requestHash: string
}

/** The `Idempotency-Key` header, required on every write that creates a ticket. */
export function readIdempotencyKey(header: string | undefined): string {
  if (header === undefined || header === '') {
    throw new AppError(
      'idempotency_key_missing',
      'Send an Idempotency-Key header (a new random value per request, the same one on retries).',
    )
  }
  if (!keyShape.test(header)) {
    throw new AppError(
      'idempotency_key_invalid',
      'The Idempotency-Key must be 1 to 100 letters, digits, "-" or "_".',
    )
  }
  return header
}

// JSON with object keys sorted, so the same body written in another key order hashes the same.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** A digest of what a request asked for (its target and its validated body). */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('base64url')
}

/**
 * The key scope of an anonymous sender: the address they typed, as a keyed hash so the table
 * holds no email. (The store is a column of its own.)
 */
export function anonymousScope(secret: string, email: string): string {
  const digest = createHmac('sha256', secret).update(`porchlight/contact/v1\0${email}`)
  return `anon:${digest.digest('base64url')}`
}

/** What an earlier request with the same key produced. */
export type Replay = { kind: 'replayed'; ticket: Ticket } | { kind: 'key_reused' }

/** The earlier outcome of this key in this scope, or undefined when the key is new. */
export async function findReplay(
  db: Db,
  storeId: string,
  claim: IdempotencyClaim,
): Promise<Replay | undefined> {
  const record = await findIdempotencyRecord(db, storeId, claim.scope, claim.key)
  if (record === undefined) return undefined
  if (record.request_hash !== claim.requestHash) return { kind: 'key_reused' }
  const ticket = await findTicket(db, storeId, record.ticket_id)
  // Records are written with their ticket in one transaction; a missing ticket is a bug.
  if (ticket === undefined) throw new Error('idempotency record points at a missing ticket')
  return { kind: 'replayed', ticket }
}

/** The one answer to a key used again with another body. */
export function keyReused(): AppError {
  return new AppError(
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different request; use a new key.',
  )
}
