import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Kysely } from 'kysely'
import type { DevOutbox } from './adapters/dev-outbox/dev-outbox.ts'
import type { Mailer } from './adapters/mail/mailer.ts'
import type { EventBus } from './adapters/realtime/event-bus.ts'
import type { SmsSender } from './adapters/sms/sms-sender.ts'
import type { ShopifyRuntime } from './adapters/store/shopify/shopify-runtime.ts'
import type { StoreAdapterFactory } from './adapters/store/store-adapter.ts'
import type { AppEnv } from './app-env.ts'
import type { Clock, ClockControl } from './clock.ts'
import type { Config } from './config.ts'
import type { Dialect } from './db/database.ts'
import type { Database } from './db/schema.ts'
import { AppError } from './errors.ts'
import { handleError, handleNotFound } from './http/error-handler.ts'
import type { Asset } from './http/static-assets.ts'
import type { Logger } from './logger.ts'
import { accessLog } from './middleware/access-log.ts'
import { requestId } from './middleware/request-id.ts'
import { agentAuthRoutes } from './routes/agent/agent-auth.routes.ts'
import { agentDirectoryRoutes } from './routes/agent/agents.routes.ts'
import { agentTokenRoutes } from './routes/agent/agent-tokens.routes.ts'
import { agentTotpRoutes } from './routes/agent/agent-totp.routes.ts'
import { agentTicketActionRoutes } from './routes/agent/ticket-actions.routes.ts'
import { agentTicketRoutes } from './routes/agent/tickets.routes.ts'
import { agentWebhookRoutes } from './routes/agent/webhooks.routes.ts'
import { shopifySettingsRoutes } from './routes/agent/shopify-settings.routes.ts'
import { openApiRoutes } from './routes/openapi/openapi.routes.ts'
import { authRoutes } from './routes/auth/auth.routes.ts'
import { consoleRoutes } from './routes/console/console.routes.ts'
import { agentChatRoutes } from './routes/conversations/agent-chat.routes.ts'
import { shopperChatRoutes } from './routes/conversations/shopper-chat.routes.ts'
import { demoRoutes } from './routes/demo/demo.routes.ts'
import { devOutboxRoutes } from './routes/dev/dev-outbox.routes.ts'
import { healthRoutes } from './routes/health/health.routes.ts'
import { orderRoutes } from './routes/orders/orders.routes.ts'
import { testClockRoutes } from './routes/test-clock/test-clock.routes.ts'
import { requestRoutes } from './routes/requests/requests.routes.ts'
import { testSeedRoutes } from './routes/test/test-seed.routes.ts'
import { webhookRoutes } from './routes/webhooks/shopify-webhooks.routes.ts'
import { widgetRoutes } from './routes/widget/widget.routes.ts'
import { createChatHub, type ChatHub } from './services/chat/hub.ts'
import type { OutboxWorker } from './services/outbox/worker.ts'
import type { ChatReplyHook } from './services/tickets/replies.ts'

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
  /** Moves the clock; only with PORCHLIGHT_TEST_CLOCK, which production refuses. */
  clockControl?: ClockControl
  /** Writes agents' replies to chat tickets in the conversation; the chat's replyInTicketChat. */
  chatReplies: ChatReplyHook
}

/** Bodies above this are refused before they are read: no request of ours needs more. */
export const MAX_BODY_BYTES = 64 * 1024

/** The composition root: wires middleware and routes around the given dependencies. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('*', requestId)
  app.use('*', accessLog)
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`)
    },
  })
  // Webhooks set their own, larger limit (see webhookRoutes).
  app.use('*', (c, next) => (c.req.path.startsWith('/v1/webhooks/') ? next() : limitBody(c, next)))
  app.onError(handleError)
  app.notFound(handleNotFound)

  app.route('/', healthRoutes)
  app.route('/', widgetRoutes)
  app.route('/', orderRoutes)
  app.route('/', requestRoutes)
  app.route('/', consoleRoutes)
  app.route('/', agentAuthRoutes)
  app.route('/', agentTicketRoutes)
  app.route('/', agentTicketActionRoutes)
  app.route('/', agentDirectoryRoutes)
  app.route('/', agentTokenRoutes)
  app.route('/', agentTotpRoutes)
  app.route('/', agentWebhookRoutes)
  app.route('/', shopifySettingsRoutes)
  app.route('/', openApiRoutes)
  app.route('/', authRoutes)
  app.route('/', webhookRoutes)
  const chatHub = deps.chatHub ?? createChatHub(deps)
  app.route('/', shopperChatRoutes(chatHub))
  app.route('/', agentChatRoutes(chatHub))
  if (deps.config.env !== 'production') app.route('/', demoRoutes)
  if (deps.config.env !== 'production' && deps.devOutbox) app.route('/', devOutboxRoutes)
  if (deps.config.testSeed) app.route('/', testSeedRoutes)
  if (deps.config.testClock && deps.config.env !== 'production' && deps.clockControl) {
    app.route('/', testClockRoutes(deps.clockControl))
  }
  return app
}

export type App = ReturnType<typeof createApp>
