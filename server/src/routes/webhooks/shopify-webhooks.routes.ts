import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../app-env.ts'
import { complianceRequest } from '../../adapters/store/shopify/compliance-payload.ts'
import { shopDomain, webhookKeysOf } from '../../adapters/store/shopify/shopify-config.ts'
import { shopifyRuntime } from '../../adapters/store/shopify/shopify-runtime.ts'
import { verifyShopifyHmac } from '../../adapters/store/shopify/webhook-signature.ts'
import { handleOrderWebhook } from '../../adapters/store/shopify/webhook-handler.ts'
import { parseWebhookBody } from '../../adapters/store/shopify/webhook-payload.ts'
import { findStoreById, type Store } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { handleComplianceRequest } from '../../services/privacy/compliance-webhooks.ts'
import { storesOfAppShop } from '../../services/shopify/app-stores.ts'
import { disconnectShopify } from '../../services/shopify/disconnect.ts'

/**
 * Order payloads with many lines run well past the 64 KB our own API accepts, and a 413 would
 * make Shopify retry and eventually drop the subscription, so webhooks get their own limit.
 */
export const WEBHOOK_MAX_BYTES = 2 * 1024 * 1024

const storeIdShape = /^[A-Za-z0-9_-]{1,64}$/

const limit = bodyLimit({
  maxSize: WEBHOOK_MAX_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', `Webhooks are limited to ${WEBHOOK_MAX_BYTES} bytes.`)
  },
})

/** A delivery whose signature and shop were checked, carried out for one store. */
async function deliver(c: Context<AppEnv>, store: Store, topic: string, raw: Uint8Array) {
  const deps = c.get('deps')
  const runtime = shopifyRuntime(deps)
  const body = new TextDecoder().decode(raw)
  if (topic === 'app/uninstalled') {
    const { changed } = await disconnectShopify(deps, store, 'app_uninstalled')
    return { status: changed ? 'disconnected' : 'already_disconnected' }
  }
  const payload = parseWebhookBody(body)
  const privacy = payload === undefined ? undefined : complianceRequest(topic, payload)
  if (privacy !== undefined) return handleComplianceRequest(deps, store.id, privacy)
  if (runtime.connectionOf(store) === undefined) {
    return { status: 'ignored', reason: 'the store is not connected' }
  }
  return handleOrderWebhook(runtime, store, {
    topic,
    eventId: c.req.header('x-shopify-event-id') ?? c.req.header('x-shopify-webhook-id'),
    triggeredAt: c.req.header('x-shopify-triggered-at'),
    body,
  })
}

const topicOf = (c: Context<AppEnv>) => (c.req.header('x-shopify-topic') ?? '').trim().toLowerCase()

function refuseSignature(c: Context<AppEnv>, where: string): never {
  // Shopify retries a 401, and requires one for a forged privacy webhook.
  c.get('deps').logger.warn('shopify webhook signature refused', { where })
  throw new AppError('webhook_signature_invalid', 'The webhook signature does not match.')
}

/**
 * Shopify webhooks. `POST /v1/webhooks/shopify/:storeId`, one address per store, takes the
 * topics Porchlight subscribes on connect and the privacy topics of a merchant's own app. A
 * store that was disconnected still verifies and honours the privacy topics (Shopify sends
 * shop/redact two days after an uninstall); its order topics are ignored.
 *
 * `POST /v1/webhooks/shopify` is the one address an OAuth app serving many stores gives for its
 * privacy topics (an app has one per topic, not one per shop): signed with that app's client
 * secret, it is carried out for the stores that app installed on the shop it names.
 */
export const webhookRoutes = new Hono<AppEnv>()
  .post('/v1/webhooks/shopify/:storeId', limit, async (c) => {
    const deps = c.get('deps')
    const storeId = c.req.param('storeId')
    const store = storeIdShape.test(storeId) ? await findStoreById(deps.db, storeId) : undefined
    const signing =
      store?.adapterKind === 'shopify'
        ? webhookKeysOf(store.adapterConfig, store.id, shopifyRuntime(deps).options.keyring)
        : undefined
    if (store === undefined || signing === undefined) {
      throw new AppError('store_not_found', 'No Shopify store has this id.')
    }
    // The signature covers the exact bytes Shopify sent: read them before anything parses.
    const raw = new Uint8Array(await c.req.arrayBuffer())
    const hmac = c.req.header('x-shopify-hmac-sha256')
    if (!signing.keys.some((key) => verifyShopifyHmac(raw, hmac, key))) refuseSignature(c, storeId)
    const shop = c.req.header('x-shopify-shop-domain')
    if (shop !== undefined && shop.trim().toLowerCase() !== signing.domain) {
      throw new AppError('webhook_shop_mismatch', 'This webhook comes from another shop.')
    }
    return c.json(await deliver(c, store, topicOf(c), raw), 200)
  })
  .post('/v1/webhooks/shopify', limit, async (c) => {
    const deps = c.get('deps')
    const app = deps.config.shopifyApp
    if (app === undefined) throw new AppError('not_found', 'This server has no Shopify app.')
    const raw = new Uint8Array(await c.req.arrayBuffer())
    if (!verifyShopifyHmac(raw, c.req.header('x-shopify-hmac-sha256'), app.clientSecret)) {
      refuseSignature(c, 'app')
    }
    const domain = shopDomain.safeParse(c.req.header('x-shopify-shop-domain') ?? '')
    if (!domain.success) {
      throw new AppError('webhook_shop_mismatch', 'This webhook names no myshopify.com shop.')
    }
    const stores = await storesOfAppShop(deps, domain.data)
    const outcomes = []
    for (const store of stores) outcomes.push(await deliver(c, store, topicOf(c), raw))
    if (outcomes.length === 0) return c.json({ status: 'ignored', reason: 'no store of this shop' })
    return c.json(outcomes.length === 1 ? outcomes[0] : { status: 'several', outcomes }, 200)
  })
