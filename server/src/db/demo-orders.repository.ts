import type { Kysely } from 'kysely'
import {
  normalizePostalCode,
  splitName,
  type OrderLookupFilters,
} from '@porchlight/shared/api/order-lookup'
import type { Order } from '@porchlight/shared/orders/model'
import type { DemoOrderRow, NewDemoOrderRow } from './demo-orders.table.ts'
import type { Database } from './schema.ts'

/** Where a page of a shopper's list continues: after this order in newest-first order. */
export interface DemoOrderPosition {
  createdAt: number
  id: string
}

/** The columns agents look orders up by, from the order itself (shipping, else billing address). */
export function demoOrderSearchColumns(
  order: Pick<Order, 'shippingAddress' | 'billingAddress'>,
): Pick<NewDemoOrderRow, 'first_name' | 'last_name' | 'postal_code'> {
  const address = order.shippingAddress ?? order.billingAddress
  const name = splitName(address?.name)
  const postal = address?.postalCode ? normalizePostalCode(address.postalCode) : null
  return {
    first_name: name?.first ?? null,
    last_name: name?.last ?? null,
    postal_code: postal || null,
  }
}

/**
 * Inserts orders that are not there yet (by store and id); returns how many were new. The
 * lookup columns are derived here from the order's JSON, so no writer can leave them out.
 */
export async function insertDemoOrders(
  db: Kysely<Database>,
  rows: Array<Omit<NewDemoOrderRow, 'first_name' | 'last_name' | 'postal_code'>>,
): Promise<number> {
  if (rows.length === 0) return 0
  const result = await db
    .insertInto('demo_orders')
    .values(
      rows.map((row) => ({ ...row, ...demoOrderSearchColumns(JSON.parse(row.data) as Order) })),
    )
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
  const { column, value, ...page } = input
  return searchDemoOrders(db, { ...page, filters: { [column]: value } })
}

/**
 * One page of a store's orders that match every filter given, newest first (ties by id). Each
 * filter is an equality on an indexed column that starts with the store, so another store's
 * orders are never read, and the planner walks one (store_id, column, created_at, id) range.
 */
export async function searchDemoOrders(
  db: Kysely<Database>,
  input: {
    storeId: string
    filters: OrderLookupFilters
    limit: number
    after?: DemoOrderPosition
  },
): Promise<Array<Pick<DemoOrderRow, 'id' | 'created_at' | 'data'>>> {
  const f = input.filters
  let query = db
    .selectFrom('demo_orders')
    .select(['id', 'created_at', 'data'])
    .where('store_id', '=', input.storeId)
  if (f.number !== undefined) query = query.where('name', '=', f.number)
  if (f.email !== undefined) query = query.where('email', '=', f.email)
  if (f.phone !== undefined) query = query.where('phone', '=', f.phone)
  if (f.firstName !== undefined) query = query.where('first_name', '=', f.firstName)
  if (f.lastName !== undefined) query = query.where('last_name', '=', f.lastName)
  if (f.postalCode !== undefined) query = query.where('postal_code', '=', f.postalCode)
  if (f.createdFrom !== undefined) query = query.where('created_at', '>=', f.createdFrom)
  if (f.createdBefore !== undefined) query = query.where('created_at', '<', f.createdBefore)
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
