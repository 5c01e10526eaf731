import { Hono } from 'hono'
import { z } from 'zod'
import {
  connectShopifyStore,
  type ConnectResult,
} from '../../adapters/store/shopify/connect-store.ts'
import type { AppEnv } from '../../app-env.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { keyringOf } from '../../keyring.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { assertOwner } from '../../middleware/owner-only.ts'
import { disconnectShopify } from '../../services/shopify/disconnect.ts'
import { shopifySettingsOf } from './shopify-settings-view.ts'

const field = z.string().trim().min(1).max(1000)

export const shopifyConnectBody = z.union([
  z.strictObject({
    mode: z.literal('client_credentials'),
    domain: z.string().trim().min(1).max(255),
    clientId: z.string().trim().min(1).max(255),
    clientSecret: field,
    webhookSecret: field.optional(),
  }),
  z.strictObject({
    mode: z.literal('legacy').optional(),
    domain: z.string().trim().min(1).max(255),
    accessToken: field,
    webhookSecret: field,
  }),
])

const PATH = '/v1/agent/settings/shopify'

// connectShopifyStore's codes (shared with the CLI) as the API's stable codes.
function refusal(result: Extract<ConnectResult, { ok: false }>): AppError {
  switch (result.code) {
    case 'invalid_config':
      return result.field === 'domain'
        ? new AppError('shopify_domain_invalid', 'Enter the shop’s <shop>.myshopify.com domain.')
        : new AppError('validation_failed', result.message)
    case 'shopify_auth_failed':
      return new AppError('shopify_token_rejected', result.message)
    case 'shopify_credentials_rejected':
      return new AppError('shopify_credentials_rejected', result.message)
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
 * connected (never a secret); owners connect it, by client credentials or a legacy token (the
 * same checked connection as the CLI's connect-shopify), and disconnect it. The OAuth install
 * has its own routes.
 */
export const shopifySettingsRoutes = new Hono<AppEnv>()
  .use(PATH, requireAgent)
  .get(PATH, async (c) => c.json(await shopifySettingsOf(c, c.get('store'))))
  .put(PATH, async (c) => {
    const agent = c.get('agent')
    assertOwner(agent, 'change its connection')
    const body = await readJson(c, shopifyConnectBody)
    const deps = c.get('deps')
    const storeId = c.get('store').id
    const result = await connectShopifyStore(
      deps.db,
      { storeId, ...body },
      {
        apiVersion: deps.config.shopifyApiVersion,
        publicUrl: deps.config.publicUrl,
        logger: deps.logger,
        keyring: keyringOf(deps.config),
        now: () => deps.clock.now().getTime(),
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
      mode: result.mode,
    })
    const store = await findStoreById(deps.db, storeId)
    if (store === undefined) throw new AppError('store_not_found', 'No such store.')
    return c.json(await shopifySettingsOf(c, store))
  })
  .delete(PATH, async (c) => {
    const agent = c.get('agent')
    assertOwner(agent, 'change its connection')
    const deps = c.get('deps')
    const store = c.get('store')
    if (store.adapterKind === 'shopify') {
      const outcome = await disconnectShopify(deps, store, 'owner')
      deps.logger.info('shopify disconnected by owner', {
        storeId: store.id,
        agentId: agent.agentId,
        ...outcome,
      })
    }
    const fresh = await findStoreById(deps.db, store.id)
    if (fresh === undefined) throw new AppError('store_not_found', 'No such store.')
    return c.json(await shopifySettingsOf(c, fresh))
  })
