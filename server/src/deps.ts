import type { Kysely } from 'kysely'
import type { DevOutbox } from './adapters/dev-outbox/dev-outbox.ts'
import type { Mailer } from './adapters/mail/mailer.ts'
import type { EventBus } from './adapters/realtime/event-bus.ts'
import type { SmsSender } from './adapters/sms/sms-sender.ts'
import type { ShopifyRuntime } from './adapters/store/shopify/shopify-runtime.ts'
import type { StoreAdapterFactory } from './adapters/store/store-adapter.ts'
import type { WebhookTargetPolicy } from './adapters/webhooks/webhook-targets.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { Dialect } from './db/database.ts'
import type { Database } from './db/schema.ts'
import type { Asset } from './http/static-assets.ts'
import type { Logger } from './logger.ts'
import type { ChatHub } from './services/chat/hub.ts'
import type { OutboxWorker } from './services/outbox/worker.ts'
import type { ChatReplyHook } from './services/tickets/replies.ts'

// A leaf of the import graph: services may name the dependencies they use (a Pick<> of this)
// without importing the composition root, which imports every route and so every service.
/** Everything the app needs from the outside world; tests pass fakes, main.ts the real things. */
export interface AppDeps {
  config: Config
  db: Kysely<Database>
  dialect: Dialect
  clock: Clock
  logger: Logger
  /** The store adapter (demo, Shopify) for a store, by its adapter kind. */
  storeAdapters: StoreAdapterFactory
  /** Built widget files by URL path (`/porchlight.js`, `/app/index.html`, `/assets/...`). */
  assets: Map<string, Asset>
  /** Aborted when the server starts shutting down; long-lived streams close on it. */
  shutdownSignal: AbortSignal
  isShuttingDown(): boolean
  /** Email transport (SMTP, the dev outbox, or switched off in production). */
  mailer: Mailer
  /** SMS transport (Twilio, the dev outbox, or switched off in production). */
  sms: SmsSender
  /** What unconfigured channels captured; undefined in production. */
  devOutbox: DevOutbox | undefined
  /** Delivers queued messages; routes call `wake()` after committing one. */
  outbox: OutboxWorker
  /** Shopify clients, cost limiters and webhook refreshes; built on first use when absent. */
  shopify?: ShopifyRuntime
  /** Fans chat events out between processes (in memory, or LISTEN/NOTIFY on PostgreSQL). */
  bus: EventBus
  /** This process's chat streams; created by createApp when not given (tests pass their own). */
  chatHub?: ChatHub
  /** Writes agents' replies to chat tickets in the conversation; the chat's replyInTicketChat. */
  chatReplies: ChatReplyHook
  /**
   * Where webhook endpoints may point (default: public addresses only, the system resolver).
   * The test harness allows its local receivers; production refuses that allowance.
   */
  webhookTargets?: WebhookTargetPolicy
}
