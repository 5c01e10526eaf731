import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import { toTicket, type Ticket } from './tickets.repository.ts'

/** How many tickets of the store each of these orders has (orders without any are left out). */
export async function countTicketsByOrder(
  db: Kysely<Database>,
  storeId: string,
  orderIds: string[],
): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('tickets')
    .select((eb) => ['order_id', eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', storeId)
    .where('order_id', 'in', orderIds)
    .groupBy('order_id')
    .execute()
  return new Map(rows.map((r) => [r.order_id as string, Number(r.n)]))
}

/** The store's tickets about one order, newest first (read from the tickets_order index). */
export async function listTicketsOfOrder(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
): Promise<Ticket[]> {
  const rows = await db
    .selectFrom('tickets')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
  return rows.map(toTicket)
}
