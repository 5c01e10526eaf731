import type { Address } from '@porchlight/shared/orders/model'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** An address change as stored: the address before and the one asked for. */
export interface AddressChange {
  ticketId: string
  orderId: string
  previous: Address | null
  requested: Address
  createdAt: number
}

/** Records what an address change request asks for, in the transaction that files its ticket. */
export async function insertAddressChange(
  db: Db,
  row: { storeId: string } & AddressChange,
): Promise<void> {
  await db
    .insertInto('ticket_address_changes')
    .values({
      ticket_id: row.ticketId,
      store_id: row.storeId,
      order_id: row.orderId,
      previous: row.previous === null ? null : JSON.stringify(row.previous),
      requested: JSON.stringify(row.requested),
      created_at: row.createdAt,
    })
    .execute()
}

/** The address changes of these tickets of one store, by ticket id. */
export async function addressChangesById(
  db: Db,
  storeId: string,
  ticketIds: string[],
): Promise<Map<string, AddressChange>> {
  if (ticketIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('ticket_address_changes')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .execute()
  return new Map(
    rows.map((r) => [
      r.ticket_id,
      {
        ticketId: r.ticket_id,
        orderId: r.order_id,
        previous: r.previous === null ? null : (JSON.parse(r.previous) as Address),
        requested: JSON.parse(r.requested) as Address,
        createdAt: Number(r.created_at),
      },
    ]),
  )
}

/** One ticket's address change, or undefined when the ticket is not one (or not this store's). */
export async function findAddressChange(
  db: Db,
  storeId: string,
  ticketId: string,
): Promise<AddressChange | undefined> {
  return (await addressChangesById(db, storeId, [ticketId])).get(ticketId)
}

/** Forgets the addresses of these tickets (a privacy purge); the tickets themselves stay. */
export async function deleteAddressChanges(
  db: Db,
  storeId: string,
  ticketIds: string[],
): Promise<void> {
  if (ticketIds.length === 0) return
  await db
    .deleteFrom('ticket_address_changes')
    .where('store_id', '=', storeId)
    .where('ticket_id', 'in', ticketIds)
    .execute()
}
