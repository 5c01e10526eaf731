import type { Mailer } from '../adapters/mail/mailer.ts'
import type { SmsSender } from '../adapters/sms/sms-sender.ts'
import type { ShopifyRuntimeOptions } from '../adapters/store/shopify/shopify-runtime.ts'
import type { WebhookTargetPolicy } from '../adapters/webhooks/webhook-targets.ts'
import { createApp } from '../app.ts'
import { composeDeps } from '../compose.ts'
import type { AppDeps } from '../deps.ts'
import { createManualClock } from '../clock.ts'
import { loadConfig, type Config } from '../config.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { openTestDatabase } from './test-database.ts'
import type { Asset } from '../http/static-assets.ts'
import { createMemoryLogger } from '../logger.ts'
import { testClockRoutes } from '../routes/test-clock/test-clock.routes.ts'
import { testSeedRoutes } from '../routes/test/test-seed.routes.ts'
import { seedDemoOrders } from '../seed/demo-orders.ts'
import { seedDemoStore } from '../seed/demo-store.ts'
import type { OutboxWorkerOptions } from '../services/outbox/worker.ts'
import { createChatHub } from '../services/chat/hub.ts'

export { openTestDatabase, testDialect } from './test-database.ts'

export interface TestAppOptions {
  env?: Record<string, string>
  assets?: Map<string, Asset>
  seed?: boolean
  /** Replaces the email transport (default: the dev outbox). */
  mailer?: Mailer
  /** Replaces the SMS transport (default: the dev outbox). */
  sms?: SmsSender
  /** Outbox worker settings (default: retry delays at their maximum, so tests can rely on them). */
  outbox?: Partial<OutboxWorkerOptions>
  /** Shopify runtime settings (tests inject fetch, sleep and the clock of the cost limiter). */
  shopify?: Partial<ShopifyRuntimeOptions>
  /** A database opened by the test (default: a fresh one from openTestDatabase). */
  database?: DatabaseHandle
  /** Where webhooks may go, at creation and delivery (default: testWebhookTargets). */
  webhookTargets?: WebhookTargetPolicy
}

/**
 * The suite's webhook allowance: its receivers listen on 127.0.0.1, so private addresses are
 * let through, and no name is looked up in real DNS (tests never reach outside the machine):
 * only `localhost` resolves. Tests of the refusals pass their own policy.
 */
export const testWebhookTargets: WebhookTargetPolicy = {
  allowPrivate: true,
  resolve: async (host) => {
    if (host === 'localhost') return [{ address: '127.0.0.1', family: 4 }]
    throw new Error(`getaddrinfo ENOTFOUND ${host} (tests resolve no names)`)
  },
}

/** Builds the whole app over a fresh database with a manual clock and a memory logger. */
export async function createTestApp(options: TestAppOptions = {}) {
  const database = options.database ?? (await openTestDatabase())
  const clock = createManualClock()
  const logger = createMemoryLogger()
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-000',
    ...options.env,
  })
  if (options.seed !== false) {
    await seedDemoStore(database.db, clock.now())
    await seedDemoOrders(database.db, clock.now())
  }
  const shutdown = new AbortController()
  // Production refuses the allowance (createApp), so production-mode tests get none.
  const webhookTargets =
    options.webhookTargets ??
    (config.env === 'production'
      ? { ...testWebhookTargets, allowPrivate: false }
      : testWebhookTargets)
  const deps = composeDeps(
    {
      config,
      database,
      clock,
      logger,
      shutdownSignal: shutdown.signal,
      ...(options.assets !== undefined ? { assets: options.assets } : {}),
    },
    {
      ...(options.mailer !== undefined ? { mailer: options.mailer } : {}),
      ...(options.sms !== undefined ? { sms: options.sms } : {}),
      // Retry delays at their maximum, so tests can rely on them.
      outbox: { random: () => 1, ...options.outbox },
      ...(options.shopify !== undefined ? { shopify: options.shopify } : {}),
      webhookTargets,
    },
  )
  const { outbox } = deps
  // Built here rather than by createApp so tests can drive its heartbeat.
  const hub = createChatHub(deps)
  deps.chatHub = hub
  const app = createApp(deps)
  // The test entry's routes, as server/src/testing/test-extension.ts mounts them.
  if (config.testSeed) app.route('/', testSeedRoutes)
  if (config.testClock) app.route('/', testClockRoutes(clock))
  /** Delivers every queued message that is due (the worker is not started in tests). */
  const drainOutbox = () => outbox.drain()
  return { app, deps, db: database.db, clock, logger, config, shutdown, drainOutbox, hub }
}

/** JSON request helper for `app.request()`. */
export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }
}

/** Mints a shopper session directly, for tests of routes behind sign-in. */
export async function mintShopperSession(
  ctx: { db: AppDeps['db']; clock: { now(): Date } },
  storeId: string,
  identity: import('../adapters/store/store-adapter.ts').ShopperIdentity,
  ttlHours = 24,
) {
  const { openShopperSession } = await import('../services/sessions/shopper-sessions.ts')
  const { token } = await openShopperSession(ctx.db, {
    storeId,
    identity,
    now: ctx.clock.now(),
    ttlHours,
  })
  return { token, headers: { authorization: `Bearer ${token}` } }
}
