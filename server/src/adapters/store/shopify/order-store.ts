import type { Order } from '@porchlight/shared/orders/model'
import type { Kysely } from 'kysely'
import type { Clock } from '../../../clock.ts'
import type { Database } from '../../../db/schema.ts'
import {
  findCachedOrder,
  expireCachedOrder,
  removeCachedOrder,
  saveOrderSnapshot,
} from './order-cache.ts'
import type { ShopifyOrderRow } from '../../../db/shopify-cache.table.ts'
import { AppError } from '../../../errors.ts'
import type { Logger } from '../../../logger.ts'
import type { AdminClient, ClientResult } from './admin-client.ts'
import { mapOrder, normalizeEmail, normalizePhone, snapshotVersion } from './map-order.ts'
import { gid, isShopifyNumericId, orderById } from './operations.ts'
import type { RawOrder } from './shopify-types.ts'

export interface OrderStoreDeps {
  storeId: string
  client: AdminClient
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  sleep(ms: number): Promise<void>
  /** A snapshot older than this is re-read even without a webhook (a missed one, say). */
  cacheMaxAgeMs: number
  /** Waits between refresh attempts while Shopify's API still lags behind its webhook. */
  refreshDelaysMs: number[]
  /** True once the server is shutting down: background refreshes give up. */
  stopped?(): boolean
}

/**
 * Orders of one Shopify store, read through the local cache: a fresh snapshot is served from
 * the database, anything else (never seen, announced stale by a webhook, too old) is fetched
 * from the Admin API and stored. When Shopify is down, a stale snapshot beats an error page.
 */
export class OrderStore {
  readonly deps: OrderStoreDeps

  constructor(deps: OrderStoreDeps) {
    this.deps = deps
  }

  isServable(row: ShopifyOrderRow, atLeastVersion = 0): boolean {
    const pending = row.pending_version !== null && row.pending_version > row.version
    const age = this.deps.clock.now().getTime() - row.fetched_at
    return !pending && age < this.deps.cacheMaxAgeMs && row.version >= atLeastVersion
  }

  /** An order by our id (Shopify's numeric id), from the cache when fresh. */
  async get(orderId: string, atLeastVersion = 0): Promise<Order | undefined> {
    if (!isShopifyNumericId(orderId)) return undefined
    const row = await findCachedOrder(this.deps.db, this.deps.storeId, orderId)
    if (row !== undefined && this.isServable(row, atLeastVersion)) return parseOrder(row)
    const result = await this.fetchRaw(orderId)
    if (!result.ok) {
      if (row !== undefined) {
        this.deps.logger.warn('serving a stale shopify order', {
          storeId: this.deps.storeId,
          orderId,
          reason: result.message,
        })
        return parseOrder(row)
      }
      if (result.failure === 'customer_data_withheld') throw customerDataWithheld()
      throw unavailable(result.message)
    }
    if (result.data === null) {
      await removeCachedOrder(this.deps.db, this.deps.storeId, orderId)
      return undefined
    }
    return this.save(result.data, null)
  }

  /** The order exactly as Shopify has it now (for decisions, never from the cache). */
  async fetchRaw(orderId: string): Promise<ClientResult<RawOrder | null>> {
    const result = await this.deps.client.request(orderById, { id: gid('Order', orderId) })
    return result.ok ? { ok: true, data: result.data.order } : result
  }

  /**
   * Maps and stores a fetched order. `covers` is a webhook timestamp the caller knows this
   * fetch happened after, so the snapshot counts as covering it even if Shopify's timestamps lag.
   */
  async save(raw: RawOrder, covers: number | null): Promise<Order> {
    const { storeId, logger } = this.deps
    const order = this.map(raw)
    if (raw.lineItems.pageInfo.hasNextPage || raw.fulfillments.length >= 5) {
      logger.info('shopify order truncated to the first lines and shipments', {
        storeId,
        orderId: order.id,
      })
    }
    const country = order.shippingAddress?.country ?? undefined
    await saveOrderSnapshot(this.deps.db, {
      storeId,
      orderId: order.id,
      email: normalizeEmail(raw.email),
      customerEmail: normalizeEmail(raw.customer?.defaultEmailAddress?.emailAddress),
      phone:
        normalizePhone(raw.customer?.defaultPhoneNumber?.phoneNumber, country) ??
        normalizePhone(raw.phone, country),
      customerId: raw.customer?.legacyResourceId ?? null,
      orderJson: JSON.stringify(order),
      version: Math.max(snapshotVersion(raw), covers ?? 0),
      orderCreatedAt: Date.parse(raw.createdAt),
      fetchedAt: this.deps.clock.now().getTime(),
    })
    return order
  }

  /**
   * Brings a cached order up to date after a webhook announced a change at `pendingAt`.
   * Shopify's read API can trail its webhooks by a moment, so while the fetched snapshot is
   * older than the announcement it waits and tries again, a few times, before accepting it.
   */
  async refresh(orderId: string, pendingAt: number): Promise<'refreshed' | 'removed' | 'failed'> {
    const delays = this.deps.refreshDelaysMs
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      const result = await this.fetchRaw(orderId)
      const last = attempt === delays.length
      if (!result.ok) {
        if (last || result.failure !== 'unavailable') {
          this.deps.logger.warn('shopify order refresh failed', {
            storeId: this.deps.storeId,
            orderId,
            reason: result.message,
          })
          return 'failed'
        }
      } else if (result.data === null) {
        await removeCachedOrder(this.deps.db, this.deps.storeId, orderId)
        return 'removed'
      } else if (snapshotVersion(result.data) >= pendingAt || last) {
        await this.save(result.data, pendingAt)
        return 'refreshed'
      }
      await this.deps.sleep(delays[attempt] ?? 0)
      // The pending mark stays in the database: the next read goes to Shopify.
      if (this.deps.stopped?.() === true) return 'failed'
    }
    return 'failed'
  }

  /** Our model of a Shopify order; enum values we do not know are logged. */
  map(raw: RawOrder): Order {
    return mapOrder(raw, (field, value) =>
      this.deps.logger.warn('unknown shopify enum value', {
        storeId: this.deps.storeId,
        orderId: raw.legacyResourceId,
        field,
        value,
      }),
    )
  }

  /** After we changed an order on Shopify: the next read must not trust the cache. */
  async invalidate(orderId: string): Promise<void> {
    await expireCachedOrder(this.deps.db, this.deps.storeId, orderId)
  }
}

export function parseOrder(row: ShopifyOrderRow): Order {
  return JSON.parse(row.order_json) as Order
}

/** The shop withholds customers' contact details: say so, rather than list no orders. */
export function customerDataWithheld(): AppError {
  return new AppError(
    'customer_data_withheld',
    'This store has not allowed Porchlight to read its customers’ contact details, so orders cannot be found by email or phone.',
  )
}

/** Shopify's own message is logged by the client; the shopper gets a plain one. */
export function unavailable(_detail: string): AppError {
  return new AppError(
    'store_not_answering',
    'The store is not answering right now; try again in a moment.',
  )
}
