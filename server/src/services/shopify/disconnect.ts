import { clearStoreOrderCache } from '../../adapters/store/shopify/order-cache.ts'
import { shopifyRuntime } from '../../adapters/store/shopify/shopify-runtime.ts'
import { removeWebhookSubscriptions } from '../../adapters/store/shopify/webhook-subscriptions.ts'
import {
  replaceAdapterConfigIf,
  storedAdapterConfig,
} from '../../db/shopify-connection.repository.ts'
import { deleteShopifyToken } from '../../db/shopify-tokens.repository.ts'
import {
  deleteWebhookSubscriptions,
  listWebhookSubscriptions,
} from '../../db/shopify-webhooks.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { AppDeps } from '../../deps.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger' | 'config' | 'shopify' | 'shutdownSignal'>

export interface DisconnectOutcome {
  /** False when the store was already disconnected (a redelivery changes nothing). */
  changed: boolean
  /** Subscriptions of ours Shopify did not delete (the owner's disconnect only). */
  subscriptionsLeft: string[]
}

/**
 * Disconnects a store from its shop. The owner's disconnect first deletes the webhook
 * subscriptions Porchlight made (Shopify deletes an app's own when it is uninstalled, and the
 * token no longer works then). Then, in one transaction: the access and refresh tokens go, the
 * cached orders go (shoppers see "orders unavailable"), the subscription records go, and the
 * config is marked disconnected, keeping only the keys that verify webhooks still to come
 * (shop/redact arrives 48 hours after an uninstall).
 */
export async function disconnectShopify(
  deps: Deps,
  store: Store,
  reason: 'owner' | 'app_uninstalled',
): Promise<DisconnectOutcome> {
  const runtime = shopifyRuntime(deps)
  let subscriptionsLeft: string[] = []
  const connection = runtime.connectionOf(store)
  if (reason === 'owner' && connection !== undefined) {
    const ours = await listWebhookSubscriptions(deps.db, store.id)
    if (ours.length > 0) {
      subscriptionsLeft = await removeWebhookSubscriptions(
        runtime.clientFor(store.id, connection),
        ours.map((s) => s.subscription_id),
      )
    }
  }
  const now = deps.clock.now().getTime()
  const changed = await deps.db.transaction().execute(async (trx) => {
    const before = await storedAdapterConfig(trx, store.id)
    if (before === undefined) return false
    const raw = JSON.parse(before) as Record<string, unknown>
    if (raw['disconnected'] !== undefined) return false
    const { accessToken: _token, ...kept } = raw
    const config = { ...kept, disconnected: { at: now, reason } }
    if (!(await replaceAdapterConfigIf(trx, store.id, before, config))) return false
    await deleteShopifyToken(trx, store.id)
    await clearStoreOrderCache(trx, store.id)
    await deleteWebhookSubscriptions(trx, store.id)
    return true
  })
  if (subscriptionsLeft.length > 0) {
    deps.logger.warn('shopify webhook subscriptions not removed', {
      storeId: store.id,
      ids: subscriptionsLeft,
    })
  }
  deps.logger.info('shopify disconnected', { storeId: store.id, reason, changed })
  return { changed, subscriptionsLeft }
}
