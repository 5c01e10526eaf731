import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import {
  CALLBACK_PATH,
  completeInstall,
  INSTALL_STATE_MS,
  startInstall,
} from '../../services/shopify/oauth-install.ts'

/** The state of an install in flight, in this browser. Lax: Shopify's redirect is cross-site. */
const STATE_COOKIE = 'pl_shopify_install'

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** A page in plain words: the callback is a browser navigation, not an API call. */
function page(
  c: Context<AppEnv>,
  status: 400 | 403 | 404 | 422 | 501 | 502,
  title: string,
  message: string,
) {
  c.header('cache-control', 'no-store')
  c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>` +
      `<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">` +
      `<h1 style="font-size:1.4rem">${escape(title)}</h1><p>${escape(message)}</p>` +
      `<p><a href="/console/">Back to the console</a></p></body></html>`,
    status,
  )
}

function failurePage(c: Context<AppEnv>, err: unknown) {
  if (!(err instanceof AppError)) throw err
  const status = ([400, 403, 404, 422, 501, 502] as const).find((s) => s === err.status) ?? 400
  return page(c, status, 'Shopify was not connected', err.message)
}

/**
 * The OAuth install of this server's Shopify app. `GET /shopify/install?shop=` is opened from
 * the console by an owner (the console session cookie, same-site); `GET /shopify/callback` is
 * where Shopify sends them back. A failed check is a 400 page and stores nothing.
 */
export const shopifyInstallRoutes = new Hono<AppEnv>()
  .use('/shopify/install', requireAgent)
  .get('/shopify/install', async (c) => {
    const agent = c.get('agent')
    try {
      if (agent.role !== 'owner') {
        throw new AppError(
          'owner_required',
          'Only an owner of the store can connect it to Shopify.',
        )
      }
      if (agent.via !== 'session') {
        throw new AppError('session_required', 'Start the install from the console, signed in.')
      }
      const { url, state } = await startInstall(c.get('deps'), {
        storeId: agent.storeId,
        sessionId: agent.sessionId,
        shop: c.req.query('shop') ?? '',
      })
      setCookie(c, STATE_COOKIE, state, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.get('deps').config.publicUrl.startsWith('https:'),
        path: CALLBACK_PATH,
        maxAge: INSTALL_STATE_MS / 1000,
      })
      c.header('cache-control', 'no-store')
      return c.redirect(url, 302)
    } catch (err) {
      return failurePage(c, err)
    }
  })
  .get(CALLBACK_PATH, async (c) => {
    const query = new URL(c.req.url).searchParams
    const cookie = getCookie(c, STATE_COOKIE)
    // Used or not, the state cookie has done its job.
    deleteCookie(c, STATE_COOKIE, { path: CALLBACK_PATH })
    try {
      await completeInstall(c.get('deps'), query, cookie)
    } catch (err) {
      const deps = c.get('deps')
      if (err instanceof AppError) {
        deps.logger.warn('shopify install callback refused', { code: err.code })
      }
      return failurePage(c, err)
    }
    c.header('cache-control', 'no-store')
    return c.redirect('/console/settings', 302)
  })
