import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { ShopifySettings } from '@porchlight/shared/api/settings'
import {
  connectShopifyStore,
  REQUIRED_SCOPES,
  scopeWarnings,
  WEBHOOK_TOPICS,
  type ConnectResult,
} from '../../adapters/store/shopify/connect-store.ts'
import { readShopifyConfig } from '../../adapters/store/shopify/shopify-config.ts'
import type { AppEnv } from '../../app-env.ts'
import { findStoreById, type Store } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'

export const shopifyConnectBody = z.strictObject({
  domain: z.string().trim().min(1).max(255),
  accessToken: z.string().trim().min(1).max(1000),
  webhookSecret: z.string().trim().min(1).max(1000),
})

const PATH = '/v1/agent/settings/shopify'

/** What the store holds about its shop, without the token or the webhook secret. */
function settingsOf(c: Context<AppEnv>, store: Store): ShopifySettings {
  const { config } = c.get('deps')
  const raw = store.adapterConfig
  const complete = readShopifyConfig(raw)
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
  const scopes = Array.isArray(raw['scopes'])
    ? raw['scopes'].filter((s): s is string => typeof s === 'string')
    : null
  return {
    connected: store.adapterKind === 'shopify' && complete !== undefined,
    domain: store.adapterKind === 'shopify' ? (complete?.domain ?? text(raw['domain'])) : null,
    shopName: store.adapterKind === 'shopify' ? text(raw['shopName']) : null,
    scopes: store.adapterKind === 'shopify' ? scopes : null,
    requiredScopes: Object.entries(REQUIRED_SCOPES).map(([scope, purpose]) => ({
      scope,
      purpose,
    })),
    webhookUrl: `${config.publicUrl}/v1/webhooks/shopify/${encodeURIComponent(store.id)}`,
    webhookTopics: [...WEBHOOK_TOPICS],
    warnings: store.adapterKind === 'shopify' && scopes !== null ? scopeWarnings(scopes) : [],
    apiVersion: config.shopifyApiVersion,
    canEdit: c.get('agent').role === 'owner',
  }
}

// connectShopifyStore's codes (shared with the CLI) as the API's stable codes.
function refusal(result: Extract<ConnectResult, { ok: false }>): AppError {
  switch (result.code) {
    case 'invalid_config':
      return result.field === 'domain'
        ? new AppError('shopify_domain_invalid', 'Enter the shop’s <shop>.myshopify.com domain.')
        : new AppError('validation_failed', result.message)
    case 'shopify_auth_failed':
      return new AppError('shopify_token_rejected', result.message)
    case 'missing_scopes':
      return new AppError('shopify_scopes_missing', result.message, {
        missing: result.missing ?? [],
      })
    case 'shop_mismatch':
      return new AppError('shopify_shop_mismatch', result.message)
    case 'shopify_unreachable':
      return new AppError('shopify_unreachable', result.message)
    case 'store_not_found':
      return new AppError('store_not_found', result.message)
  }
}

/**
 * The console's Shopify settings: any agent sees whether and to which shop the store is
 * connected; owners connect it (the same checked connection as the CLI's connect-shopify).
 */
export const shopifySettingsRoutes = new Hono<AppEnv>()
  .use(PATH, requireAgent)
  .get(PATH, (c) => c.json(settingsOf(c, c.get('store'))))
  .put(PATH, async (c) => {
    const agent = c.get('agent')
    if (agent.role !== 'owner') {
      throw new AppError('owner_required', 'Only an owner of the store can change its connection.')
    }
    const body = await readJson(c, shopifyConnectBody)
    const deps = c.get('deps')
    const storeId = c.get('store').id
    const result = await connectShopifyStore(
      deps.db,
      { storeId, ...body },
      {
        apiVersion: deps.config.shopifyApiVersion,
        logger: deps.logger,
        ...(deps.shopify?.options.fetch !== undefined ? { fetch: deps.shopify.options.fetch } : {}),
      },
    )
    if (!result.ok) {
      deps.logger.warn('shopify connection refused', {
        storeId,
        agentId: agent.agentId,
        code: result.code,
      })
      throw refusal(result)
    }
    deps.logger.info('shopify connection saved', {
      storeId,
      agentId: agent.agentId,
      domain: result.domain,
    })
    const store = await findStoreById(deps.db, storeId)
    if (store === undefined) throw new AppError('store_not_found', 'No such store.')
    return c.json(settingsOf(c, store))
  })
