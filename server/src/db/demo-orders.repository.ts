import type { Kysely } from 'kysely'
import type { DemoOrderRow, NewDemoOrderRow } from './demo-orders.table.ts'
import type { Database } from './schema.ts'

/** Where a page of a shopper's list continues: after this order in newest-first order. */
export interface DemoOrderPosition {
  createdAt: number
  id: string
}

/** Inserts orders that are not there yet (by store and id); returns how many were new. */
export async function insertDemoOrders(
  db: Kysely<Database>,
  rows: NewDemoOrderRow[],
): Promise<number> {
  if (rows.length === 0) return 0
  const result = await db
    .insertInto('demo_orders')
    .values(rows)
    .onConflict((oc) => oc.columns(['store_id', 'id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/**
 * One page of the orders of an email or phone in one store, newest first (ties by id), read
 * from the (store_id, email|phone, created_at, id) index. Asks for one row more than `limit`
 * so the caller knows whether another page follows.
 */
export async function listDemoOrders(
  db: Kysely<Database>,
  input: {
    storeId: string
    column: 'email' | 'phone'
    value: string
    limit: number
    after?: DemoOrderPosition
  },
): Promise<Array<Pick<DemoOrderRow, 'id' | 'created_at' | 'data'>>> {
  let query = db
    .selectFrom('demo_orders')
    .select(['id', 'created_at', 'data'])
    .where('store_id', '=', input.storeId)
    .where(input.column, '=', input.value)
  const after = input.after
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    )
  }
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
}

export async function findDemoOrder(
  db: Kysely<Database>,
  storeId: string,
  id: string,
): Promise<DemoOrderRow | undefined> {
  return db
    .selectFrom('demo_orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * Writes a changed order if nobody changed it since it was read (same version). Returns false
 * when another write got there first, so the caller can read again and retry.
 */
export async function updateDemoOrder(
  db: Kysely<Database>,
  input: {
    storeId: string
    id: string
    expectedVersion: number
    data: string
    staffLog: string
    updatedAt: number
  },
): Promise<boolean> {
  const result = await db
    .updateTable('demo_orders')
    .set({
      data: input.data,
      staff_log: input.staffLog,
      updated_at: input.updatedAt,
      version: input.expectedVersion + 1,
    })
    .where('store_id', '=', input.storeId)
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
