import type { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from './app-env.ts'
import type { Clock, ClockControl } from './clock.ts'
import type { Config } from './config.ts'
import type { Database } from './db/schema.ts'
import type { Logger } from './logger.ts'
import type { WebhookTargetPolicy } from './adapters/webhooks/webhook-targets.ts'

/**
 * What an entry point other than main.ts adds to a running server. The test entry uses it to
 * mount the test clock, fixtures and the fake Shopify, so that production code never imports
 * test code; main.ts passes none.
 */
export interface ServerExtension {
  /** Replaces the clock before anything reads it. */
  clock?(clock: Clock, logger: Logger): { clock: Clock; control?: ClockControl }
  /** Runs after migrations and seeding; its routes are mounted, `close` runs at shutdown. */
  start?(ctx: { config: Config; db: Kysely<Database>; clock: Clock; logger: Logger }): Promise<{
    routes: Hono<AppEnv>[]
    close?(): void
    /** Where webhooks may go, in place of public addresses only. */
    webhookTargets?: WebhookTargetPolicy
  }>
}
