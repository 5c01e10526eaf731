import { describe, expect, it } from 'vitest'
import { signShopifyBody } from '../../adapters/store/shopify/webhook-signature.ts'
import {
  fulfillment,
  fulfillmentEvent,
  lineItem,
  order,
} from '../../adapters/store/shopify/testing/fake-orders.ts'
import { FakeShop } from '../../adapters/store/shopify/testing/fake-shop.ts'
import {
  insertShopifyStore,
  interceptShopify,
  testRuntime,
  virtualTime,
  WEBHOOK_SECRET,
} from '../../adapters/store/shopify/testing/test-kit.ts'
import { findCachedOrder } from '../../adapters/store/shopify/order-cache.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

const mocks = interceptShopify()

// Above 2^53: only readable exactly as text.
const BIG_ID = '820982911946154508'

async function setup() {
  const ctx = await createTestApp()
  const time = virtualTime(Date.parse('2026-01-15T12:00:00Z'))
  const shop = new FakeShop({ now: time.now })
  mocks.use(shop)
  const store = await insertShopifyStore(ctx.db, shop)
  const runtime = testRuntime(ctx, time)
  ctx.deps.shopify = runtime
  const adapter = runtime.adapterFor(store)
  let events = 0
  const send = (
    topic: string,
    body: string,
    headers: Record<string, string> = {},
    storeId = store.id,
  ) =>
    ctx.app.request(`/v1/webhooks/shopify/${storeId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-hmac-sha256': signShopifyBody(body, WEBHOOK_SECRET),
        'x-shopify-shop-domain': shop.domain,
        'x-shopify-api-version': '2026-10',
        'x-shopify-webhook-id': `wh-${++events}`,
        'x-shopify-event-id': `ev-${events}`,
        'x-shopify-triggered-at': '2026-01-15T12:00:00Z',
        ...headers,
      },
      body,
    })
  return { ...ctx, shop, store, runtime, adapter, send, time }
}

/** The REST-shaped payload Shopify posts for orders/* topics (trimmed). */
function orderPayload(id: string, updatedAt: string, extra: Record<string, unknown> = {}) {
  return `{"id":${id},"admin_graphql_api_id":"gid://shopify/Order/${id}","name":"#1042","email":"ada@example.com","updated_at":"${updatedAt}","financial_status":"paid","fulfillment_status":null,"line_items":[]${Object.entries(
    extra,
  )
    .map(([k, v]) => `,"${k}":${JSON.stringify(v)}`)
    .join('')}}`
}

describe(`Shopify webhooks: who may call (${testDialect})`, () => {
  it('answers 404 for an unknown store or one not on Shopify', async () => {
    const { send } = await setup()
    const body = orderPayload(BIG_ID, '2026-01-15T12:00:00Z')
    for (const storeId of ['st_nope', 'st_demo', '..%2F..']) {
      const res = await send('orders/updated', body, {}, storeId)
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('store_not_found')
    }
  })

  it('refuses missing, forged, wrong-secret and tampered signatures with 401', async () => {
    const { send, shop } = await setup()
    const body = orderPayload(BIG_ID, '2026-01-15T12:00:00Z')
    const attempts = [
      { 'x-shopify-hmac-sha256': '' },
      { 'x-shopify-hmac-sha256': 'not base64 at all' },
      { 'x-shopify-hmac-sha256': signShopifyBody(body, 'someone-elses-secret') },
      {
        'x-shopify-hmac-sha256': signShopifyBody(body.replace('paid', 'refunded'), WEBHOOK_SECRET),
      },
      { 'x-shopify-hmac-sha256': signShopifyBody(body, WEBHOOK_SECRET).slice(0, -4) + 'AAA=' },
    ]
    for (const headers of attempts) {
      const res = await send('orders/updated', body, headers)
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('webhook_signature_invalid')
    }
    expect(shop.requests).toBe(0)
  })

  it('checks the signature over the raw bytes, not over re-serialised JSON', async () => {
    const { send } = await setup()
    const compact = orderPayload(BIG_ID, '2026-01-15T12:00:00Z')
    const pretty = JSON.stringify(JSON.parse(compact), null, 2)
    const forged = await send('orders/updated', pretty, {
      'x-shopify-hmac-sha256': signShopifyBody(compact, WEBHOOK_SECRET),
    })
    expect(forged.status).toBe(401)
    const genuine = await send('orders/updated', pretty)
    expect(genuine.status).toBe(200)
  })

  it('refuses a correctly signed delivery naming another shop', async () => {
    const { send } = await setup()
    const res = await send('orders/updated', orderPayload(BIG_ID, '2026-01-15T12:00:00Z'), {
      'x-shopify-shop-domain': 'another-shop.myshopify.com',
    })
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('webhook_shop_mismatch')
  })

  it('accepts order payloads past the API body limit, up to its own', async () => {
    const { send } = await setup()
    const big = orderPayload(BIG_ID, '2026-01-15T12:00:00Z', { note: 'x'.repeat(300_000) })
    expect((await send('orders/updated', big)).status).toBe(200)
    const huge = orderPayload(BIG_ID, '2026-01-15T12:00:00Z', { note: 'x'.repeat(3_000_000) })
    const res = await send('orders/updated', huge)
    expect(res.status).toBe(413)
  })
})

describe(`Shopify webhooks: keeping the cache fresh (${testDialect})`, () => {
  it('refreshes a cached order through GraphQL when a fulfilment event arrives', async () => {
    const { send, shop, adapter, runtime } = await setup()
    const li = lineItem()
    const f = fulfillment([li], { displayStatus: 'CONFIRMED', updatedAt: '2026-01-15T09:00:00Z' })
    const raw = shop.addOrder(
      order({
        legacyResourceId: BIG_ID,
        lines: [li],
        fulfillments: [f],
        displayFulfillmentStatus: 'FULFILLED',
      }),
    )
    await adapter.getOrder(BIG_ID)
    // The carrier scans the parcel: Shopify records an event and tells us.
    f.events.nodes.unshift(fulfillmentEvent('CARRIER_PICKED_UP', '2026-01-15T11:58:00Z'))
    f.displayStatus = 'CARRIER_PICKED_UP'
    f.updatedAt = '2026-01-15T11:58:00Z'
    const body = `{"id":99001,"fulfillment_id":${f.legacyResourceId},"status":"carrier_picked_up","happened_at":"2026-01-15T11:58:00Z","order_id":${BIG_ID},"created_at":"2026-01-15T11:58:00Z","updated_at":"2026-01-15T11:58:00Z","admin_graphql_api_id":"gid://shopify/FulfillmentEvent/99001"}`
    const res = await send('fulfillment_events/create', body)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'refreshing', orderId: BIG_ID })
    await runtime.idle()
    const fetches = shop.callsOf('PorchlightOrder')
    expect(fetches).toHaveLength(2)
    expect(fetches[1]?.variables).toEqual({ id: raw.id })
    const seen = await adapter.getOrder(BIG_ID)
    expect(seen?.shipments[0]?.events.map((e) => e.kind)).toEqual(['carrier_picked_up'])
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(2)
  })

  it('drops a redelivered event by its X-Shopify-Event-Id', async () => {
    const { send, shop, adapter, runtime } = await setup()
    const raw = shop.addOrder(order({ legacyResourceId: BIG_ID }))
    await adapter.getOrder(BIG_ID)
    raw.updatedAt = '2026-01-15T11:00:00Z'
    const body = orderPayload(BIG_ID, '2026-01-15T11:00:00Z')
    const first = await send('orders/updated', body, { 'x-shopify-event-id': 'ev-same' })
    expect((await first.json()).status).toBe('refreshing')
    await runtime.idle()
    const again = await send('orders/updated', body, { 'x-shopify-event-id': 'ev-same' })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ status: 'duplicate' })
    await runtime.idle()
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(2)
  })

  it('ignores an update older than what the cache already holds', async () => {
    const { send, shop, adapter, runtime } = await setup()
    shop.addOrder(order({ legacyResourceId: BIG_ID, updatedAt: '2026-01-15T10:00:00Z' }))
    await adapter.getOrder(BIG_ID)
    // Delivered late and out of order; the same instant in another timezone is not newer either.
    for (const stamp of ['2026-01-15T09:30:00Z', '2026-01-15T05:00:00-05:00']) {
      const res = await send('orders/updated', orderPayload(BIG_ID, stamp))
      expect(await res.json()).toEqual({ status: 'stale', orderId: BIG_ID })
    }
    await runtime.idle()
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(1)
  })

  it('does not spend API calls on orders no shopper has looked at', async () => {
    const { send, shop } = await setup()
    shop.addOrder(order({ legacyResourceId: BIG_ID }))
    const res = await send('orders/updated', orderPayload(BIG_ID, '2026-01-15T11:00:00Z'))
    expect(await res.json()).toEqual({ status: 'not_cached', orderId: BIG_ID })
    expect(shop.requests).toBe(0)
  })

  it('acknowledges topics and payloads it has no use for', async () => {
    const { send } = await setup()
    expect(await (await send('products/update', '{"id":1}')).json()).toMatchObject({
      status: 'ignored',
    })
    expect(await (await send('orders/updated', '[1,2]')).json()).toMatchObject({
      status: 'ignored',
    })
    expect(await (await send('orders/updated', '{"id":"x"}')).json()).toMatchObject({
      status: 'ignored',
    })
  })

  it('waits for the read API to catch up with a webhook, then accepts what it has', async () => {
    const { send, shop, adapter, runtime, time, db, store } = await setup()
    shop.addOrder(order({ legacyResourceId: BIG_ID, updatedAt: '2026-01-15T10:00:00Z' }))
    await adapter.getOrder(BIG_ID)
    const sleepsBefore = time.sleeps.length
    // Shopify says 11:00, its API still serves the 10:00 version.
    await send('orders/updated', orderPayload(BIG_ID, '2026-01-15T11:00:00Z'))
    // Meanwhile the shopper reads: a pending change is never served from the cache.
    await adapter.getOrder(BIG_ID)
    await runtime.idle()
    expect(time.sleeps.slice(sleepsBefore)).toEqual([1000, 3000])
    const row = await findCachedOrder(db, store.id, BIG_ID)
    expect(row?.version).toBe(Date.parse('2026-01-15T11:00:00Z'))
    expect(row?.pending_version).toBeNull()
  })

  it('approve-cancel round trip: our cancel, then Shopify webhooks about it change nothing more', async () => {
    const { send, shop, adapter, runtime } = await setup()
    const raw = shop.addOrder(order({ legacyResourceId: BIG_ID }))
    await adapter.getOrder(BIG_ID)
    const result = await adapter.cancelOrder(BIG_ID, {
      reason: 'customer',
      refund: true,
      restock: true,
    })
    expect(result.ok).toBe(true)
    expect(shop.callsOf('PorchlightOrderCancel')[0]?.variables).toMatchObject({
      orderId: raw.id,
      reason: 'CUSTOMER',
      refundMethod: { originalPaymentMethodsRefund: true },
      restock: true,
    })
    const fetches = shop.callsOf('PorchlightOrder').length
    const res = await send(
      'orders/cancelled',
      orderPayload(BIG_ID, raw.updatedAt, {
        cancelled_at: raw.cancelledAt,
        cancel_reason: 'customer',
      }),
    )
    expect(await res.json()).toEqual({ status: 'stale', orderId: BIG_ID })
    await runtime.idle()
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(fetches)
    expect((await adapter.getOrder(BIG_ID))?.status).toBe('cancelled')
  })

  it('follows a cancellation made in the Shopify admin', async () => {
    const { send, shop, adapter, runtime } = await setup()
    const raw = shop.addOrder(order({ legacyResourceId: BIG_ID }))
    expect((await adapter.getOrder(BIG_ID))?.status).toBe('open')
    raw.cancelledAt = '2026-01-15T11:30:00Z'
    raw.updatedAt = '2026-01-15T11:30:00Z'
    raw.displayFinancialStatus = 'VOIDED'
    const res = await send('orders/cancelled', orderPayload(BIG_ID, '2026-01-15T06:30:00-05:00'))
    expect(await res.json()).toEqual({ status: 'refreshing', orderId: BIG_ID })
    await runtime.idle()
    const seen = await adapter.getOrder(BIG_ID)
    expect(seen?.status).toBe('cancelled')
    expect(seen?.financialStatus).toBe('voided')
  })

  it('forgets handled event ids after a week, keeping the table small', async () => {
    const { send, shop, clock, db } = await setup()
    shop.addOrder(order({ legacyResourceId: BIG_ID }))
    await send('orders/updated', orderPayload(BIG_ID, '2026-01-15T11:00:00Z'), {
      'x-shopify-event-id': 'ev-old',
    })
    clock.advance(8 * 24 * 3600_000)
    await send('orders/updated', orderPayload(BIG_ID, '2026-01-23T11:00:00Z'), {
      'x-shopify-event-id': 'ev-new',
    })
    const ids = await db.selectFrom('shopify_webhook_events').select('event_id').execute()
    expect(ids.map((r) => r.event_id)).toEqual(['ev-new'])
  })

  it('leaves only the pending mark once shutdown began; the next read goes to Shopify', async () => {
    const { send, shop, adapter, ctxShutdown, deps } = await setupWithShutdown()
    const raw = shop.addOrder(order({ legacyResourceId: BIG_ID }))
    await adapter.getOrder(BIG_ID)
    ctxShutdown.abort()
    raw.updatedAt = '2026-01-15T11:00:00Z'
    raw.displayFulfillmentStatus = 'IN_PROGRESS'
    await send('orders/updated', orderPayload(BIG_ID, '2026-01-15T11:00:00Z'))
    await deps.shopify?.idle()
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(1)
    expect((await adapter.getOrder(BIG_ID))?.fulfillmentStatus).toBe('in_progress')
    expect(shop.callsOf('PorchlightOrder')).toHaveLength(2)
  })
})

async function setupWithShutdown() {
  const base = await setup()
  const ctxShutdown = new AbortController()
  const runtime = testRuntime(base, base.time, { signal: ctxShutdown.signal })
  base.deps.shopify = runtime
  return { ...base, runtime, adapter: runtime.adapterFor(base.store), ctxShutdown }
}
