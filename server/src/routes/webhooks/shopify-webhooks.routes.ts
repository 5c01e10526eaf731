import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../app-env.ts'
import { shopifyRuntime } from '../../adapters/store/shopify/shopify-runtime.ts'
import { verifyShopifyHmac } from '../../adapters/store/shopify/webhook-signature.ts'
import { handleOrderWebhook } from '../../adapters/store/shopify/webhook-handler.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'

/**
 * Order payloads with many lines run well past the 64 KB our own API accepts, and a 413 would
 * make Shopify retry and eventually drop the subscription, so webhooks get their own limit.
 */
export const WEBHOOK_MAX_BYTES = 2 * 1024 * 1024

const storeIdShape = /^[A-Za-z0-9_-]{1,64}$/

/** Shopify webhooks: `POST /v1/webhooks/shopify/:storeId`, one address per store. */
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
    const config = store === undefined ? undefined : runtime.connectionOf(store)
    if (store === undefined || config === undefined) {
      throw new AppError('store_not_found', 'No Shopify store has this id.')
    }
    // The signature covers the exact bytes Shopify sent: read them before anything parses.
    const raw = new Uint8Array(await c.req.arrayBuffer())
    if (!verifyShopifyHmac(raw, c.req.header('x-shopify-hmac-sha256'), config.webhookSecret)) {
      throw new AppError('webhook_signature_invalid', 'The webhook signature does not match.')
    }
    const shop = c.req.header('x-shopify-shop-domain')
    if (shop !== undefined && shop.trim().toLowerCase() !== config.domain) {
      throw new AppError('webhook_shop_mismatch', 'This webhook comes from another shop.')
    }
    const outcome = await handleOrderWebhook(runtime, store, {
      topic: (c.req.header('x-shopify-topic') ?? '').trim().toLowerCase(),
      eventId: c.req.header('x-shopify-event-id') ?? c.req.header('x-shopify-webhook-id'),
      triggeredAt: c.req.header('x-shopify-triggered-at'),
      body: new TextDecoder().decode(raw),
    })
    return c.json(outcome, 200)
  },
)
