import type { SavedReply } from '@porchlight/shared/api/saved-replies'
import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { addStore, mintAgent } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

const owner = (ctx: Ctx, storeId = DEMO_STORE_ID) => mintAgent(ctx, storeId, 'Olga', 'owner')

const send = (
  ctx: Ctx,
  who: { headers: Record<string, string> },
  method: string,
  path: string,
  body?: unknown,
) =>
  ctx.app.request(
    path,
    body === undefined ? { method, headers: who.headers } : jsonRequest(method, body, who.headers),
  )

const tracking = {
  shortcut: 'tracking',
  title: 'Where is my parcel',
  body: 'Hi {{shopper.firstName}}, {{order.number}} is on its way: {{order.trackingUrl}}',
  translations: { fr: 'Bonjour {{shopper.firstName}}, {{order.number}} est en route.' },
}

describe(`saved replies (${testDialect})`, () => {
  it('lets owners write them and every agent of the store read them', async () => {
    const ctx = await createTestApp()
    const olga = await owner(ctx)
    const dana = await mintAgent(ctx, DEMO_STORE_ID, 'Dana')
    const made = await send(ctx, olga, 'POST', '/v1/agent/saved-replies', tracking)
    expect(made.status).toBe(201)
    const { reply } = (await made.json()) as { reply: SavedReply }
    expect(reply).toMatchObject({ ...tracking, id: expect.stringMatching(/^sr_/) })

    const listed = await dana.get('/v1/agent/saved-replies')
    expect(await listed.json()).toEqual({ replies: [reply] })

    ctx.clock.advance(1000)
    const edited = await send(ctx, olga, 'PUT', `/v1/agent/saved-replies/${reply.id}`, {
      ...tracking,
      title: 'Parcel on its way',
      translations: {},
    })
    expect(edited.status).toBe(200)
    expect((await edited.json()).reply).toMatchObject({
      title: 'Parcel on its way',
      translations: {},
      updatedAt: ctx.clock.now().toISOString(),
    })
    expect((await send(ctx, olga, 'DELETE', `/v1/agent/saved-replies/${reply.id}`)).status).toBe(
      204,
    )
    expect(await (await dana.get('/v1/agent/saved-replies')).json()).toEqual({ replies: [] })
    expect((await send(ctx, olga, 'DELETE', `/v1/agent/saved-replies/${reply.id}`)).status).toBe(
      404,
    )
  })

  it('refuses writes from agents who are not owners, and changes nothing', async () => {
    const ctx = await createTestApp()
    const olga = await owner(ctx)
    const dana = await mintAgent(ctx, DEMO_STORE_ID, 'Dana')
    const { reply } = await (
      await send(ctx, olga, 'POST', '/v1/agent/saved-replies', tracking)
    ).json()
    for (const [method, path, body] of [
      ['POST', '/v1/agent/saved-replies', { ...tracking, shortcut: 'other' }],
      ['PUT', `/v1/agent/saved-replies/${reply.id}`, { ...tracking, title: 'Mine now' }],
      ['DELETE', `/v1/agent/saved-replies/${reply.id}`, undefined],
    ] as const) {
      const res = await send(ctx, dana, method, path, body)
      expect(res.status, `${method} ${path}`).toBe(403)
      expect((await res.json()).error.code).toBe('owner_required')
    }
    expect(await (await dana.get('/v1/agent/saved-replies')).json()).toEqual({ replies: [reply] })
    expect((await ctx.app.request('/v1/agent/saved-replies')).status).toBe(401)
  })

  it('keeps each store’s replies to itself, even for an owner holding the id', async () => {
    const ctx = await createTestApp()
    const olga = await owner(ctx)
    const { reply } = await (
      await send(ctx, olga, 'POST', '/v1/agent/saved-replies', tracking)
    ).json()
    await addStore(ctx, 'st_other', 'pk_other_store_key')
    const stranger = await owner(ctx, 'st_other')
    expect(await (await stranger.get('/v1/agent/saved-replies')).json()).toEqual({ replies: [] })
    const put = await send(ctx, stranger, 'PUT', `/v1/agent/saved-replies/${reply.id}`, tracking)
    expect(put.status).toBe(404)
    expect(
      (await send(ctx, stranger, 'DELETE', `/v1/agent/saved-replies/${reply.id}`)).status,
    ).toBe(404)
    // The same shortcut is free in another store.
    expect((await send(ctx, stranger, 'POST', '/v1/agent/saved-replies', tracking)).status).toBe(
      201,
    )
    const mine = await (await olga.get('/v1/agent/saved-replies')).json()
    expect(mine.replies[0].title).toBe(tracking.title)
  })

  it('refuses a shortcut the store already has, on create and on rename, under a race', async () => {
    const ctx = await createTestApp()
    const olga = await owner(ctx)
    // Both at once: the unique index lets exactly one through.
    const both = await Promise.all([
      send(ctx, olga, 'POST', '/v1/agent/saved-replies', tracking),
      send(ctx, olga, 'POST', '/v1/agent/saved-replies', { ...tracking, title: 'Twin' }),
    ])
    expect(both.map((r) => r.status).sort()).toEqual([201, 409])
    const other = await (
      await send(ctx, olga, 'POST', '/v1/agent/saved-replies', { ...tracking, shortcut: 'refund' })
    ).json()
    const rename = await send(
      ctx,
      olga,
      'PUT',
      `/v1/agent/saved-replies/${other.reply.id}`,
      tracking,
    )
    expect(rename.status).toBe(409)
    expect((await rename.json()).error.code).toBe('saved_reply_shortcut_taken')
    const { replies } = await (await olga.get('/v1/agent/saved-replies')).json()
    expect(replies.map((r: SavedReply) => r.shortcut)).toEqual(['refund', 'tracking'])
  })

  it('refuses bad input with 400 and saves nothing', async () => {
    const ctx = await createTestApp()
    const olga = await owner(ctx)
    for (const body of [
      {},
      { ...tracking, shortcut: 'Has Spaces' },
      { ...tracking, shortcut: 'x'.repeat(33) },
      { ...tracking, title: '' },
      { ...tracking, body: '   ' },
      { ...tracking, body: 'x'.repeat(5001) },
      { ...tracking, body: 'Hi {{shopper.email}}' },
      { ...tracking, translations: { fr: 'Salut {{customer.name}}' } },
      { ...tracking, translations: { 'not a tag': 'x' } },
      { ...tracking, translations: { fr: 42 } },
      { ...tracking, extra: true },
    ]) {
      const res = await send(ctx, olga, 'POST', '/v1/agent/saved-replies', body)
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect((await res.json()).error.code).toBe('validation_failed')
    }
    expect(
      (await send(ctx, olga, 'PUT', '/v1/agent/saved-replies/not-an-id', tracking)).status,
    ).toBe(404)
    expect(await ctx.db.selectFrom('saved_replies').selectAll().execute()).toEqual([])
  })
})
