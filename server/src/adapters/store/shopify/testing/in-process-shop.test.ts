import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createManualClock } from '../../../../clock.ts'
import { findStoreByWidgetKey } from '../../../../db/stores.repository.ts'
import { createMemoryLogger } from '../../../../logger.ts'
import { logInAgent } from '../../../../services/agents/agent-sessions.ts'
import { openTestDatabase, testDialect } from '../../../../test/harness.ts'
import { ShopifyRuntime } from '../shopify-runtime.ts'
import { TEST_KEYRING } from './test-kit.ts'
import { TEST_SHOPIFY_APP_SECRET, TEST_SHOPIFY_APP_WIDGET_KEY } from './in-process-app-store.ts'
import {
  startInProcessShop,
  TEST_SHOPIFY_AGENT,
  TEST_SHOPIFY_SHOPPER,
  TEST_SHOPIFY_WIDGET_KEY,
  type InProcessShop,
} from './in-process-shop.ts'

let running: InProcessShop | undefined
afterEach(() => {
  running?.close()
  running = undefined
})

async function start(origins = ['http://127.0.0.1:8787']) {
  const { db } = await openTestDatabase()
  const clock = createManualClock()
  running = await startInProcessShop({ db, now: clock.now(), origins, keyring: TEST_KEYRING })
  const runtime = new ShopifyRuntime({
    db,
    clock,
    logger: createMemoryLogger(),
    apiVersion: '2026-10',
    keyring: TEST_KEYRING,
  })
  return { db, clock, runtime, shop: running.shop, routes: running.routes }
}

describe(`in-process fake Shopify for e2e (${testDialect})`, () => {
  it('seeds a Shopify store whose adapter reads the sample orders through GraphQL', async () => {
    const { db, runtime, shop } = await start()
    const store = await findStoreByWidgetKey(db, TEST_SHOPIFY_WIDGET_KEY)
    expect(store).toMatchObject({
      adapterKind: 'shopify',
      allowedOrigins: ['http://127.0.0.1:8787'],
      adapterConfig: { domain: shop.domain, accessToken: shop.accessToken },
    })
    const page = await runtime
      .adapterFor(store!)
      .listOrders({ kind: 'email', value: TEST_SHOPIFY_SHOPPER }, { limit: 50 })
    expect(page.orders.map((o) => o.id)).toEqual([
      '1001',
      '1005',
      '1002',
      '1008',
      '1003',
      '1004',
      '1006',
      '1007',
    ])
    expect(shop.callsOf('PorchlightOrderSearch')).toHaveLength(1)
  })

  it('seeds a store connected through a Dev Dashboard app beside it, on the same shop', async () => {
    const { db, runtime, shop } = await start()
    const store = (await findStoreByWidgetKey(db, TEST_SHOPIFY_APP_WIDGET_KEY))!
    const connection = runtime.connectionOf(store)
    expect(connection).toMatchObject({
      mode: 'client_credentials',
      domain: shop.domain,
      clientSecret: TEST_SHOPIFY_APP_SECRET,
    })
    // Sealed at rest, as a real connection's secret is.
    expect(JSON.stringify(store.adapterConfig)).not.toContain(TEST_SHOPIFY_APP_SECRET)
    const page = await runtime
      .adapterFor(store)
      .listOrders({ kind: 'email', value: TEST_SHOPIFY_SHOPPER }, { limit: 50 })
    expect(page.orders).toHaveLength(8)
    // The legacy store still reads with the same token.
    const legacy = (await findStoreByWidgetKey(db, TEST_SHOPIFY_WIDGET_KEY))!
    expect((await runtime.adapterFor(legacy).getOrder('1002'))?.id).toBe('1002')
  })

  it('lets the store’s owner sign in to the console', async () => {
    const { db, clock } = await start()
    const login = await logInAgent(db, { ...TEST_SHOPIFY_AGENT, now: clock.now() })
    expect(login.ok && login.agent.role).toBe('owner')
  })

  it('rewrites the connection and origins on the next start, keeping one store', async () => {
    const { db } = await start()
    running?.close()
    running = await startInProcessShop({
      db,
      now: new Date(),
      origins: ['http://localhost:4000'],
      keyring: TEST_KEYRING,
    })
    const stores = await db.selectFrom('stores').select('widget_key').execute()
    expect(stores.filter((s) => s.widget_key === TEST_SHOPIFY_WIDGET_KEY)).toHaveLength(1)
    expect((await findStoreByWidgetKey(db, TEST_SHOPIFY_WIDGET_KEY))?.allowedOrigins).toEqual([
      'http://localhost:4000',
    ])
  })

  it('fails requests to any other shop instead of reaching the internet', async () => {
    await start()
    await expect(
      fetch('https://some-real-shop.myshopify.com/admin/api/2026-10/graphql.json', {
        method: 'POST',
        body: '{}',
      }),
    ).rejects.toThrow()
  })

  it('leaves requests to every other host alone', async () => {
    await start()
    const local = createServer((_req, res) => res.end('reached'))
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = local.address() as AddressInfo
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('reached')
    } finally {
      await new Promise((resolve) => local.close(resolve))
    }
  })

  it('reports the operations the shop answered, from a given index', async () => {
    const { db, runtime, routes } = await start()
    const store = (await findStoreByWidgetKey(db, TEST_SHOPIFY_WIDGET_KEY))!
    await runtime.adapterFor(store).getOrder('1002')
    await runtime.adapterFor(store).getOrder('1003')
    const all = await (await routes.request('/test/fake-shopify/calls')).json()
    expect(all).toEqual({
      total: 2,
      calls: [
        { operation: 'PorchlightOrder', variables: { id: 'gid://shopify/Order/1002' } },
        { operation: 'PorchlightOrder', variables: { id: 'gid://shopify/Order/1003' } },
      ],
    })
    const since = await (await routes.request('/test/fake-shopify/calls?since=1')).json()
    expect(since.calls).toHaveLength(1)
  })
})
