import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { insertDemoOrders } from '../../db/demo-orders.repository.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { buildDemoOrders } from '../../seed/demo-orders.ts'
import { openShopperSession } from '../../services/sessions/shopper-sessions.ts'

const orderBody = z.strictObject({
  storeId: z.string().max(64).default('st_demo'),
  /** The demo order to copy (its number in the fixture, e.g. 1001). */
  from: z.number().int().min(1001).max(1100),
  /** Who the copy belongs to, so a journey's shopper sees only its own orders. */
  email: z.email().max(254),
  /** A postal code of its own for the copy's addresses, so a lookup by it finds this one. */
  postalCode: z.string().trim().min(1).max(20).optional(),
})

const sessionBody = z.strictObject({
  storeId: z.string().max(64).default('st_demo'),
  identity: z.strictObject({ kind: z.enum(['email', 'phone']), value: z.string().max(254) }),
})

async function requireStore(c: { get(k: 'deps'): AppEnv['Variables']['deps'] }, id: string) {
  if ((await findStoreById(c.get('deps').db, id)) === undefined) {
    throw new AppError('store_not_found', 'No such store.')
  }
}

/**
 * Test-only fixtures besides tickets, mounted with them (PORCHLIGHT_TEST_SEED, never in
 * production): a fresh copy of a demo order for a journey to change without disturbing the
 * shared demo orders other journeys read, and a shopper session without the one-time code.
 */
export const testFixtureRoutes = new Hono<AppEnv>()
  .post('/test/demo-orders', async (c) => {
    const body = await readJson(c, orderBody)
    await requireStore(c, body.storeId)
    const { db, clock } = c.get('deps')
    const source = buildDemoOrders(body.storeId, clock.now()).find(
      (o) => o.name === `#${body.from}`,
    )
    if (source === undefined) throw new AppError('order_not_found', 'No such demo order.')
    const suffix = randomBytes(4).toString('hex')
    const order = {
      ...source,
      id: `ord_test_${suffix}`,
      name: `#${body.from}-${suffix}`,
      email: body.email.toLowerCase(),
      ...(body.postalCode !== undefined
        ? {
            shippingAddress: source.shippingAddress && {
              ...source.shippingAddress,
              postalCode: body.postalCode,
            },
            billingAddress: source.billingAddress && {
              ...source.billingAddress,
              postalCode: body.postalCode,
            },
          }
        : {}),
    }
    await insertDemoOrders(db, [
      {
        store_id: body.storeId,
        id: order.id,
        name: order.name,
        email: order.email,
        phone: order.phone,
        created_at: Date.parse(order.createdAt),
        updated_at: Date.parse(order.updatedAt),
        version: 1,
        data: JSON.stringify(order),
        staff_log: '[]',
      },
    ])
    return c.json({ id: order.id, name: order.name }, 201)
  })
  .post('/test/shopper-sessions', async (c) => {
    const body = await readJson(c, sessionBody)
    await requireStore(c, body.storeId)
    const { db, clock } = c.get('deps')
    const { token } = await openShopperSession(db, {
      storeId: body.storeId,
      identity: body.identity,
      now: clock.now(),
      ttlHours: 1,
    })
    return c.json({ token }, 201)
  })
