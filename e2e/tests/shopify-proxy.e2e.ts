import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectBrowser } from '../support/browser.ts'
import {
  launcherButton,
  launcherReady,
  openHost,
  widgetFrame,
  type HostPage,
} from '../support/host-page.ts'
import { HOST_PAGES, startHostServer, type HostServer } from '../support/host-server.ts'
import { freePort, type ServerProcess } from '../support/server-process.ts'
import {
  SHOPIFY_APP_STORE,
  SHOPIFY_SHOP,
  fakeShopifyCdn,
  reportShopCalls,
  startShopifyServer,
} from '../support/shopify-store.ts'

/**
 * Signed-in shoppers skip the code, on a Shopify storefront: a storefront on another origin
 * (the host pages behind a small server of this test) forwards `/apps/porchlight/*` as
 * Shopify's app proxy does, with the signed-in customer's id and a signature made with the
 * app's client secret, to Porchlight's proxy URL. The loader asks it who is signed in, and the
 * shopper opens the panel on their orders (read from the fake shop through GraphQL). Signed
 * with another secret, the panel keeps the usual sign-in with a code.
 */
const PREFIX = '/apps/porchlight'
/** Ada, the sample shop's customer (server/src/adapters/store/shopify/testing/sample-shop.ts). */
const ADA_CUSTOMER_ID = '7001'

let server: ServerProcess
let hosts: HostServer
let storefront: Server
let storefrontUrl: string
let browser: Browser
/** The secret the storefront's "Shopify" signs proxy requests with. */
let signingSecret = SHOPIFY_APP_STORE.clientSecret

/** Shopify's app proxy: the query it forwards, signed (shopify.dev "Authenticate app proxies"). */
function signedProxyQuery(search: string): URLSearchParams {
  const params = new URLSearchParams(search)
  params.set('shop', SHOPIFY_SHOP.domain)
  params.set('logged_in_customer_id', ADA_CUSTOMER_ID)
  params.set('path_prefix', PREFIX)
  params.set('timestamp', String(Math.floor(Date.now() / 1000)))
  const message = [...new Set(params.keys())]
    .sort()
    .map((k) => `${k}=${params.getAll(k).join(',')}`)
    .join('')
  params.set('signature', createHmac('sha256', signingSecret).update(message).digest('hex'))
  return params
}

/** The storefront: the app proxy's subpath goes to Porchlight, every other path to the pages. */
function startStorefront(port: number): Promise<Server> {
  const front = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://storefront')
    const proxied = url.pathname.startsWith(`${PREFIX}/`)
    const target = proxied
      ? `${server.url}/v1/shopify/proxy/${SHOPIFY_APP_STORE.id}${url.pathname.slice(PREFIX.length)}?${signedProxyQuery(url.search)}`
      : `${hosts.url.replace('localhost', '127.0.0.1')}${url.pathname}${url.search}`
    // Shopify forwards no cookie of the shop's to the app; neither does this.
    fetch(target, { method: req.method ?? 'GET' })
      .then(async (answer) => {
        const type = answer.headers.get('content-type') ?? 'text/plain'
        res.writeHead(answer.status, {
          'Content-Type': type,
          'Cache-Control': answer.headers.get('cache-control') ?? 'no-store',
        })
        let body = Buffer.from(await answer.arrayBuffer())
        // What a Shopify theme's content_for_header sets up before any app script runs.
        if (!proxied && type.startsWith('text/html') && !url.searchParams.has('not-shopify')) {
          const shopify = `<script>window.Shopify={shop:${JSON.stringify(SHOPIFY_SHOP.domain)}}</script>`
          body = Buffer.from(body.toString('utf8').replace('<head>', `<head>${shopify}`))
        }
        res.end(body)
      })
      .catch((err: Error) => res.writeHead(502).end(err.message))
  })
  return new Promise((resolve) => front.listen(port, '127.0.0.1', () => resolve(front)))
}

