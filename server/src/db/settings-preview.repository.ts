import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** The orders of a store's latest tickets, newest first: real orders to preview rules with. */
export async function recentTicketOrderIds(
  db: Kysely<Database>,
  storeId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('order_id')
    .where('store_id', '=', storeId)
    .where('order_id', 'is not', null)
    .groupBy('order_id')
    .orderBy((eb) => eb.fn.max('created_at'), 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.order_id as string)
}
