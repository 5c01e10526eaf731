import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { setupServer } from 'msw/node'
import type { AppEnv } from '../../../../app-env.ts'
import type { Database } from '../../../../db/schema.ts'
import { hashPassword } from '../../../../services/agents/passwords.ts'
import type { Keyring } from '../../../../keyring.ts'
import type { FakeShop } from './fake-shop.ts'
import { seedShopifyAppStore, upsertShopifyTestStore } from './in-process-app-store.ts'
import { SAMPLE_EMAIL, sampleShop } from './sample-shop.ts'

export const TEST_SHOPIFY_STORE_ID = 'st_test_shopify'
export const TEST_SHOPIFY_WIDGET_KEY = 'pk_test_shopify'
export const TEST_SHOPIFY_WEBHOOK_SECRET = 'whsec_in_process_0123456789abcdef'
/** The store's owner, so e2e can drive the console (settings, decisions) on the Shopify store. */
export const TEST_SHOPIFY_AGENT = {
  email: 'owner@shopify-test.example',
  password: 'porchlight-test-shopify',
  name: 'Sam (Shopify test owner)',
}
/** A shopper with orders in every portal state (see sampleShop). */
export const TEST_SHOPIFY_SHOPPER = SAMPLE_EMAIL

export interface InProcessShop {
  shop: FakeShop
  /** `GET /test/fake-shopify/calls?since=n`: the GraphQL operations the shop answered. */
  routes: Hono<AppEnv>
  close(): void
}

/**
 * PORCHLIGHT_TEST_FAKE_SHOPIFY (never in production): the sample shop answers the Admin API
 * inside this process through msw, and a Shopify store connected to it is seeded. Loaded by a
 * dynamic import only, so production never loads msw. Requests to any other *.myshopify.com
 * fail instead of reaching the internet; every other host is left alone (SMTP, Twilio tests).
 */
export async function startInProcessShop(input: {
  db: Kysely<Database>
  now: Date
  /** Origins allowed to embed the store's widget (the demo store's and the e2e host pages'). */
  origins: string[]
  /** SECRET_KEY's ring: the app store's secrets and token are sealed as a connection's are. */
  keyring: Keyring
}): Promise<InProcessShop> {
  // Dated from the server's clock, so the recently delivered order can be returned in e2e runs.
  const shop = sampleShop({ today: input.now })
  const server = setupServer(...shop.handlers())
  server.listen({
    onUnhandledFrame({ frame, defaults }) {
      const request = (frame.data as { request?: Request }).request
      if (request !== undefined && new URL(request.url).hostname.endsWith('.myshopify.com')) {
        defaults.error()
      }
    },
  })
  try {
    await seedStore(input.db, shop, input.origins, input.now)
    await seedShopifyAppStore(input.db, { shop, ...input })
  } catch (err) {
    server.close()
    throw err
  }
  const routes = new Hono<AppEnv>().get('/test/fake-shopify/calls', (c) => {
    const since = Math.max(0, Number(c.req.query('since') ?? 0) || 0)
    return c.json({
      total: shop.calls.length,
      calls: shop.calls.slice(since).map((call) => ({
        operation: call.operation,
        variables: call.variables,
      })),
    })
  })
  return { shop, routes, close: () => server.close() }
}

async function seedStore(db: Kysely<Database>, shop: FakeShop, origins: string[], now: Date) {
  const config = JSON.stringify({
    domain: shop.domain,
    accessToken: shop.accessToken,
    webhookSecret: TEST_SHOPIFY_WEBHOOK_SECRET,
    shopName: shop.shopName,
    scopes: shop.scopes,
  })
  await upsertShopifyTestStore(db, {
    id: TEST_SHOPIFY_STORE_ID,
    name: `${shop.shopName} (Shopify test)`,
    widgetKey: TEST_SHOPIFY_WIDGET_KEY,
    origins,
    settings: { theme: { color: '#5c6ac4', position: 'right' } },
    config,
    now,
  })
  await db
    .insertInto('agents')
    .values({
      id: 'ag_test_shopify',
      store_id: TEST_SHOPIFY_STORE_ID,
      email: TEST_SHOPIFY_AGENT.email,
      name: TEST_SHOPIFY_AGENT.name,
      password_hash: await hashPassword(TEST_SHOPIFY_AGENT.password),
      role: 'owner',
      created_at: now.getTime(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}
