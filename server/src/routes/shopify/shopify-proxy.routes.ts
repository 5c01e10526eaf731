import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { verifyAppProxySignature } from '../../adapters/store/shopify/app-proxy-signature.ts'
import { shopDomain } from '../../adapters/store/shopify/shopify-config.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { grantFromAppProxy } from '../../services/auth/proxy-identity.ts'
import { storesOfAppShop } from '../../services/shopify/app-stores.ts'

const storeIdShape = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Shopify's app proxy: `https://<shop>/apps/porchlight/identity` arrives here, signed by Shopify,
 * for the shopper's storefront page (the answer goes back to it through Shopify, same-origin).
 * Never cached: the grant is one customer's. Two proxy URLs:
 *  - `<PUBLIC_URL>/v1/shopify/proxy/<store id>` for a merchant's own Dev Dashboard app (one
 *    store, its own client secret);
 *  - `<PUBLIC_URL>/v1/shopify/proxy` for this server's OAuth app, whose one proxy URL serves every
 *    shop it is installed on: the store is the one the signed `shop` parameter connected.
 */
export const shopifyProxyRoutes = new Hono<AppEnv>()
  .get('/v1/shopify/proxy/identity', async (c) => {
    c.header('Cache-Control', 'no-store')
    const deps = c.get('deps')
    const app = deps.config.shopifyApp
    if (app === undefined) throw new AppError('not_found', 'This server has no Shopify app.')
    const query = new URL(c.req.url).searchParams
    // Shopify's signature first: an unsigned request learns nothing about which shops are here.
    if (!verifyAppProxySignature(query, app.clientSecret)) {
      deps.logger.info('app proxy identity refused', { storeId: null, why: 'bad_signature' })
      throw new AppError('proxy_signature_invalid', 'The proxy signature is not valid.')
    }
    const domain = shopDomain.safeParse(query.get('shop') ?? '')
    const stores = domain.success ? await storesOfAppShop(deps, domain.data) : []
    const store = stores[0]
    if (store === undefined || stores.length > 1) {
      deps.logger.info('app proxy identity refused', {
        storeId: null,
        why: store === undefined ? 'shop_not_installed' : 'several_stores',
      })
      throw new AppError('proxy_not_configured', 'No single store of this shop uses this app.')
    }
    return c.json(await grantFromAppProxy(deps, store, query), 200)
  })
  .get('/v1/shopify/proxy/:storeId/identity', async (c) => {
    c.header('Cache-Control', 'no-store')
    const deps = c.get('deps')
    const storeId = c.req.param('storeId')
    const store = storeIdShape.test(storeId) ? await findStoreById(deps.db, storeId) : undefined
    if (store === undefined) throw new AppError('store_not_found', 'No store has this id.')
    const query = new URL(c.req.url).searchParams
    return c.json(await grantFromAppProxy(deps, store, query), 200)
  })
