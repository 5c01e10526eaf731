import type { Mailer } from './adapters/mail/mailer.ts'
import { createMessaging } from './adapters/messaging.ts'
import type { SmsSender } from './adapters/sms/sms-sender.ts'
import { createStoreAdapterRegistry } from './adapters/store/registry.ts'
import {
  ShopifyRuntime,
  type ShopifyRuntimeOptions,
} from './adapters/store/shopify/shopify-runtime.ts'
import type { AppDeps } from './deps.ts'
import type { EventBus } from './adapters/realtime/event-bus.ts'
import { createMemoryBus } from './adapters/realtime/memory-bus.ts'
import { createHttpWebhookSender } from './adapters/webhooks/webhook-sender.ts'
import type { WebhookTargetPolicy } from './adapters/webhooks/webhook-targets.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { DatabaseHandle } from './db/database.ts'
import type { Asset } from './http/static-assets.ts'
import type { Logger } from './logger.ts'
import { replyInTicketChat } from './services/chat/ticket-replies.ts'
import { outboxTemplates } from './services/outbox/templates.ts'
import { createOutboxWorker, type OutboxWorkerOptions } from './services/outbox/worker.ts'
import { keyringOf } from './keyring.ts'

export interface ComposeInput {
  config: Config
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  assets?: Map<string, Asset>
  shutdownSignal?: AbortSignal
  /** Chat fan-out: in memory for one process, LISTEN/NOTIFY for several on PostgreSQL. */
  bus?: EventBus
}

/**
 * What a caller (the test harness, a benchmark) changes in the real wiring. Each is applied
 * where the dependency is built, so what uses it sees the same one: a replaced mailer is also
 * the one the outbox worker sends through.
 */
export interface DepsOverrides {
  /** Replaces the email transport (default: SMTP when configured, else the dev outbox). */
  mailer?: Mailer
  /** Replaces the SMS transport (default: Twilio when configured, else the dev outbox). */
  sms?: SmsSender
  /** Outbox worker settings, over the defaults. */
  outbox?: Partial<OutboxWorkerOptions>
  /** Shopify runtime settings (fetch, sleep, the cost limiter's clock), over the defaults. */
  shopify?: Partial<ShopifyRuntimeOptions>
  /**
   * Where webhook endpoints may point, at creation and at delivery (default: public addresses
   * only, the system resolver). createApp refuses an allowance of private ones in production.
   */
  webhookTargets?: WebhookTargetPolicy
}

/**
 * Builds the real dependencies of the app from configuration and an open database: messaging
 * (SMTP, Twilio or the dev outbox), the outbox worker and the store adapters. main.ts, the test
 * harness and the benchmark scripts share it, so a new dependency is wired in one place.
 */
export function composeDeps(input: ComposeInput, overrides: DepsOverrides = {}): AppDeps {
  const { config, database, clock, logger } = input
  const messaging = createMessaging(config, { clock, logger })
  const mailer = overrides.mailer ?? messaging.mailer
  const sms = overrides.sms ?? messaging.sms
  const { webhookTargets } = overrides
  const outbox = createOutboxWorker({
    db: database.db,
    clock,
    logger,
    mailer,
    sms,
    templates: outboxTemplates(
      { ...config, inboundDomain: config.inboundMail?.domain },
      { db: database.db, clock },
    ),
    ...(webhookTargets !== undefined
      ? { webhooks: createHttpWebhookSender({ targets: webhookTargets }) }
      : {}),
    ...overrides.outbox,
  })
  const signal = input.shutdownSignal ?? new AbortController().signal
  const shopify = new ShopifyRuntime({
    db: database.db,
    clock,
    logger: logger.child({ component: 'shopify' }),
    apiVersion: config.shopifyApiVersion,
    keyring: keyringOf(config),
    signal,
    ...overrides.shopify,
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
    mailer,
    sms,
    devOutbox: messaging.devOutbox,
    outbox,
    bus: input.bus ?? createMemoryBus(logger),
    chatReplies: replyInTicketChat,
    ...(webhookTargets !== undefined ? { webhookTargets } : {}),
  }
}
