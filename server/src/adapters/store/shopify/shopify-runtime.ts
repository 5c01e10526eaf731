import { createHash } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import type { Clock } from '../../../clock.ts'
import type { Database } from '../../../db/schema.ts'
import type { Store } from '../../../db/stores.repository.ts'
import { AppError } from '../../../errors.ts'
import { keyringOf, type Keyring } from '../../../keyring.ts'
import type { Logger } from '../../../logger.ts'
import { AdminClient, fixedToken, type AccessTokenSource } from './admin-client.ts'
import { CostLimiter, type Limiter, type LimiterTiming } from './cost-limiter.ts'
import { createShopifyAdapter, type ShopifyStoreAdapter } from './shopify-adapter.ts'
import {
  readShopifyConfig,
  sealShopifyConfig,
  readShopifyFacts,
  type ShopifyConnection,
} from './shopify-config.ts'
import { TokenKeeper } from './token-keeper.ts'

export interface ShopifyRuntimeOptions {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  apiVersion: string
  /** SECRET_KEY (and SECRET_KEY_PREVIOUS): opens the sealed secrets of stores. */
  keyring: Keyring
  /** Injected in tests so back-off and bucket waits take no real time. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>
  random?(): number
  /** Monotonic milliseconds for the cost limiter. */
  monotonicNow?(): number
  fetch?: typeof fetch
  /** Replaces the per-shop cost limiter (tests use this to show what happens without one). */
  createLimiter?(timing: LimiterTiming): Limiter
  cacheMaxAgeMs?: number
  refreshDelaysMs?: number[]
  /** Aborted at shutdown: background refreshes stop waiting (their pending marks stay). */
  signal?: AbortSignal
}

const DEFAULT_CACHE_MAX_AGE_MS = 15 * 60_000
const DEFAULT_REFRESH_DELAYS_MS = [1_000, 3_000, 10_000]

/**
 * Process-wide Shopify state: one cost limiter per shop (every shopper and webhook of a shop
 * draws from the same bucket), clients built from each store's configuration, and the
 * background refreshes webhooks start (tracked so shutdown and tests can wait for them).
 */
export class ShopifyRuntime {
  readonly options: ShopifyRuntimeOptions
  #limiters = new Map<string, Limiter>()
  #clients = new Map<string, { key: string; client: AdminClient }>()
  #tasks = new Set<Promise<unknown>>()
  readonly tokens: TokenKeeper

  constructor(options: ShopifyRuntimeOptions) {
    this.options = options
    this.tokens = new TokenKeeper({
      db: options.db,
      keyring: options.keyring,
      logger: options.logger,
      now: () => options.clock.now().getTime(),
      // Waiting for another process's renewal is real waiting, even under virtual test time.
      sleep: (ms) => delay(ms),
      ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    })
  }

