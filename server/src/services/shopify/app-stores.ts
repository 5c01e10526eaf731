import { findShopifyStoresByDomain } from '../../db/shopify-connection.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { AppDeps } from '../../deps.ts'

/**
 * The stores a shop connected through this server's own OAuth app (SHOPIFY_APP_CLIENT_ID). Such
 * an app has one address of each kind for every shop it is installed on (its privacy webhooks,
 * its app proxy), so those requests name their shop rather than a store; none without an app.
 */
export async function storesOfAppShop(
  deps: Pick<AppDeps, 'db' | 'config'>,
  domain: string,
): Promise<Store[]> {
  const app = deps.config.shopifyApp
  if (app === undefined) return []
  return (await findShopifyStoresByDomain(deps.db, domain)).filter(
    (s) => s.adapterConfig['mode'] === 'oauth' && s.adapterConfig['clientId'] === app.clientId,
  )
}
