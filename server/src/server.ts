import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createMemoryBus } from './adapters/realtime/memory-bus.ts'
import { createPostgresBus } from './adapters/realtime/postgres-bus.ts'
import { createApp } from './app.ts'
import { composeDeps } from './compose.ts'
import { createOffsetClock, systemClock, type Clock, type ClockControl } from './clock.ts'
import type { Config } from './config.ts'
import { migrateToLatest, openDatabase } from './db/database.ts'
import { loadAssets } from './http/static-assets.ts'
import { createLogger, type Logger } from './logger.ts'
import { resolveSecret } from './secret.ts'
import { seedDemoAgent, seedDemoAgentForProduction, seedDemoStore } from './seed/demo-store.ts'
import { purgeAuthData } from './services/auth/housekeeping.ts'
import { seedDemoOrders } from './seed/demo-orders.ts'
import { seedTestHostsStore } from './seed/test-hosts-store.ts'
import { createChatHub } from './services/chat/hub.ts'
import { startChatSweeper } from './services/chat/sweeper.ts'

export const WIDGET_DIST = fileURLToPath(new URL('../../widget/dist', import.meta.url))

export interface RunningServer {
  url: string
  port: number
  /** Stops accepting, lets in-flight requests finish, closes streams and the database. */
  shutdown(reason: string): Promise<void>
  /**
   * In production with SEED_DEMO: the demo agent's random password when this start made it
   * (the only time it is known), for main.ts to print once.
   */
  demoAgentPassword?: string
}

/** Opens the database, migrates, seeds, and listens. Used by main.ts and by the e2e suite. */
export async function startServer(
  config: Config,
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel)
  let clock = options.clock ?? systemClock
  let clockControl: ClockControl | undefined
  if (config.testClock) {
    // Config refuses PORCHLIGHT_TEST_CLOCK in production; this is for e2e runs only.
    const offset = createOffsetClock(clock)
    clock = offset
    clockControl = offset
    logger.warn('test clock control is on (POST /v1/test/clock)')
  }
  const database = await openDatabase(
    config.databaseUrl,
    config.databaseSchema !== undefined ? { schema: config.databaseSchema } : {},
  )
  await migrateToLatest(database)
  let demoAgentPassword: string | undefined
  if (config.seedDemo) {
    if (await seedDemoStore(database.db, clock.now())) logger.info('seeded the demo store')
    const orders = await seedDemoOrders(database.db, clock.now())
    if (orders > 0) logger.info('seeded the demo orders', { count: orders })
    if (config.env === 'production') {
      demoAgentPassword = await seedDemoAgentForProduction(database.db, clock.now())
    } else {
      await seedDemoAgent(database.db, clock.now())
    }
  }
  if (config.testHostOrigins.length > 0) {
    await seedTestHostsStore(database.db, config.testHostOrigins, clock.now())
    logger.warn('test host store allows these origins', { origins: config.testHostOrigins })
  }
  // Test-only (refused in production): msw answers the Admin API in this process. Imported on
  // demand so production never loads msw, a development dependency.
  const fakeShopify = config.testFakeShopify
    ? await (
        await import('./adapters/store/shopify/testing/in-process-shop.ts')
      ).startInProcessShop({
        db: database.db,
        now: clock.now(),
        origins: [...new Set([new URL(config.publicUrl).origin, ...config.testHostOrigins])],
      })
    : undefined
  if (fakeShopify !== undefined) {
    logger.warn('a fake Shopify answers in this process', { domain: fakeShopify.shop.domain })
  }
  const assets = loadAssets(WIDGET_DIST)
  if (assets.size === 0)
    logger.warn('widget build not found; run `pnpm build`', { dir: WIDGET_DIST })

  const shutdownController = new AbortController()
  // Several processes share one PostgreSQL: chat events fan out through LISTEN/NOTIFY there.
  const bus =
    database.pool !== undefined
      ? await createPostgresBus(database.pool, { schema: database.schema, logger })
      : createMemoryBus(logger)
  const deps = composeDeps({
    config: { ...config, secretKey: resolveSecret(config.secretKey) },
    database,
    clock,
    logger,
    assets,
    shutdownSignal: shutdownController.signal,
    bus,
    ...(clockControl !== undefined ? { clockControl } : {}),
  })
  deps.chatHub = createChatHub(deps)
  const { outbox } = deps
  const app = createApp(deps)
  if (fakeShopify !== undefined) app.route('/', fakeShopify.routes)
  outbox.start()
  const housekeeping = setInterval(() => {
    purgeAuthData(database.db, clock.now()).catch((err: unknown) =>
      logger.warn('housekeeping failed', { error: String(err) }),
    )
  }, 3600_000).unref()
  const sweeper = startChatSweeper(deps)

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
      shutdownController.abort()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      // Event streams end on the abort above; their keep-alive connections only turn idle a
      // moment later, and would otherwise hold the close until the client drops them.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 50)
      const deadline = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs).unref(),
      )
      if ((await Promise.race([closed, deadline])) === 'timeout') {
        logger.warn('shutdown deadline reached; closing remaining connections')
        server.closeAllConnections()
      }
      clearInterval(idleSweep)
      clearInterval(housekeeping)
      await sweeper.stop()
      deps.chatHub?.close()
      // After the last request: messages queued by in-flight requests still get their try.
      await outbox.stop()
      await bus.close()
      await database.close()
      fakeShopify?.close()
      logger.info('stopped')
    })()
    return closing
  }
  return {
    url: `http://localhost:${port}`,
    port,
    shutdown,
    ...(demoAgentPassword !== undefined ? { demoAgentPassword } : {}),
  }
}
