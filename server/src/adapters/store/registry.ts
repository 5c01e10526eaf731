import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { createDemoStoreAdapter } from './demo/demo-store-adapter.ts'
import type { ShopifyRuntime } from './shopify/shopify-runtime.ts'
import type { StoreAdapter, StoreAdapterFactory } from './store-adapter.ts'

/**
 * Builds the store-adapter factory the app uses: `(store) => StoreAdapter`, picked by the
 * store's adapter kind. Demo stores read our own tables; Shopify stores go through the
 * process-wide Shopify runtime (shared cost limiters and order cache).
 */
export function createStoreAdapterRegistry(deps: {
  db: Kysely<Database>
  clock: Clock
  shopify?: ShopifyRuntime
}): StoreAdapterFactory {
  return (store: Store): StoreAdapter => {
    switch (store.adapterKind) {
      case 'demo':
        return createDemoStoreAdapter({ db: deps.db, storeId: store.id, clock: deps.clock })
      case 'shopify':
        if (deps.shopify === undefined) {
          throw new AppError(
            'store_adapter_unavailable',
            'Shopify is not available on this server.',
          )
        }
        return deps.shopify.adapterFor(store)
      default:
        throw new AppError(
          'store_adapter_unavailable',
          `This store uses an unknown platform (${String(store.adapterKind)}).`,
        )
    }
  }
}
