import { createMessaging } from './adapters/messaging.ts'
import { createStoreAdapterRegistry } from './adapters/store/registry.ts'
import { ShopifyRuntime } from './adapters/store/shopify/shopify-runtime.ts'
import type { AppDeps } from './deps.ts'
import type { EventBus } from './adapters/realtime/event-bus.ts'
import { createMemoryBus } from './adapters/realtime/memory-bus.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { DatabaseHandle } from './db/database.ts'
import type { Asset } from './http/static-assets.ts'
import type { Logger } from './logger.ts'
import { replyInTicketChat } from './services/chat/ticket-replies.ts'
import { outboxTemplates } from './services/outbox/templates.ts'
import { createOutboxWorker } from './services/outbox/worker.ts'
import { keyringOf } from './keyring.ts'

/**
 * Builds the real dependencies of the app from configuration and an open database: messaging
 * (SMTP, Twilio or the dev outbox), the outbox worker and the store adapters. main.ts and the
 * benchmark scripts share it, so a new dependency is wired in one place.
 */
export function composeDeps(input: {
  config: Config
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  assets?: Map<string, Asset>
  shutdownSignal?: AbortSignal
  /** Chat fan-out: in memory for one process, LISTEN/NOTIFY for several on PostgreSQL. */
  bus?: EventBus
}): AppDeps {
  const { config, database, clock, logger } = input
  const messaging = createMessaging(config, { clock, logger })
  const outbox = createOutboxWorker({
    db: database.db,
    clock,
    logger,
    mailer: messaging.mailer,
    sms: messaging.sms,
    templates: outboxTemplates(config, { db: database.db, clock }),
  })
  const signal = input.shutdownSignal ?? new AbortController().signal
  const shopify = new ShopifyRuntime({
    db: database.db,
    clock,
    logger: logger.child({ component: 'shopify' }),
    apiVersion: config.shopifyApiVersion,
    keyring: keyringOf(config),
    signal,
  })
  return {
    config,
    db: database.db,
    dialect: database.dialect,
    clock,
    logger,
    storeAdapters: createStoreAdapterRegistry({ db: database.db, clock, shopify }),
    shopify,
    assets: input.assets ?? new Map(),
    shutdownSignal: signal,
    isShuttingDown: () => signal.aborted,
    ...messaging,
    outbox,
    bus: input.bus ?? createMemoryBus(logger),
    chatReplies: replyInTicketChat,
  }
}
