import type { Context } from 'hono'
import type { ShopifySettings } from '@porchlight/shared/api/settings'
import { isCustomerAccess } from '../../adapters/store/shopify/customer-access.ts'
import { REQUIRED_SCOPES, scopeWarnings } from '../../adapters/store/shopify/scopes.ts'
import { readShopifyFacts, storedMode } from '../../adapters/store/shopify/shopify-config.ts'
import { shopifyRuntime } from '../../adapters/store/shopify/shopify-runtime.ts'
import type { AppEnv } from '../../app-env.ts'
import {
  storeWebhookUrl,
  SUBSCRIBED_TOPICS,
  webhookWarnings,
} from '../../adapters/store/shopify/webhook-subscriptions.ts'
import { findShopifyToken } from '../../db/shopify-tokens.repository.ts'
import { listWebhookSubscriptions } from '../../db/shopify-webhooks.repository.ts'
import type { Store } from '../../db/stores.repository.ts'

/**
 * What the store holds about its shop, built field by field from what may be shown: never a
 * token, a client secret or a webhook secret (settings tests grep every answer for them).
 */
export async function shopifySettingsOf(
  c: Context<AppEnv>,
  store: Store,
): Promise<ShopifySettings> {
  const deps = c.get('deps')
  const { config } = deps
  const raw = store.adapterConfig
  const isShopify = store.adapterKind === 'shopify'
  const connection = isShopify ? shopifyRuntime(deps).connectionOf(store) : undefined
  const facts = isShopify ? readShopifyFacts(raw) : {}
  const mode = isShopify ? storedMode(raw) : null
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
  let token: ShopifySettings['token'] = null
  if (mode === 'client_credentials' || mode === 'oauth') {
    const row = await findShopifyToken(deps.db, store.id)
    token = {
      state: row === undefined || row.failure !== null ? 'failing' : 'ok',
      message:
        row === undefined
          ? 'This store has no Shopify token; connect it again.'
          : (row.failure_message ?? null),
      expiresAt: row?.access_token != null ? row.expires_at : null,
    }
  }
  const subscribed = isShopify ? await listWebhookSubscriptions(deps.db, store.id) : []
  const warnings = [
    ...(facts.scopes !== undefined ? scopeWarnings(facts.scopes) : []),
    ...(connection !== undefined ? webhookWarnings(facts.webhooksMissing ?? []) : []),
    ...(facts.disconnected?.reason === 'app_uninstalled'
      ? [
          {
            code: 'app_uninstalled',
            message: `The app was uninstalled from the shop on ${new Date(facts.disconnected.at).toISOString().slice(0, 10)}, so Porchlight disconnected the store. Install it again and connect.`,
          },
        ]
      : []),
  ]
  return {
    connected: connection !== undefined,
    mode,
    clientId: connection !== undefined && connection.mode !== 'legacy' ? connection.clientId : null,
    customerAccess: isCustomerAccess(facts.customerAccess) ? facts.customerAccess : null,
    token,
    oauthAvailable: config.shopifyApp !== undefined,
    domain: isShopify ? (connection?.domain ?? text(raw['domain'])) : null,
    shopName: facts.shopName ?? null,
    scopes: facts.scopes ?? null,
    requiredScopes: Object.entries(REQUIRED_SCOPES).map(([scope, purpose]) => ({ scope, purpose })),
    webhookUrl: storeWebhookUrl(config.publicUrl, store.id),
    webhookTopics: [...SUBSCRIBED_TOPICS],
    subscribedTopics: subscribed.map((s) => s.topic),
    warnings,
    apiVersion: config.shopifyApiVersion,
    canEdit: c.get('agent').role === 'owner',
  }
}
