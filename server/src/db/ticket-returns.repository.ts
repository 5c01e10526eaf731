import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'
import type { TicketReturnRow, TicketReturnsTable } from './ticket-returns.table.ts'
import type { TicketEventRow } from './tickets.table.ts'

type Db = Kysely<Database> | Transaction<Database>

/** Records an approved return once: false when the ticket already has one. */
export async function insertTicketReturn(db: Db, row: TicketReturnsTable): Promise<boolean> {
  const result = await db
    .insertInto('ticket_returns')
    .values(row)
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function findTicketReturn(
  db: Db,
  storeId: string,
  ticketId: string,
): Promise<TicketReturnRow | undefined> {
  return db
    .selectFrom('ticket_returns')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst()
}

/** The returns of these tickets of one store, by ticket id (the shopper's request list). */
export async function ticketReturnsById(
  db: Db,
  storeId: string,
  ticketIds: string[],
): Promise<Map<string, TicketReturnRow>> {
  if (ticketIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('ticket_returns')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .execute()
  return new Map(rows.map((r) => [r.ticket_id, r]))
}

/** An uploaded label by its capability token. */
export async function findReturnLabel(
  db: Db,
  token: string,
): Promise<Pick<TicketReturnRow, 'label_pdf' | 'reference'> | undefined> {
  return db
    .selectFrom('ticket_returns')
    .select(['label_pdf', 'reference'])
    .where('label_token', '=', token)
    .where('label_kind', '=', 'pdf')
    .executeTakeFirst()
}

export type ReturnLabelChange = Pick<
  TicketReturnsTable,
  'label_kind' | 'label_url' | 'label_pdf' | 'label_token' | 'label_at'
>

/** Sets (or replaces) the return's label. */
export async function setReturnLabel(
  db: Db,
  storeId: string,
  ticketId: string,
  label: ReturnLabelChange,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('ticket_returns')
    .set((eb) => ({ ...label, version: eb('version', '+', 1), updated_at: now }))
    .where('store_id', '=', storeId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Writes what has been received, only at the version the caller read: of two receipts that
 * read the same counts, one writes and the other gets false (and counts nothing).
 */
export async function recordReceived(
  db: Db,
  input: { storeId: string; ticketId: string; version: number; received: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('ticket_returns')
    .set((eb) => ({
      received: input.received,
      version: eb('version', '+', 1),
      updated_at: input.now,
    }))
    .where('store_id', '=', input.storeId)
    .where('ticket_id', '=', input.ticketId)
    .where('version', '=', input.version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The history entries of these tickets that a return's timeline shows, oldest first. */
export async function returnStepEvents(
  db: Db,
  storeId: string,
  ticketIds: string[],
): Promise<TicketEventRow[]> {
  if (ticketIds.length === 0) return []
  return db
    .selectFrom('ticket_events')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .where('kind', 'in', ['approved', 'return_label_added', 'return_received', 'refunded'])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
