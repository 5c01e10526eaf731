import { describe, expect, it } from 'vitest'
import type { OrderListItem, OrderListResponse } from '@porchlight/shared/api/orders'
import type { StoreAdapter } from '../../adapters/store/store-adapter.ts'
import { createApp } from '../../app.ts'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import {
  ada,
  addOtherStore,
  bruno,
  chidiPhone,
  errorCode,
  getJson,
  id,
  signIn,
} from './orders-test-support.ts'

describe(`GET /v1/orders (${testDialect})`, () => {
  it('lists the shopper’s orders newest first, with status and where-is-it data', async () => {
    const ctx = await createTestApp()
    const { status, body } = await getJson<OrderListResponse>(
      ctx,
      '/v1/orders?limit=50',
      await signIn(ctx, ada),
    )
    expect(status).toBe(200)
    expect(body.orders.map((o) => o.name)).toEqual([
      '#1001',
      '#1002',
      '#1003',
      '#1011',
      '#1005',
      '#1004',
      '#1008',
      '#1006',
      '#1009',
      '#1007',
      '#1010',
    ])
    expect(body.nextCursor).toBeNull()
    const inTransit = body.orders.find((o) => o.name === '#1004') as OrderListItem
    expect(inTransit.status.code).toBe('in_transit')
    expect(inTransit.status.estimatedDeliveryAt?.iso).toBe(
      new Date(ctx.clock.now().getTime() + 2 * 86_400_000).toISOString(),
    )
    expect(inTransit.lastEvent).toMatchObject({
      kind: 'in_transit',
      message: 'Arrived at facility, Sacramento CA',
    })
    expect(inTransit.trackingUrl).toBe('https://tracking.example.com/LL10041')
    expect(inTransit.total.formatted).toBe('$101.95')
    expect(inTransit.itemCount).toBe(4)
    expect(inTransit.preview).toEqual({
      title: 'Speckled stoneware mug',
      imageUrl: '/demo/products/mug.svg',
      quantity: 4,
    })
    expect(body.orders.find((o) => o.name === '#1001')?.lastEvent).toBeNull()
  })

  it('stops saying "arriving on" a date more than a day past, in the list and on the order', async () => {
    const ctx = await createTestApp()
    // #1004 is due two days after the seed; four days later the parcel is late.
    ctx.clock.advance(4 * 86_400_000)
    const headers = await signIn(ctx, ada)
    const list = await getJson<OrderListResponse>(ctx, '/v1/orders?limit=50', headers)
    const late = list.body.orders.find((o) => o.name === '#1004') as OrderListItem
    expect(late.status).toEqual({ code: 'in_transit', estimatedDeliveryAt: null })
    expect(late.lastEvent?.kind).toBe('in_transit')
    const detail = await getJson<{ order: { shipments: Array<{ estimatedDeliveryAt: unknown }> } }>(
      ctx,
      `/v1/orders/${late.id}`,
      headers,
    )
    expect(detail.body.order.shipments.map((s) => s.estimatedDeliveryAt)).toEqual([null])
  })

  it('pages with a cursor without gaps or repeats', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`
      const { status, body } = await getJson<OrderListResponse>(
        ctx,
        `/v1/orders?limit=3${query}`,
        headers,
      )
      expect(status).toBe(200)
      expect(body.orders.length).toBeLessThanOrEqual(3)
      seen.push(...body.orders.map((o) => o.name))
      cursor = body.nextCursor
      pages++
    } while (cursor !== null)
    expect(pages).toBe(4)
    const all = await getJson<OrderListResponse>(ctx, '/v1/orders?limit=50', headers)
    expect(seen).toEqual(all.body.orders.map((o) => o.name))
  })

  it('defaults to ten orders a page', async () => {
    const ctx = await createTestApp()
    const { body } = await getJson<OrderListResponse>(ctx, '/v1/orders', await signIn(ctx, ada))
    expect(body.orders).toHaveLength(10)
    expect(body.nextCursor).not.toBeNull()
  })

  it('finds orders by a verified phone, including ones placed without an email', async () => {
    const ctx = await createTestApp()
    const byPhone = await getJson<OrderListResponse>(
      ctx,
      '/v1/orders?limit=50',
      await signIn(ctx, chidiPhone),
    )
    const byEmail = await getJson<OrderListResponse>(
      ctx,
      '/v1/orders?limit=50',
      await signIn(ctx, { kind: 'email', value: DEMO_SHOPPERS.chidi.email }),
    )
    const phoneNames = byPhone.body.orders.map((o) => o.name)
    const emailNames = byEmail.body.orders.map((o) => o.name)
    expect(phoneNames).toContain('#1029')
    expect(emailNames).not.toContain('#1029')
    expect(emailNames).toContain('#1030')
    expect(phoneNames).not.toContain('#1030')
  })

  it('matches an email whatever its case', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, { kind: 'email', value: 'ADA@Example.com' })
    const { body } = await getJson<OrderListResponse>(ctx, '/v1/orders?limit=50', headers)
    expect(body.orders).toHaveLength(11)
  })

  it('formats money and dates for the asked locale and time zone', async () => {
    const ctx = await createTestApp()
    const { body } = await getJson<OrderListResponse>(
      ctx,
      '/v1/orders?locale=fr&tz=Europe/Paris&limit=50',
      await signIn(ctx, bruno),
    )
    const order = body.orders.find((o) => o.name === '#1017') as OrderListItem
    expect(order.total.formatted.replace(/\s/g, ' ')).toBe('133,95 €')
    expect(order.createdAt.formatted).toMatch(/^\d{1,2} [a-zéû.]+ \d{4}$/)
  })

  it('shows nothing of another store’s orders, even for the same email', async () => {
    const ctx = await createTestApp()
    await addOtherStore(ctx)
    const { body } = await getJson<OrderListResponse>(
      ctx,
      '/v1/orders?limit=50',
      await signIn(ctx, ada),
    )
    expect(body.orders).toHaveLength(11)
    expect(body.orders.every((o) => o.id !== id(1001, 'st_other'))).toBe(true)
    expect(body.orders.map((o) => o.id)).toContain(id(1001))
  })

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=', 'limit'],
    ['limit=5&limit=6', 'limit'],
    ['cursor=has%20spaces', 'cursor'],
    ['locale=not_a_locale!', 'locale'],
    ['tz=Mars/Olympus', 'tz'],
    ['sort=asc', 'sort'],
  ])('answers ?%s with 400 validation_failed naming %s', async (query, param) => {
    const ctx = await createTestApp()
    const res = await ctx.app.request(`/v1/orders?${query}`, { headers: await signIn(ctx, ada) })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.message).toContain(param)
  })

  it.each([
    ['not base64 json', 'bm90LWpzb24'],
    ['a json object', Buffer.from('{"a":1}').toString('base64url')],
    ['a wrong id', Buffer.from('[1,"bad id"]').toString('base64url')],
  ])('answers a made-up cursor (%s) with 400 invalid_cursor', async (_name, cursor) => {
    const ctx = await createTestApp()
    const res = await ctx.app.request(`/v1/orders?cursor=${cursor}`, {
      headers: await signIn(ctx, ada),
    })
    expect(res.status).toBe(400)
    expect(errorCode(await res.json())).toBe('invalid_cursor')
  })

  it('refuses a request without a session', async () => {
    const ctx = await createTestApp()
    const res = await ctx.app.request('/v1/orders')
    expect(res.status).toBe(401)
    expect(errorCode(await res.json())).toBe('session_missing')
    const detail = await ctx.app.request(`/v1/orders/${id(1001)}`)
    expect(detail.status).toBe(401)
  })

  it('shows only the shopper’s own orders even if an adapter returns more', async () => {
    const ctx = await createTestApp()
    const real = ctx.deps.storeAdapters
    // An adapter that ignores the identity: the route must still keep to the session's.
    const leaky = (store: Parameters<typeof real>[0]): StoreAdapter => {
      const inner = real(store)
      return {
        ...inner,
        listOrders: async () => {
          const everyone = [ada, bruno, chidiPhone].map((who) =>
            inner.listOrders(who, { limit: 50 }),
          )
          return {
            orders: (await Promise.all(everyone)).flatMap((p) => p.orders),
            nextCursor: null,
          }
        },
      }
    }
    const app = createApp({ ...ctx.deps, storeAdapters: leaky })
    const res = await app.request('/v1/orders?limit=50', { headers: await signIn(ctx, bruno) })
    const body = (await res.json()) as OrderListResponse
    expect(body.orders.map((o) => o.name).sort()).toEqual([
      '#1012',
      '#1013',
      '#1014',
      '#1015',
      '#1016',
      '#1017',
      '#1018',
      '#1019',
      '#1020',
    ])
    const foreign = await app.request(`/v1/orders/${id(1001)}`, {
      headers: await signIn(ctx, bruno),
    })
    expect(foreign.status).toBe(404)
  })

  it('says a Shopify store without credentials is not connected, instead of failing', async () => {
    const ctx = await createTestApp()
    await addOtherStore(ctx, 'shopify')
    const { headers } = await mintShopperSession(ctx, 'st_other', ada)
    const res = await ctx.app.request('/v1/orders', { headers })
    expect(res.status).toBe(503)
    expect(errorCode(await res.json())).toBe('store_not_connected')
  })
})
