import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { demoImages } from './demo-images.ts'
import { contactPage, demoCss, helpCenterPage, storefrontPage } from './demo-pages.ts'

const pageCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "base-uri 'none'",
].join('; ')

const html = (body: string) =>
  new Response(body, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': pageCsp,
      'Cache-Control': 'no-cache',
    },
  })

/** Pages of the built-in demo store, so `pnpm start` shows the product working offline. */
export const demoRoutes = new Hono<AppEnv>()
  .get('/', () => html(storefrontPage(DEMO_WIDGET_KEY)))
  .get('/help', () => html(helpCenterPage(DEMO_WIDGET_KEY)))
  .get('/contact', () => html(contactPage(DEMO_WIDGET_KEY)))
  .get('/favicon.ico', (c) => c.body(null, 204))
  .get('/demo/demo.css', (c) => c.body(demoCss, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
  .get('/demo/products/:file', (c) => {
    const name = /^(\w+)\.svg$/.exec(c.req.param('file'))?.[1]
    const svg = name !== undefined && Object.hasOwn(demoImages, name) ? demoImages[name] : undefined
    if (svg === undefined) return c.body(null, 404)
    return c.body(svg, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
      // A picture, never a document: no script runs in it even when opened on its own.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    })
  })
