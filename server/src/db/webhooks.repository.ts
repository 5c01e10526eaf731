import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'
import type {
  WebhookDeliveriesTable,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookEndpointRow,
  WebhookEvent,
} from './webhooks.table.ts'

type Db = Kysely<Database> | Transaction<Database>

/** An endpoint with its event list parsed. */
export interface WebhookEndpoint extends Omit<WebhookEndpointRow, 'events'> {
  events: WebhookEvent[]
}

const toEndpoint = (row: WebhookEndpointRow): WebhookEndpoint => ({
  ...row,
  events: JSON.parse(row.events) as WebhookEvent[],
})

export async function insertWebhookEndpoint(db: Db, endpoint: WebhookEndpoint): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({ ...endpoint, events: JSON.stringify(endpoint.events) })
    .execute()
}

export async function listWebhookEndpoints(db: Db, storeId: string): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toEndpoint)
}

export async function findWebhookEndpoint(
  db: Db,
  storeId: string,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toEndpoint(row)
}

export async function deleteWebhookEndpoint(db: Db, storeId: string, id: string) {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function insertWebhookDelivery(db: Db, row: WebhookDeliveriesTable): Promise<void> {
  await db.insertInto('webhook_deliveries').values(row).execute()
}

export async function findWebhookDelivery(
  db: Db,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function recordDeliveryAttempt(
  db: Db,
  id: string,
  update: {
    status: WebhookDeliveryStatus
    attempts: number
    statusCode: number | null
    error: string | null
    nextAttemptAt: number | null
    at: number
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: update.status,
      attempts: update.attempts,
      last_status_code: update.statusCode,
      last_error: update.error,
      next_attempt_at: update.nextAttemptAt,
      updated_at: update.at,
      ...(update.status === 'delivered' ? { delivered_at: update.at } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** The store's delivery log, newest first, optionally narrowed; `before` pages by creation time. */
export async function listWebhookDeliveries(
  db: Db,
  input: {
    storeId: string
    endpointId?: string | undefined
    status?: WebhookDeliveryStatus | undefined
    before?: number | undefined
    limit: number
  },
): Promise<WebhookDeliveryRow[]> {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('store_id', '=', input.storeId)
  if (input.endpointId !== undefined) q = q.where('endpoint_id', '=', input.endpointId)
  if (input.status !== undefined) q = q.where('status', '=', input.status)
  if (input.before !== undefined) q = q.where('created_at', '<', input.before)
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute()
}

/** How many endpoints the store has; read under lockStoreRow to hold a limit. */
export async function countWebhookEndpoints(db: Db, storeId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('store_id', '=', storeId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Changes an endpoint if it is still at `version` (the one the owner saw), bumping it; false
 * when another change came first or it is gone.
 */
export async function changeWebhookEndpoint(
  db: Db,
  where: { storeId: string; id: string; version: number },
  changes: {
    url?: string
    events?: WebhookEvent[]
    description?: string | null
    secret?: string
    secret_rotated_at?: number
  },
): Promise<boolean> {
  const { events, ...rest } = changes
  const result = await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      ...rest,
      ...(events !== undefined ? { events: JSON.stringify(events) } : {}),
      version: eb('version', '+', 1),
    }))
    .where('store_id', '=', where.storeId)
    .where('id', '=', where.id)
    .where('version', '=', where.version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** One delivery of the store's log; another store's is not found. */
export async function findStoreDelivery(
  db: Db,
  storeId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
}
