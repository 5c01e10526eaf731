import type { Kysely } from 'kysely'
import type { Order } from '@porchlight/shared/orders/model'
import type { Clock } from '../../../clock.ts'
import { toLookupHit } from '../order-lookup-hit.ts'
import {
  findDemoOrder,
  listDemoOrders,
  searchDemoOrders,
  updateDemoOrder,
  type DemoOrderPosition,
} from '../../../db/demo-orders.repository.ts'
import type { Database } from '../../../db/schema.ts'
import { AppError } from '../../../errors.ts'
import { newId } from '../../../ids.ts'
import type { ShopperIdentity, StoreActionResult, StoreAdapter } from '../store-adapter.ts'
import {
  asActionResult,
  cancelOrder,
  openReturn,
  refundOrder,
  type Mutation,
  type StaffLogEntry,
} from './demo-order-mutations.ts'
import { demoCreateExchange, demoExchangeOptions } from './demo-exchanges.ts'
import { changeShippingAddress } from './demo-address-change.ts'
import { receiveReturn } from './demo-return-receipts.ts'

const idShape = /^[A-Za-z0-9_-]{1,64}$/
// Optimistic writes retry a few times when another write to the same order lands in between.
const WRITE_ATTEMPTS = 3

/** Encodes a list position as an opaque, URL-safe cursor. */
export function encodeCursor(position: DemoOrderPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url')
}

/** Reads a cursor made by encodeCursor; anything else is an invalid_cursor (400). */
export function decodeCursor(cursor: string): DemoOrderPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      idShape.test(parsed[1])
    ) {
      return { createdAt: parsed[0] as number, id: parsed[1] }
    }
  } catch {
    // Falls through to the one answer for every unreadable cursor.
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this list gave out.')
}

/** A page of rows read with one row more than `limit`, and the cursor after its last row. */
function pageOf<T>(
  rows: Array<{ id: string; created_at: number; data: string }>,
  limit: number,
  map: (data: string) => T,
): { orders: T[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit)
  const last = pageRows[pageRows.length - 1]
  return {
    orders: pageRows.map((r) => map(r.data)),
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor({ createdAt: Number(last.created_at), id: last.id })
        : null,
  }
}

/**
 * The built-in demo store: orders live in our own `demo_orders` table, one adapter per store.
 * Changes are read-modify-write on the order's JSON, guarded by a version column.
 */
export function createDemoStoreAdapter(deps: {
  db: Kysely<Database>
  storeId: string
  clock: Clock
}): StoreAdapter {
  const { db, storeId, clock } = deps

  async function mutate<T>(
    orderId: string,
    change: (
      order: Order,
      now: Date,
    ) => { ok: true; value: Mutation<T> } | { ok: false; code: string; message: string },
  ): Promise<StoreActionResult<T>> {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const row = idShape.test(orderId) ? await findDemoOrder(db, storeId, orderId) : undefined
      if (row === undefined) {
        return { ok: false, code: 'order_not_found', message: 'No such order in this store.' }
      }
      const now = clock.now()
      const result = change(JSON.parse(row.data) as Order, now)
      if (!result.ok) return asActionResult(result)
      const log = JSON.parse(row.staff_log) as StaffLogEntry[]
      const written = await updateDemoOrder(db, {
        storeId,
        id: orderId,
        expectedVersion: row.version,
        data: JSON.stringify(result.value.order),
        staffLog: JSON.stringify([...log, result.value.log]),
        updatedAt: now.getTime(),
      })
      if (written) return asActionResult(result)
    }
    return { ok: false, code: 'conflict', message: 'The order kept changing; try again.' }
  }

  return {
    async listOrders(identity: ShopperIdentity, page: { limit: number; cursor?: string }) {
      const limit = Math.max(1, Math.min(100, Math.trunc(page.limit)))
      const rows = await listDemoOrders(db, {
        storeId,
        column: identity.kind,
        value: identity.kind === 'email' ? identity.value.toLowerCase() : identity.value,
        limit,
        ...(page.cursor !== undefined ? { after: decodeCursor(page.cursor) } : {}),
      })
      return pageOf(rows, limit, (data) => JSON.parse(data) as Order)
    },

    async searchOrders(filters, page) {
      const limit = Math.max(1, Math.min(100, Math.trunc(page.limit)))
      const rows = await searchDemoOrders(db, {
        storeId,
        filters,
        limit,
        ...(page.cursor !== undefined ? { after: decodeCursor(page.cursor) } : {}),
      })
      return pageOf(rows, limit, (data) => toLookupHit(JSON.parse(data) as Order))
    },

    async getOrder(orderId: string) {
      if (!idShape.test(orderId)) return undefined
      const row = await findDemoOrder(db, storeId, orderId)
      return row && (JSON.parse(row.data) as Order)
    },

    cancelOrder: (orderId, input) =>
      mutate(orderId, (order, now) => cancelOrder(order, input, now, newId('re'))),

    refund: (orderId, input) =>
      mutate(orderId, (order, now) => refundOrder(order, input, now, newId('re'))),

    createReturn: (orderId, input) =>
      mutate(orderId, (order, now) => openReturn(order, input, now, newId('rt'))),

    receiveReturn: (orderId, input) =>
      mutate(orderId, (order, now) => receiveReturn(order, input, now, newId('re'))),

    // The demo store makes no labels: the agent attaches one.
    returnLabel: async () => ({ ok: true, value: null }),

    exchangeOptions: (orderId, lineItemId) =>
      idShape.test(orderId)
        ? demoExchangeOptions({ db, storeId, clock, mutate }, orderId, lineItemId)
        : Promise.resolve({ ok: false, code: 'order_not_found', message: 'No such order.' }),

    createExchange: (orderId, input) =>
      idShape.test(orderId)
        ? demoCreateExchange({ db, storeId, clock, mutate }, orderId, input)
        : Promise.resolve({ ok: false, code: 'order_not_found', message: 'No such order.' }),
    updateShippingAddress: (orderId, input) =>
      mutate(orderId, (order, now) => changeShippingAddress(order, input, now)),
  }
}
