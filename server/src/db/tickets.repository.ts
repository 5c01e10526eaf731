import type { ExchangeWish } from '@porchlight/shared/api/exchanges'
import { sql, type Kysely, type Transaction } from 'kysely'
import { newId } from '../ids.ts'
import type { Database } from './schema.ts'
import type { NewTicketRow, TicketEventRow, TicketEventsTable, TicketRow } from './tickets.table.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A ticket with its JSON columns parsed. */
export interface Ticket extends Omit<TicketRow, 'lines' | 'tags'> {
  /** A return's lines; `exchange` when the shopper asked for another variant instead. */
  lines: Array<{ lineItemId: string; quantity: number; exchange?: ExchangeWish }>
  tags: string[]
}

export function toTicket(row: TicketRow): Ticket {
  return { ...row, lines: JSON.parse(row.lines), tags: JSON.parse(row.tags) }
}

/** Hands out the store's next ticket number; serialized by the counter row's lock. */
export async function nextTicketNumber(db: Db, storeId: string): Promise<number> {
  await db
    .insertInto('ticket_counters')
    .values({ store_id: storeId, last_number: 1000 })
    .onConflict((oc) => oc.column('store_id').doNothing())
    .execute()
  const row = await db
    .updateTable('ticket_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('store_id', '=', storeId)
    .returning('last_number')
    .executeTakeFirstOrThrow()
  return Number(row.last_number)
}

export type NewTicket = Omit<NewTicketRow, 'id' | 'number' | 'version' | 'lines' | 'tags'> & {
  lines?: Ticket['lines']
  tags?: string[]
}

export async function insertTicket(db: Db, input: NewTicket): Promise<Ticket> {
  const row: TicketRow = {
    id: newId('tk'),
    number: await nextTicketNumber(db, input.store_id),
    version: 1,
    request_status: null,
    refund_status: null,
    order_id: null,
    order_name: null,
    identity_kind: null,
    identity_value: null,
    contact_name: null,
    contact_email: null,
    reason: null,
    comment: null,
    assignee_id: null,
    resolved_at: null,
    ...input,
    lines: JSON.stringify(input.lines ?? []),
    tags: JSON.stringify(input.tags ?? []),
  }
  await db.insertInto('tickets').values(row).execute()
  return toTicket(row)
}

export async function findTicket(db: Db, storeId: string, id: string): Promise<Ticket | undefined> {
  const row = await db
    .selectFrom('tickets')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toTicket(row)
}

export interface TicketEventInput {
  ticketId: string
  storeId: string
  kind: string
  actor: { kind: TicketEventsTable['actor_kind']; id: string | null }
  data?: Record<string, unknown>
  at: Date
}

export async function appendTicketEvent(db: Db, input: TicketEventInput): Promise<TicketEventRow> {
  const row: TicketEventRow = {
    id: newId('te'),
    ticket_id: input.ticketId,
    store_id: input.storeId,
    kind: input.kind,
    actor_kind: input.actor.kind,
    actor_id: input.actor.id,
    data: JSON.stringify(input.data ?? {}),
    created_at: input.at.getTime(),
  }
  await db.insertInto('ticket_events').values(row).execute()
  return row
}

export async function listTicketEvents(db: Db, storeId: string, ticketId: string) {
  return db
    .selectFrom('ticket_events')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/**
 * The resolved_at change that goes with a status change: stamped when a ticket becomes resolved
 * or closed (kept if it already was), cleared when it is reopened, untouched otherwise.
 */
export function resolvedAtFor(
  status: TicketRow['status'] | undefined,
  now: Date,
): { resolved_at?: ReturnType<typeof sql<number | null>> } {
  if (status === undefined) return {}
  if (status === 'resolved' || status === 'closed') {
    return { resolved_at: sql<number | null>`coalesce(resolved_at, ${now.getTime()})` }
  }
  return { resolved_at: sql<number | null>`null` }
}

/** The columns a ticket's writers change; `tags` as a list, stored as JSON. */
export type TicketChanges = Partial<
  Pick<
    TicketRow,
    | 'status'
    | 'request_status'
    | 'refund_status'
    | 'assignee_id'
    | 'identity_kind'
    | 'identity_value'
    | 'contact_name'
    | 'contact_email'
    | 'comment'
  > & { tags: string[] }
>

export interface TicketChange {
  changes: TicketChanges
  /** The history entry written with the change: what happened and who did it. */
  event?: { kind: string; actor: TicketEventInput['actor']; data?: Record<string, unknown> }
  /**
   * Only if the ticket is still at the version the caller read; without it, the caller holds
   * the ticket (its action claim) or changes what agents do not edit (the chat's identity).
   */
  expectedVersion?: number
  /** Only while the request still waits for a decision (a decision taking its claim). */
  whileRequested?: boolean
  now: Date
}

/**
 * The one write of a ticket: applies the changes, bumps the version (so a console holding the
 * old one refetches) and records the event, in the caller's transaction. Returns the ticket as
 * it now is, or undefined when it was not at `expectedVersion` (someone changed it first), no
 * longer waits for a decision, or is not this store's. The update comes first, so it takes the
 * ticket's row lock before anything else is read.
 */
export async function changeTicket(
  db: Db,
  storeId: string,
  ticketId: string,
  change: TicketChange,
): Promise<Ticket | undefined> {
  const { tags, ...columns } = change.changes
  let update = db
    .updateTable('tickets')
    .set((eb) => ({
      ...columns,
      ...resolvedAtFor(columns.status, change.now),
      ...(tags !== undefined ? { tags: JSON.stringify(tags) } : {}),
      version: eb('version', '+', 1),
      updated_at: change.now.getTime(),
    }))
    .where('store_id', '=', storeId)
    .where('id', '=', ticketId)
  if (change.expectedVersion !== undefined) {
    update = update.where('version', '=', change.expectedVersion)
  }
  if (change.whileRequested === true) update = update.where('request_status', '=', 'requested')
  const result = await update.executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return undefined
  if (change.event !== undefined) {
    await appendTicketEvent(db, { ticketId, storeId, ...change.event, at: change.now })
  }
  const fresh = await findTicket(db, storeId, ticketId)
  if (fresh === undefined) throw new Error(`ticket ${ticketId} vanished while being changed`)
  return fresh
}

/** The numbers of these tickets of one store, by id; other stores' ids are left out. */
export async function ticketNumbersById(
  db: Db,
  storeId: string,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'number'])
    .where('store_id', '=', storeId)
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, Number(r.number)]))
}

export async function findIdempotencyRecord(db: Db, storeId: string, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'ticket_id'])
    .where('store_id', '=', storeId)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst()
}

export async function saveIdempotencyRecord(
  db: Db,
  record: {
    storeId: string
    scope: string
    key: string
    requestHash: string
    ticketId: string
    at: Date
  },
) {
  await db
    .insertInto('idempotency_keys')
    .values({
      store_id: record.storeId,
      scope: record.scope,
      key: record.key,
      request_hash: record.requestHash,
      ticket_id: record.ticketId,
      created_at: record.at.getTime(),
    })
    .execute()
}
