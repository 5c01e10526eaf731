import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { createOffsetClock, type ClockControl } from '../clock.ts'
import type { Config } from '../config.ts'
import { keyringOf } from '../keyring.ts'
import { testClockRoutes } from '../routes/test-clock/test-clock.routes.ts'
import { testSeedRoutes } from '../routes/test/test-seed.routes.ts'
import { seedTestHostsStore } from '../seed/test-hosts-store.ts'
import type { ServerExtension } from '../server-extension.ts'
import { defaultTargetPolicy } from '../adapters/webhooks/webhook-targets.ts'

/**
 * The test-only parts of a server, each behind its PORCHLIGHT_TEST_* flag (which the
 * configuration refuses in production): the movable clock, the fixture routes, the e2e host
 * pages' store, a fake Shopify answering in this process and webhooks to this machine.
 */
export function testExtension(config: Config): ServerExtension {
  let control: ClockControl | undefined
  return {
    clock(clock, logger) {
      if (!config.testClock) return { clock }
      const offset = createOffsetClock(clock)
      control = offset
      logger.warn('test clock control is on (POST /v1/test/clock)')
      return { clock: offset, control: offset }
    },
    async start({ db, clock, logger }) {
      const routes: Hono<AppEnv>[] = []
      if (config.testSeed) routes.push(testSeedRoutes)
      if (control !== undefined) routes.push(testClockRoutes(control))
      if (config.testHostOrigins.length > 0) {
        await seedTestHostsStore(db, config.testHostOrigins, clock.now())
        logger.warn('test host store allows these origins', { origins: config.testHostOrigins })
      }
      const webhookTargets = config.testPrivateWebhooks
        ? { ...defaultTargetPolicy, allowPrivate: true }
        : undefined
      if (webhookTargets !== undefined) logger.warn('webhooks may go to private addresses')
      if (!config.testFakeShopify) return { routes, ...(webhookTargets && { webhookTargets }) }
      // msw answers the Admin API in this process; imported on demand, as msw is heavy.
      const { startInProcessShop } =
        await import('../adapters/store/shopify/testing/in-process-shop.ts')
      const shop = await startInProcessShop({
        db,
        now: clock.now(),
        origins: [...new Set([new URL(config.publicUrl).origin, ...config.testHostOrigins])],
        keyring: keyringOf(config),
      })
      logger.warn('a fake Shopify answers in this process', { domain: shop.shop.domain })
      return {
        routes: [...routes, shop.routes],
        close: () => shop.close(),
        ...(webhookTargets && { webhookTargets }),
      }
    },
  }
}
