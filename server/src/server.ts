import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createMemoryBus } from './adapters/realtime/memory-bus.ts'
import { createPostgresBus } from './adapters/realtime/postgres-bus.ts'
import { createApp } from './app.ts'
import { composeDeps } from './compose.ts'
import { systemClock, type Clock } from './clock.ts'
import type { Config } from './config.ts'
import { migrateToLatest, openDatabase } from './db/database.ts'
import { logTaskFailure } from './db/storage-health.ts'
import type { ServerExtension } from './server-extension.ts'
import { loadAssets } from './http/static-assets.ts'
import { createLogger, type Logger } from './logger.ts'
import { resolveSecret } from './secret.ts'
import { seedDemoHistory } from './seed/demo-history.ts'
import {
  DEMO_STORE_ID,
  seedDemoAgent,
  seedDemoAgentForProduction,
  seedDemoStore,
} from './seed/demo-store.ts'
import { purgeAuthData } from './services/auth/housekeeping.ts'
import { seedDemoOrders } from './seed/demo-orders.ts'
import { createChatHub } from './services/chat/hub.ts'
import { startChatSweeper } from './services/chat/sweeper.ts'
import { startInboundSmtp } from './services/mail-replies/inbound-smtp.ts'

export const WIDGET_DIST = fileURLToPath(new URL('../../widget/dist', import.meta.url))

export interface RunningServer {
  url: string
  port: number
  /** The SMTP receiver's port, when INBOUND_SMTP_PORT started one (0 picks a free one). */
  inboundSmtpPort?: number
  /**
   * Stops accepting, lets in-flight requests and sends finish, closes streams and the database;
   * within config.shutdownTimeoutMs.
   */
  shutdown(reason: string): Promise<void>
  /**
   * In production with SEED_DEMO: the demo agent's random password when this start made it
   * (the only time it is known), for main.ts to print once.
   */
  demoAgentPassword?: string
}

/**
 * Opens the database, migrates, seeds, and listens. Used by main.ts and, with the test
 * extension (test clock, fixtures, fake Shopify), by the test entry that e2e runs start.
 */
export async function startServer(
  config: Config,
  options: { clock?: Clock; logger?: Logger; extension?: ServerExtension } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const { extension } = options
  const controlled = extension?.clock?.(options.clock ?? systemClock, logger)
  const clock = controlled?.clock ?? options.clock ?? systemClock
  const database = await openDatabase(config.databaseUrl, {
    logger,
    ...(config.databaseSchema !== undefined ? { schema: config.databaseSchema } : {}),
  })
  await migrateToLatest(database)
  let demoAgentPassword: string | undefined
  if (config.seedDemo) {
    if (await seedDemoStore(database.db, clock.now())) logger.info('seeded the demo store')
    const orders = await seedDemoOrders(database.db, clock.now())
    if (orders > 0) logger.info('seeded the demo orders', { count: orders })
    const history = await seedDemoHistory(database.db, DEMO_STORE_ID, clock.now())
    if (history > 0) logger.info('seeded the demo store history', { tickets: history })
    if (config.env === 'production') {
      demoAgentPassword = await seedDemoAgentForProduction(database.db, clock.now())
    } else {
      await seedDemoAgent(database.db, clock.now())
    }
  }
  const extended = await extension?.start?.({ config, db: database.db, clock, logger })
  const assets = loadAssets(WIDGET_DIST)
  if (assets.size === 0)
    logger.warn('widget build not found; run `pnpm build`', { dir: WIDGET_DIST })

  const shutdownController = new AbortController()
  // Several processes share one PostgreSQL: chat events fan out through LISTEN/NOTIFY there.
  const bus =
    database.pool !== undefined
      ? await createPostgresBus(database.pool, { schema: database.schema, logger })
      : createMemoryBus(logger)
  const deps = composeDeps(
    {
      config: { ...config, secretKey: resolveSecret(config.secretKey) },
      database,
      clock,
      logger,
      assets,
      shutdownSignal: shutdownController.signal,
      bus,
    },
    extended?.webhookTargets !== undefined ? { webhookTargets: extended.webhookTargets } : {},
  )
  deps.chatHub = createChatHub(deps)
  const { outbox } = deps
  const app = createApp(deps)
  for (const routes of extended?.routes ?? []) app.route('/', routes)
  outbox.start()
  const housekeeping = setInterval(() => {
    purgeAuthData(database.db, clock.now()).catch((err: unknown) =>
      logTaskFailure({ db: database.db, logger }, 'housekeeping failed', err, {}, 'warn'),
    )
  }, 3600_000).unref()
  const sweeper = startChatSweeper(deps)
  // Off unless INBOUND_SMTP_PORT is set: shoppers' replies to ticket emails.
  const inboundSmtp = await startInboundSmtp(deps)

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s as Server),
    )
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port

  let closing: Promise<void> | undefined
  const shutdown = (reason: string) => {
    closing ??= (async () => {
      logger.info('shutting down', { reason })
      // All of it fits in SHUTDOWN_TIMEOUT_MS, whatever the queue holds: a supervisor's SIGKILL
      // after that is what would cut a send between delivered and marked sent. A little time
      // is kept back for closing the database after the last write.
      const reserve = Math.min(500, config.shutdownTimeoutMs / 5)
      const deadline = Date.now() + config.shutdownTimeoutMs - reserve
      shutdownController.abort()
      // The outbox claims nothing more and finishes only the sends already in flight; what the
      // requests still in flight queue waits for the next start (or another process).
      const outboxStopped = outbox.stop({ deadline })
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      // Event streams end on the abort above; their keep-alive connections only turn idle a
      // moment later, and would otherwise hold the close until the client drops them.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 50)
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())).unref(),
      )
      if ((await Promise.race([closed, timeout])) === 'timeout') {
        logger.warn('shutdown deadline reached; closing remaining connections')
        server.closeAllConnections()
      }
      clearInterval(idleSweep)
      clearInterval(housekeeping)
      await inboundSmtp?.close()
      await sweeper.stop()
      deps.chatHub?.close()
      await outboxStopped
      await bus.close()
      await database.close()
      extended?.close?.()
      logger.info('stopped')
    })()
    return closing
  }
  return {
    url: `http://localhost:${port}`,
    port,
    ...(inboundSmtp !== undefined ? { inboundSmtpPort: inboundSmtp.port } : {}),
    shutdown,
    ...(demoAgentPassword !== undefined ? { demoAgentPassword } : {}),
  }
}
