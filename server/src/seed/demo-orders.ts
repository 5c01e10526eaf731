import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Order } from '@porchlight/shared/orders/model'
import { insertDemoOrders } from '../db/demo-orders.repository.ts'
import type { Database } from '../db/schema.ts'
import { buildDemoOrder } from './demo-order-builders.ts'
import { demoOrderSpecs } from './demo-orders.fixture.ts'
import { DEMO_STORE_ID } from './demo-store.ts'

/**
 * The id of demo order `number` in a store: derived from both, so seeding is repeatable (the
 * same id every time) and two demo stores never share an order id.
 */
export function demoOrderId(storeId: string, number: number): string {
  const digest = createHash('sha256').update(`${storeId}:${number}`).digest('base64url')
  return `ord_${digest.slice(0, 16)}`
}

/** The fixture orders of a store, dated relative to `now`. */
export function buildDemoOrders(storeId: string, now: Date): Order[] {
  return demoOrderSpecs(now).map((spec) => buildDemoOrder(spec, demoOrderId(storeId, spec.number)))
}

/**
 * Seeds the demo orders of a store (the demo store by default). Idempotent: orders already
 * there are left as they are (an agent may have cancelled or refunded them since), so a
 * restart never resets the demo. Returns how many orders were added.
 */
export async function seedDemoOrders(
  db: Kysely<Database>,
  now: Date,
  storeId: string = DEMO_STORE_ID,
): Promise<number> {
  const rows = buildDemoOrders(storeId, now).map((order) => ({
    store_id: storeId,
    id: order.id,
    name: order.name,
    email: order.email?.toLowerCase() ?? null,
    phone: order.phone,
    created_at: Date.parse(order.createdAt),
    updated_at: Date.parse(order.updatedAt),
    version: 1,
    data: JSON.stringify(order),
    staff_log: '[]',
  }))
  return insertDemoOrders(db, rows)
}
