import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../app-env.ts'
import { complianceRequest } from '../../adapters/store/shopify/compliance-payload.ts'
import { webhookKeysOf } from '../../adapters/store/shopify/shopify-config.ts'
import { shopifyRuntime } from '../../adapters/store/shopify/shopify-runtime.ts'
import { verifyShopifyHmac } from '../../adapters/store/shopify/webhook-signature.ts'
import { handleOrderWebhook } from '../../adapters/store/shopify/webhook-handler.ts'
import { parseWebhookBody } from '../../adapters/store/shopify/webhook-payload.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { handleComplianceRequest } from '../../services/privacy/compliance-webhooks.ts'
import { disconnectShopify } from '../../services/shopify/disconnect.ts'

/**
 * Order payloads with many lines run well past the 64 KB our own API accepts, and a 413 would
 * make Shopify retry and eventually drop the subscription, so webhooks get their own limit.
 */
export const WEBHOOK_MAX_BYTES = 2 * 1024 * 1024

const storeIdShape = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Shopify webhooks: `POST /v1/webhooks/shopify/:storeId`, one address per store, for the
 * topics Porchlight subscribes on connect and the privacy topics of the app's configuration.
 * A store that was disconnected still verifies and honours the privacy topics (Shopify sends
 * shop/redact two days after an uninstall); its order topics are ignored.
 */
export const webhookRoutes = new Hono<AppEnv>().post(
  '/v1/webhooks/shopify/:storeId',
  bodyLimit({
    maxSize: WEBHOOK_MAX_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `Webhooks are limited to ${WEBHOOK_MAX_BYTES} bytes.`)
    },
  }),
  async (c) => {
    const deps = c.get('deps')
    const storeId = c.req.param('storeId')
    const store = storeIdShape.test(storeId) ? await findStoreById(deps.db, storeId) : undefined
    const runtime = shopifyRuntime(deps)
    const signing =
      store?.adapterKind === 'shopify'
        ? webhookKeysOf(store.adapterConfig, store.id, runtime.options.keyring)
        : undefined
    if (store === undefined || signing === undefined) {
      throw new AppError('store_not_found', 'No Shopify store has this id.')
    }
    // The signature covers the exact bytes Shopify sent: read them before anything parses.
    // Shopify answers a 401 with a retry and requires one for a forged privacy webhook.
    const raw = new Uint8Array(await c.req.arrayBuffer())
    const hmac = c.req.header('x-shopify-hmac-sha256')
    if (!signing.keys.some((key) => verifyShopifyHmac(raw, hmac, key))) {
      deps.logger.warn('shopify webhook signature refused', { storeId })
      throw new AppError('webhook_signature_invalid', 'The webhook signature does not match.')
    }
    const shop = c.req.header('x-shopify-shop-domain')
    if (shop !== undefined && shop.trim().toLowerCase() !== signing.domain) {
      throw new AppError('webhook_shop_mismatch', 'This webhook comes from another shop.')
    }
    const topic = (c.req.header('x-shopify-topic') ?? '').trim().toLowerCase()
    const body = new TextDecoder().decode(raw)
    if (topic === 'app/uninstalled') {
      const { changed } = await disconnectShopify(deps, store, 'app_uninstalled')
      return c.json({ status: changed ? 'disconnected' : 'already_disconnected' }, 200)
    }
    const payload = parseWebhookBody(body)
    const privacy = payload === undefined ? undefined : complianceRequest(topic, payload)
    if (privacy !== undefined) {
      return c.json(await handleComplianceRequest(deps, store.id, privacy), 200)
    }
    if (runtime.connectionOf(store) === undefined) {
      return c.json({ status: 'ignored', reason: 'the store is not connected' }, 200)
    }
    const outcome = await handleOrderWebhook(runtime, store, {
      topic,
      eventId: c.req.header('x-shopify-event-id') ?? c.req.header('x-shopify-webhook-id'),
      triggeredAt: c.req.header('x-shopify-triggered-at'),
      body,
    })
    return c.json(outcome, 200)
  },
)
