import { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { assetResponse, type Asset } from '../../http/static-assets.ts'
import { resolveStore, storeCors } from '../../middleware/store.ts'
import { publicStoreConfig, storeOrigins } from '../../services/store-config.ts'

function serve(
  c: { req: { header(n: string): string | undefined } },
  asset: Asset | undefined,
  headers: Record<string, string>,
) {
  if (asset === undefined) {
    throw new AppError('widget_not_built', 'The widget is not built; run `pnpm build`.')
  }
  return assetResponse(
    asset,
    { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match') },
    headers,
  )
}

// The panel only talks to our own origin; frame-ancestors limits who may embed it.
function appCsp(ancestors: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self' ${ancestors.join(' ')}`.trim(),
  ].join('; ')
}

/** The loader, the in-frame app and its assets, and the public widget configuration. */
export const widgetRoutes = new Hono<AppEnv>()
  .get('/porchlight.js', (c) =>
    serve(c, c.get('deps').assets.get('/porchlight.js'), {
      // Short cache: merchants never change their tag, so a new loader must reach them quickly.
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Access-Control-Allow-Origin': '*',
    }),
  )
  .get('/assets/:file{.+}', (c) =>
    serve(c, c.get('deps').assets.get(`/assets/${c.req.param('file')}`), {
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Cross-Origin-Resource-Policy': 'same-origin',
    }),
  )
  .get('/w/:key', resolveStore, (c) => {
    const { config, assets } = c.get('deps')
    const ancestors = storeOrigins(c.get('store').allowedOrigins, config.publicUrl)
    return serve(c, assets.get('/app/index.html'), {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': appCsp(ancestors),
      'Referrer-Policy': 'no-referrer',
    })
  })
  .use('/v1/widget/*', resolveStore, storeCors)
  .get('/v1/widget/config', etag(), (c) =>
    // The loader asks on every page view of the storefront. A saved setting must reach shoppers
    // at once, so browsers revalidate every time; an unchanged config is a bodiless 304.
    c.json(
      publicStoreConfig(c.get('store'), c.get('deps').config.publicUrl, c.req.query('locale')),
      200,
      { 'Cache-Control': 'no-cache' },
    ),
  )