beforeAll(async () => {
  const storefrontPort = await freePort()
  storefrontUrl = `http://localhost:${storefrontPort}`
  server = await startShopifyServer({ PORCHLIGHT_TEST_HOST_ORIGINS: storefrontUrl })
  hosts = await startHostServer({
    port: await freePort(),
    serverUrl: server.url,
    widgetKey: SHOPIFY_APP_STORE.key,
  })
  storefront = await startStorefront(storefrontPort)
  browser = await connectBrowser(inject('browserWsEndpoint'))
})

afterAll(async () => {
  if (server) await reportShopCalls(server.url, 'shopify-proxy')
  await browser?.close()
  await new Promise((resolve) => storefront?.close(resolve))
  await hosts?.close()
  await server?.stop()
})

async function openStorefront(query = '') {
  const host = await openHost(browser, 'about:blank')
  await fakeShopifyCdn(host.context)
  await host.page.goto(`${storefrontUrl}${HOST_PAGES.plain}${query}`)
  await launcherReady(host.page)
  return host
}

const identityAnswer = (host: HostPage) =>
  host.page.waitForResponse((r) => r.url().includes(`${PREFIX}/identity`))

describe('a customer signed in to the Shopify storefront', () => {
  it('opens the panel on their orders, with no code', async () => {
    signingSecret = SHOPIFY_APP_STORE.clientSecret
    const host = await openStorefront()
    const identity = identityAnswer(host)
    const traded = host.page.waitForResponse((r) => r.url().endsWith('/v1/auth/grant'))
    const asked: string[] = []
    host.page.on('request', (r) => asked.push(new URL(r.url()).pathname))
    await launcherButton(host.page).click()
    expect((await identity).status()).toBe(200)
    expect((await traded).status()).toBe(200)
    const frame = await widgetFrame(host.page, 'floating')
    await frame.getByRole('heading', { level: 2, name: 'Your orders', exact: true }).waitFor()
    await frame.getByText('#1001').first().waitFor()
    await frame.getByText('Signed in as ada@example.com').waitFor()
    expect(asked.filter((p) => p.startsWith('/v1/auth/challenges'))).toEqual([])
    expect(host.problems).toEqual([])
    await host.close()
  })

  it('falls back to the code when the proxy request’s signature is wrong', async () => {
    signingSecret = 'shpss_not_the_app_secret_0123456789'
    const host = await openStorefront()
    const identity = identityAnswer(host)
    const asked: string[] = []
    host.page.on('request', (r) => asked.push(new URL(r.url()).pathname))
    await launcherButton(host.page).click()
    const refused = await identity
    expect(refused.status()).toBe(401)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'proxy_signature_invalid',
    )
    const frame = await widgetFrame(host.page, 'floating')
    await frame.getByRole('heading', { level: 2, name: 'Sign in to see your orders' }).waitFor()
    await frame.getByRole('button', { name: 'Get a code by email' }).waitFor()
    // No grant came, so the panel had nothing to trade.
    expect(asked.filter((p) => p === '/v1/auth/grant')).toEqual([])
    // The refused identity request is the only problem the page saw.
    expect(host.problems.filter((p) => !p.includes(`${PREFIX}/identity`))).toEqual([])
    await host.close()
  })

  it('asks no app proxy on a page that is not a Shopify storefront (no window.Shopify)', async () => {
    signingSecret = SHOPIFY_APP_STORE.clientSecret
    const host = await openStorefront('?not-shopify')
    const asked: string[] = []
    host.page.on('request', (r) => asked.push(new URL(r.url()).pathname))
    await launcherButton(host.page).click()
    const frame = await widgetFrame(host.page, 'floating')
    await frame.getByRole('heading', { level: 2, name: 'Sign in to see your orders' }).waitFor()
    // The panel took focus on the loader's `open`, posted after its `ready` was handled: any
    // identity request was sent by then, and a request sent after it is reported after it.
    await frame.waitForFunction(() => document.activeElement?.localName === 'button')
    await host.page.evaluate(() => fetch('/store.css').then(() => undefined))
    expect(asked).toContain('/store.css')
    expect(asked.filter((p) => p.startsWith(PREFIX) || p === '/v1/auth/grant')).toEqual([])
    expect(host.problems).toEqual([])
    await host.close()
  })
})
