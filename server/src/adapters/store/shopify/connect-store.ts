import { setTimeout as delay } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import { clearStoreOrderCache } from '../../../db/shopify-cache.repository.ts'
import { findStoreById } from '../../../db/stores.repository.ts'
import type { Logger } from '../../../logger.ts'
import { AdminClient } from './admin-client.ts'
import { CostLimiter } from './cost-limiter.ts'
import { shopInfo } from './operations.ts'
import { readShopifyConfig, shopifyAdapterConfig } from './shopify-config.ts'
import { ORDER_TOPICS } from './webhook-payload.ts'

/** Admin API scopes Porchlight needs, and what each is for (README lists the same). */
export const REQUIRED_SCOPES: Record<string, string> = {
  read_orders: 'read orders, fulfilments and tracking',
  read_fulfillments: 'receive the fulfilment and tracking webhooks',
  write_orders: 'cancel orders and create refunds',
  read_customers: 'find the orders of a verified phone number',
  read_returns: 'read returns',
  write_returns: 'open and approve returns',
}

/**
 * Scopes Porchlight works without, and what is lost: the console warns while one is missing.
 * Without read_all_orders Shopify shows only the last 60 days of orders.
 */
export const RECOMMENDED_SCOPES: Record<string, string> = {
  read_all_orders: 'orders older than 60 days are invisible without it',
}

/** The recommended scopes a grant lacks, as warnings the console shows. */
export function scopeWarnings(
  granted: readonly string[],
): Array<{ code: string; message: string }> {
  return Object.entries(RECOMMENDED_SCOPES)
    .filter(([scope]) => !granted.includes(scope))
    .map(([scope, why]) => ({
      code: `${scope}_missing`,
      message: `The app lacks ${scope}: ${why}.`,
    }))
}

/** Webhook topics to subscribe, all pointing at the store's webhook address. */
export const WEBHOOK_TOPICS = [
  'orders/updated',
  'orders/cancelled',
  'fulfillments/create',
  'fulfillments/update',
  'fulfillment_events/create',
] as const satisfies ReadonlyArray<keyof typeof ORDER_TOPICS>

export interface ConnectInput {
  storeId: string
  domain: string
  accessToken: string
  webhookSecret: string
}

export type ConnectResult =
  | {
      ok: true
      shopName: string
      domain: string
      scopes: string[]
      warnings: Array<{ code: string; message: string }>
    }
  | {
      ok: false
      code:
        | 'invalid_config'
        | 'store_not_found'
        | 'shopify_auth_failed'
        | 'shopify_unreachable'
        | 'shop_mismatch'
        | 'missing_scopes'
      message: string
      /** For invalid_config: the input at fault. */
      field?: 'domain' | 'accessToken' | 'webhookSecret'
      /** For missing_scopes. */
      missing?: string[]
    }

/**
 * Connects a store to a Shopify shop: checks the credentials with a real query (the shop's
 * name and the scopes the token carries), then saves them as the store's adapter config, with
 * the shop's name and the granted scopes for the settings screen. The CLI and the console's
 * settings screen both call it.
 */
export async function connectShopifyStore(
  db: Kysely<Database>,
  input: ConnectInput,
  deps: { apiVersion: string; logger: Logger; fetch?: typeof fetch },
): Promise<ConnectResult> {
  const parsed = shopifyAdapterConfig.safeParse({
    domain: input.domain,
    accessToken: input.accessToken,
    webhookSecret: input.webhookSecret,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path[0]
    return {
      ok: false,
      code: 'invalid_config',
      message: `${issue?.path.join('.')}: ${issue?.message}`,
      ...(field === 'domain' || field === 'accessToken' || field === 'webhookSecret'
        ? { field }
        : {}),
    }
  }
  const config = parsed.data
  const store = await findStoreById(db, input.storeId)
  if (store === undefined) {
    return { ok: false, code: 'store_not_found', message: `No store has the id ${input.storeId}.` }
  }
  const client = new AdminClient({
    domain: config.domain,
    accessToken: config.accessToken,
    apiVersion: deps.apiVersion,
    limiter: new CostLimiter({ now: () => performance.now(), sleep: (ms) => delay(ms) }),
    logger: deps.logger,
    sleep: (ms) => delay(ms),
    random: Math.random,
    maxAttempts: 2,
    ...(deps.fetch !== undefined ? { fetch: deps.fetch } : {}),
  })
  const answer = await client.request(shopInfo, {})
  if (!answer.ok) {
    const code = answer.failure === 'unauthorized' ? 'shopify_auth_failed' : 'shopify_unreachable'
    const message =
      answer.failure === 'unauthorized'
        ? `Shopify refused this Admin API token for ${config.domain}.`
        : `Could not query ${config.domain}: ${answer.message}`
    return { ok: false, code, message }
  }
  const { shop, currentAppInstallation } = answer.data
  if (shop.myshopifyDomain.toLowerCase() !== config.domain) {
    return {
      ok: false,
      code: 'shop_mismatch',
      message: `The token belongs to ${shop.myshopifyDomain}, not ${config.domain}.`,
    }
  }
  const granted = new Set(currentAppInstallation?.accessScopes.map((s) => s.handle) ?? [])
  // A write scope includes its read scope.
  const missing = Object.keys(REQUIRED_SCOPES).filter(
    (scope) => !granted.has(scope) && !granted.has(scope.replace(/^read_/, 'write_')),
  )
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'missing_scopes',
      message: `The app lacks these Admin API scopes: ${missing.join(', ')}.`,
      missing,
    }
  }
  const previous = readShopifyConfig(store.adapterConfig)
  const scopes = [...granted].sort()
  await db
    .updateTable('stores')
    .set({
      adapter_kind: 'shopify',
      adapter_config: JSON.stringify({ ...config, shopName: shop.name, scopes }),
    })
    .where('id', '=', store.id)
    .execute()
  // Orders cached from another shop must not show under this one.
  if (previous?.domain !== config.domain) await clearStoreOrderCache(db, store.id)
  const warnings = scopeWarnings(scopes)
  for (const w of warnings)
    deps.logger.warn('shopify scope missing', { domain: config.domain, ...w })
  return { ok: true, shopName: shop.name, domain: config.domain, scopes, warnings }
}