  get sleep(): (ms: number, signal?: AbortSignal) => Promise<void> {
    if (this.options.sleep !== undefined) return this.options.sleep
    const shutdown = this.options.signal
    return (ms, signal) => {
      const signals = [signal, shutdown].filter((s): s is AbortSignal => s !== undefined)
      const options = signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}
      return delay(ms, undefined, options).catch(() => undefined)
    }
  }

  /** The adapter for a Shopify store; throws when the store is not (fully) connected. */
  adapterFor(store: Store): ShopifyStoreAdapter {
    const connection = this.connectionOf(store)
    if (connection === undefined) {
      throw new AppError('store_not_connected', 'This store is not connected to Shopify.')
    }
    return createShopifyAdapter({
      storeId: store.id,
      client: this.clientFor(store.id, connection),
      db: this.options.db,
      clock: this.options.clock,
      logger: this.options.logger,
      sleep: this.sleep,
      cacheMaxAgeMs: this.options.cacheMaxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS,
      refreshDelaysMs: this.options.refreshDelaysMs ?? DEFAULT_REFRESH_DELAYS_MS,
      stopped: () => this.options.signal?.aborted === true,
    })
  }

  /**
   * A Shopify store's connection with its secrets opened; undefined when it has none (or its
   * secrets were sealed under a key no longer configured). A config still holding plaintext
   * secrets, or sealed under SECRET_KEY_PREVIOUS, is sealed again under the current key.
   */
  connectionOf(store: Store): ShopifyConnection | undefined {
    if (store.adapterKind !== 'shopify') return undefined
    const read = readShopifyConfig(store.adapterConfig, store.id, this.options.keyring)
    if (read === undefined) return undefined
    if (read.needsReseal) this.#reseal(store, read.connection)
    return read.connection
  }

  #reseal(store: Store, connection: ShopifyConnection): void {
    const sealed = sealShopifyConfig(
      connection,
      readShopifyFacts(store.adapterConfig),
      store.id,
      this.options.keyring,
    )
    const before = JSON.stringify(store.adapterConfig)
    this.runInBackground(`reseal store ${store.id}`, async () => {
      // Only over the config we read: a connection saved meanwhile wins.
      await this.options.db
        .updateTable('stores')
        .set({ adapter_config: JSON.stringify(sealed) })
        .where('id', '=', store.id)
        .where('adapter_config', '=', before)
        .execute()
    })
  }

  /** A client for these credentials, sharing the shop's limiter with every other caller. */
  clientFor(storeId: string, connection: ShopifyConnection) {
    // The bucket belongs to the app-and-shop pair: the app is its token (legacy) or client ID.
    const app = connection.mode === 'legacy' ? connection.accessToken : connection.clientId
    const bucketKey = createHash('sha256')
      .update(`${connection.mode}\n${connection.domain}\n${app}`)
      .digest('hex')
    // A new client secret (or token) must reach the token source: it is part of the cache key.
    const clientKey = createHash('sha256')
      .update(`${bucketKey}\n${connection.mode === 'legacy' ? '' : connection.clientSecret}`)
      .digest('hex')
    const cached = this.#clients.get(storeId)
    if (cached !== undefined && cached.key === clientKey) return cached.client
    let limiter = this.#limiters.get(bucketKey)
    if (limiter === undefined) {
      const timing = {
        now: this.options.monotonicNow ?? (() => performance.now()),
        sleep: this.sleep,
      }
      limiter = this.options.createLimiter?.(timing) ?? new CostLimiter(timing)
      this.#limiters.set(bucketKey, limiter)
    }
    const tokens: AccessTokenSource =
      connection.mode === 'legacy'
        ? fixedToken(connection.accessToken)
        : this.tokens.sourceFor(storeId, connection)
    const client = new AdminClient({
      domain: connection.domain,
      tokens,
      apiVersion: this.options.apiVersion,
      limiter,
      logger: this.options.logger,
      sleep: this.sleep,
      random: this.options.random ?? Math.random,
      ...(this.options.fetch !== undefined ? { fetch: this.options.fetch } : {}),
    })
    this.#clients.set(storeId, { key: clientKey, client })
    return client
  }

  /** Runs work after the response went out; failures are logged, never thrown. */
  runInBackground(name: string, work: () => Promise<unknown>): void {
    if (this.options.signal?.aborted) return
    const task = work()
      .catch((err: unknown) => {
        this.options.logger.error('shopify background task failed', {
          task: name,
          error: (err as Error).message,
        })
      })
      .finally(() => this.#tasks.delete(task))
    this.#tasks.add(task)
  }

  /** Resolves once no background work is running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.#tasks.size > 0) await Promise.all([...this.#tasks])
  }
}

const runtimes = new WeakMap<object, ShopifyRuntime>()

/**
 * The runtime of an app: `deps.shopify` when the composition root passed one, otherwise one
 * built on first use from the app's own database, clock, logger and configuration.
 */
export function shopifyRuntime(deps: {
  shopify?: ShopifyRuntime | undefined
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  config: {
    shopifyApiVersion: string
    secretKey: string | undefined
    secretKeyPrevious?: string | undefined
  }
  shutdownSignal?: AbortSignal
}): ShopifyRuntime {
  if (deps.shopify !== undefined) return deps.shopify
  let runtime = runtimes.get(deps)
  if (runtime === undefined) {
    runtime = new ShopifyRuntime({
      db: deps.db,
      clock: deps.clock,
      logger: deps.logger.child({ component: 'shopify' }),
      apiVersion: deps.config.shopifyApiVersion,
      keyring: keyringOf(deps.config),
      ...(deps.shutdownSignal !== undefined ? { signal: deps.shutdownSignal } : {}),
    })
    runtimes.set(deps, runtime)
  }
  return runtime
}
