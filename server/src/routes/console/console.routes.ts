import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { assetResponse } from '../../http/static-assets.ts'

const consoleCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The agent console's page; its API lives under /v1/agent. */
export const consoleRoutes = new Hono<AppEnv>().get('/console/*', (c) => {
  const asset = c.get('deps').assets.get('/console/index.html')
  if (asset === undefined) {
    throw new AppError('widget_not_built', 'The console is not built; run `pnpm build`.')
  }
  return assetResponse(
    asset,
    { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match') },
    { 'Cache-Control': 'no-cache', 'Content-Security-Policy': consoleCsp },
  )
})
