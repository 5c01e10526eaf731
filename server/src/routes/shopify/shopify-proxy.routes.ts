import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { grantFromAppProxy } from '../../services/auth/proxy-identity.ts'

const storeIdShape = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Shopify's app proxy: the app's proxy URL is `<PUBLIC_URL>/v1/shopify/proxy/<store id>`, so
 * `https://<shop>/apps/porchlight/identity` arrives here, signed by Shopify, for the shopper's
 * storefront page (the answer goes back to it through Shopify, same-origin). Never cached: the
 * grant is one customer's.
 */
export const shopifyProxyRoutes = new Hono<AppEnv>().get(
  '/v1/shopify/proxy/:storeId/identity',
  async (c) => {
    c.header('Cache-Control', 'no-store')
    const deps = c.get('deps')
    const storeId = c.req.param('storeId')
    const store = storeIdShape.test(storeId) ? await findStoreById(deps.db, storeId) : undefined
    if (store === undefined) throw new AppError('store_not_found', 'No store has this id.')
    const query = new URL(c.req.url).searchParams
    return c.json(await grantFromAppProxy(deps, store, query), 200)
  },
)
