import { deleteAddressChanges } from '../../db/ticket-address-changes.repository.ts'
import { changeTicket } from '../../db/tickets.repository.ts'
import {
  deleteCachedOrdersOf,
  deleteDataRequestsOf,
  deleteOutboxMessagesTo,
  deletePersonRows,
  eventsOfTickets,
  redactConversations,
  redactRatingComments,
  REDACTED,
  setTicketEventData,
  ticketsToRedact,
  type Whom,
} from '../../db/privacy.repository.ts'
import type { AppDeps } from '../../deps.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger'>

export interface RedactOutcome {
  tickets: number
  orders: number
  rows: number
}

/** Keys of a history entry's data that hold what a person wrote or who they are. */
const PERSONAL_KEYS = new Set([
  'body',
  'text',
  'message',
  'comment',
  'note',
  'email',
  'phone',
  'name',
  'contactName',
  'contactEmail',
  'identity',
  'identityValue',
  'recipient',
  'to',
  'address',
  'previousAddress',
  'address1',
  'address2',
  'city',
  'zip',
])

/** A history entry's data with every personal value replaced, structure and ids kept. */
export function redactEventData(data: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch {
    return JSON.stringify({ redacted: true })
  }
  const walk = (value: unknown, key: string | null): unknown => {
    // An address object or a list of them goes whole; a flag (`signedIn`) is not personal.
    if (key !== null && PERSONAL_KEYS.has(key) && value !== null && typeof value !== 'boolean') {
      return REDACTED
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, null))
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]))
    }
    return value
  }
  return JSON.stringify(walk(parsed, null))
}

/**
 * Purges what Porchlight holds about a person of a store, or about everyone of it (`'shop'`),
 * in one transaction: the cached Shopify orders, sessions, sign-in codes, activity, chat
 * visitors and the outbox's messages to them go; tickets stay for the store's books (number, type, status, order, dates) with
 * their personal fields and message bodies replaced by `[redacted]` and a `redacted` entry in
 * their history. A second run finds nothing left to change, so a redelivered webhook is a no-op.
 */
export async function redactPersonalData(
  deps: Deps,
  storeId: string,
  whom: Whom,
  source: 'customers/redact' | 'shop/redact',
): Promise<RedactOutcome> {
  const now = deps.clock.now()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const tickets = await ticketsToRedact(trx, storeId, whom)
    const changed: string[] = []
    for (const t of tickets) {
      // At the version read: a concurrent purge of the same ticket changes it once.
      const done = await changeTicket(trx, storeId, t.id, {
        changes: {
          identity_kind: null,
          identity_value: null,
          contact_email: null,
          contact_name: t.contact_name === null ? null : REDACTED,
          comment: t.comment === null ? null : REDACTED,
        },
        event: { kind: 'redacted', actor: { kind: 'system', id: null }, data: { source } },
        expectedVersion: t.version,
        now,
      })
      if (done !== undefined) changed.push(t.id)
    }
    for (const e of await eventsOfTickets(trx, storeId, changed)) {
      const data = redactEventData(e.data)
      if (data !== e.data) await setTicketEventData(trx, e.id, data)
    }
    await redactConversations(trx, storeId, changed)
    await deleteAddressChanges(trx, storeId, changed)
    await redactRatingComments(trx, storeId, changed)
    const rows =
      (await deletePersonRows(trx, storeId, whom)) +
      (await deleteOutboxMessagesTo(trx, storeId, whom))
    const orders = await deleteCachedOrdersOf(trx, storeId, whom)
    await deleteDataRequestsOf(trx, storeId, whom)
    return { tickets: changed.length, orders, rows }
  })
  deps.logger.info('personal data redacted', { storeId, source, ...outcome })
  return outcome
}
