import type { Store } from '../../../db/stores.repository.ts'
import {
  hasWebhookEvent,
  markOrderPending,
  pruneWebhookEvents,
  recordWebhookEvent,
} from './order-cache.ts'
import type { ShopifyRuntime } from './shopify-runtime.ts'
import { parseWebhookBody, webhookFacts } from './webhook-payload.ts'

export type WebhookOutcome =
  | { status: 'refreshing'; orderId: string }
  | { status: 'duplicate' }
  | { status: 'stale'; orderId: string }
  | { status: 'not_cached'; orderId: string }
  | { status: 'ignored'; reason: string }

export interface VerifiedWebhook {
  topic: string
  /** X-Shopify-Event-Id (X-Shopify-Webhook-Id on older deliveries). */
  eventId: string | undefined
  triggeredAt: string | undefined
  body: string
}

const KEEP_EVENT_IDS_MS = 7 * 24 * 3600_000

/**
 * Handles a webhook whose signature has been checked. Rather than trusting the REST-shaped
 * payload, it only learns *which* order changed and *when*, marks the cached copy as behind,
 * and re-reads the order through GraphQL in the background: one mapping (GraphQL to our
 * model) instead of two, and the cache always holds what the Admin API says. Because the mark
 * is in the database, a crash before the refresh finishes only means the next read goes to
 * Shopify.
 */
export async function handleOrderWebhook(
  runtime: ShopifyRuntime,
  store: Store,
  hook: VerifiedWebhook,
): Promise<WebhookOutcome> {
  const { db, clock, logger } = runtime.options
  const now = clock.now().getTime()
  if (hook.eventId !== undefined && (await hasWebhookEvent(db, store.id, hook.eventId))) {
    return { status: 'duplicate' }
  }
  const outcome = await apply(runtime, store, hook)
  if (hook.eventId !== undefined) {
    await recordWebhookEvent(db, {
      storeId: store.id,
      eventId: hook.eventId,
      topic: hook.topic,
      receivedAt: now,
    })
    await pruneWebhookEvents(db, now - KEEP_EVENT_IDS_MS)
  }
  logger.debug('shopify webhook', { storeId: store.id, topic: hook.topic, ...outcome })
  return outcome
}

async function apply(
  runtime: ShopifyRuntime,
  store: Store,
  hook: VerifiedWebhook,
): Promise<WebhookOutcome> {
  const payload = parseWebhookBody(hook.body)
  if (payload === undefined) return { status: 'ignored', reason: 'body is not a JSON object' }
  const facts = webhookFacts(hook.topic, payload, hook.triggeredAt)
  if (facts === undefined) return { status: 'ignored', reason: `nothing to do for ${hook.topic}` }
  const mark = await markOrderPending(runtime.options.db, store.id, facts.orderId, facts.changedAt)
  if (mark === 'stale') return { status: 'stale', orderId: facts.orderId }
  if (mark === 'not_cached') return { status: 'not_cached', orderId: facts.orderId }
  const adapter = runtime.adapterFor(store)
  runtime.runInBackground(`refresh order ${facts.orderId}`, () =>
    adapter.orders.refresh(facts.orderId, facts.changedAt),
  )
  return { status: 'refreshing', orderId: facts.orderId }
}
