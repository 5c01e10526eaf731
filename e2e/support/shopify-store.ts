import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { startServerProcess, type ServerProcess } from './server-process.ts'

/**
 * A store configured with the Shopify adapter, for journeys that should run the same as on the
 * demo store: a server process of its own with PORCHLIGHT_TEST_FAKE_SHOPIFY, where msw answers
 * the Admin GraphQL API in-process with the sample shop
 * (server/src/adapters/store/shopify/testing/sample-shop.ts) and the store pk_test_shopify is
 * connected to it. Everything the shopper sees is read through GraphQL. Each test file starts
 * its own process: the shop is new with every process, and journeys that change it (an agent's
 * approved cancellation) or file requests about it never see another file's.
 */
export const SHOPIFY_KEY = 'pk_test_shopify'
export const SHOPIFY_STORE_ID = 'st_test_shopify'
/** The sample shop's customer, with orders in every state the portal shows. */
export const SHOPIFY_SHOPPER = { email: 'ada@example.com', phone: '+33612345678' }
export const SHOPIFY_OWNER = {
  email: 'owner@shopify-test.example',
  password: 'porchlight-test-shopify',
}
export const SHOPIFY_SHOP = {
  domain: 'lumen-loom.myshopify.com',
  token: 'shpat_test_token_0123456789',
}

/**
 * The store beside it on the same shop, connected through a Dev Dashboard app (client
 * credentials): Shopify signs its app proxy's requests with the app's client secret
 * (server/src/adapters/store/shopify/testing/in-process-app-store.ts).
 */
export const SHOPIFY_APP_STORE = {
  id: 'st_test_shopify_app',
  key: 'pk_test_shopify_app',
  clientSecret: 'shpss_test_client_secret_0123456789',
}

/** `env` adds to the switches, e.g. PORCHLIGHT_TEST_HOST_ORIGINS for a storefront of a test's. */
export function startShopifyServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({
    PORCHLIGHT_TEST_FAKE_SHOPIFY: 'true',
    // Test-only fixture routes (/test/*), so journeys can plant tickets.
    PORCHLIGHT_TEST_SEED: 'true',
    ...env,
  })
}

export interface ShopCall {
  operation: string
  variables: any
}

/** The GraphQL operations the fake shop answered, from the `since`-th on, by name. */
export async function shopCalls(
  baseUrl: string,
  since = 0,
): Promise<{ total: number; calls: ShopCall[] }> {
  const res = await fetch(`${baseUrl}/test/fake-shopify/calls?since=${since}`)
  if (!res.ok) throw new Error(`the fake shop's call log answered ${res.status}`)
  return (await res.json()) as { total: number; calls: ShopCall[] }
}

/** Prints how many calls of each operation the fake shop answered (for the run's report). */
export async function reportShopCalls(baseUrl: string, label: string): Promise<void> {
  const { calls } = await shopCalls(baseUrl).catch(() => ({ calls: [] as ShopCall[] }))
  const counts: Record<string, number> = {}
  for (const c of calls) counts[c.operation] = (counts[c.operation] ?? 0) + 1
  console.info(
    `Admin API operations answered by the fake shop (${label}): ${JSON.stringify(counts)}`,
  )
}

/** A 1 × 1 transparent PNG. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
  'base64',
)

/** Product images live on Shopify's CDN, outside this machine: a local picture stands in. */
export async function fakeShopifyCdn(target: Pick<Page, 'route'>): Promise<void> {
  await target.route('https://cdn.shopify.com/**', (route) =>
    route.fulfill({ contentType: 'image/png', body: PIXEL_PNG }),
  )
}

/**
 * A page in a context of its own that records uncaught errors and console errors, except those
 * `expected` accepts.
 */
export async function watchedPage(
  browser: Browser,
  expected: (text: string, url: string) => boolean = () => false,
  options: BrowserContextOptions = {},
) {
  const page = await (await browser.newContext(options)).newPage()
  await fakeShopifyCdn(page)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected(m.text(), m.location().url))
      errors.push(`${m.text()} (${m.location().url})`)
  })
  return { page, errors }
}
