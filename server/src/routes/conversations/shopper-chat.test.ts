import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { addStore, mintAgent, shopperClient, startVisitor } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, mintShopperSession, testDialect } from '../../test/harness.ts'

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

describe(`shopper chat (${testDialect})`, () => {
  it('lets a visitor chat after giving a name and email, as a chat ticket in the queue', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    expect(ada.token).toMatch(/^plc_[A-Za-z0-9_-]{43}$/)
    const first = await ada.say('Where is my parcel?')
    expect(first.started).toBe(true)
    const second = await ada.say('It was due Monday.')
    expect(second.started).toBe(false)
    expect(second.conversation.id).toBe(first.conversation.id)
    expect(second.message.seq).toBeGreaterThan(first.message.seq)

    const ticket = await ctx.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(ticket).toMatchObject({
      type: 'chat',
      status: 'open',
      channel: 'chat',
      contact_name: 'Ada',
      contact_email: 'ada@example.com',
      identity_kind: null,
      number: first.conversation.ticketNumber,
    })
    const current = await (await ada.get('/v1/conversations/current')).json()
    expect(current.conversation.id).toBe(first.conversation.id)
    expect(current.messages.map((m: { text: string }) => m.text)).toEqual([
      'Where is my parcel?',
      'It was due Monday.',
    ])
    expect(current.messages[0].author).toEqual({ kind: 'shopper', name: 'Ada' })
    expect(current.cursor).toBeGreaterThanOrEqual(second.message.seq)
  })

  it('pages back through a long conversation', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const agent = await mintAgent(ctx)
    const { conversation } = await ada.say('m0')
    // Agents have no per-minute limit, so they fill the thread quickly.
    for (let i = 1; i <= 120; i++) {
      await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: `m${i}` })
    }
    const current = await (await ada.get('/v1/conversations/current')).json()
    expect(current.messages).toHaveLength(100)
    expect(current.hasMore).toBe(true)
    expect(current.messages[0].text).toBe('m21')
    const older = await (
      await ada.get(`/v1/conversations/current/messages?before=${current.messages[0].seq}`)
    ).json()
    expect(older.hasMore).toBe(false)
    expect(older.messages.map((m: { text: string }) => m.text)).toEqual(
      Array.from({ length: 21 }, (_, i) => `m${i}`),
    )
    expect((await ada.get('/v1/conversations/current/messages?before=x')).status).toBe(400)
    expect((await ada.get('/v1/conversations/current/messages')).status).toBe(400)
  })

  it('stores only a hash of the visitor token', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const rows = await ctx.db.selectFrom('chat_visitors').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(ada.token.slice(4))
  })

  it('lets a signed-in shopper chat under their verified identity', async () => {
    const ctx = await createTestApp()
    const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'grace@example.com',
    })
    const grace = shopperClient(ctx, token)
    await grace.say('Hello')
    const ticket = await ctx.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(ticket.identity_kind).toBe('email')
    expect(ticket.identity_value).toBe('grace@example.com')
  })

  it('has no conversation before the first message', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const body = await (await ada.get('/v1/conversations/current')).json()
    expect(body).toMatchObject({ conversation: null, messages: [], hasMore: false })
    expect(await (await ada.get('/v1/conversations/unread')).json()).toEqual({ count: 0 })
  })

  it.each([
    [{}],
    [{ text: '' }],
    [{ text: '   \n ' }],
    [{ text: 5 }],
    [{ text: 'hi', extra: true }],
    [{ text: 'nul \u0000 inside' }],
    [{ text: 'hi', clientId: 'has spaces' }],
    [{ text: 'hi', locale: 'not a language!' }],
  ])('refuses a malformed message %j with 400', async (body) => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const res = await ada.post('/v1/conversations/current/messages', body)
    expect(res.status).toBe(400)
    expect(await code(res)).toBe('validation_failed')
  })

  it('takes 5,000 characters and refuses 5,001, counting what people see as one', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    // An emoji is two UTF-16 units but one character.
    const ok = await ada.post('/v1/conversations/current/messages', { text: '🙂'.repeat(5000) })
    expect(ok.status).toBe(201)
    const tooLong = await ada.post('/v1/conversations/current/messages', { text: 'a'.repeat(5001) })
    expect(tooLong.status).toBe(400)
    const huge = await ada.post('/v1/conversations/current/messages', { text: 'a'.repeat(70_000) })
    expect(huge.status).toBe(413)
    expect(await code(huge)).toBe('payload_too_large')
  })

  it('refuses requests without a chat token, or with another store’s', async () => {
    const ctx = await createTestApp()
    await addStore(ctx, 'st_other', 'pk_other_store')
    const none = await ctx.app.request('/v1/conversations/current', {
      headers: { 'x-porchlight-key': DEMO_WIDGET_KEY },
    })
    expect(none.status).toBe(401)
    expect(await code(none)).toBe('chat_unauthenticated')
    const forged = shopperClient(ctx, 'plc_' + 'x'.repeat(43))
    expect((await forged.get('/v1/conversations/current')).status).toBe(401)
    const ada = await startVisitor(ctx)
    const elsewhere = shopperClient(ctx, ada.token, 'pk_other_store')
    expect((await elsewhere.get('/v1/conversations/current')).status).toBe(401)
    const noKey = await ctx.app.request('/v1/conversations/current', {
      headers: { authorization: `Bearer ${ada.token}` },
    })
    expect(noKey.status).toBe(404)
    expect(await code(noKey)).toBe('store_not_found')
  })

  it('refuses an agent console cookie on the shopper side', async () => {
    const ctx = await createTestApp()
    const agent = await mintAgent(ctx)
    const res = await ctx.app.request('/v1/conversations/current', {
      headers: { ...agent.headers, 'x-porchlight-key': DEMO_WIDGET_KEY },
    })
    expect(res.status).toBe(401)
  })

  it('never shows one visitor another visitor’s conversation', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const eve = await startVisitor(ctx, DEMO_WIDGET_KEY, { name: 'Eve', email: 'ada@example.com' })
    await ada.say('my secret')
    const seen = await (await eve.get('/v1/conversations/current')).json()
    expect(seen.conversation).toBeNull()
    const eveSays = await eve.say('hello')
    expect(eveSays.started).toBe(true)
    const adaView = await (await ada.get('/v1/conversations/current')).json()
    expect(adaView.messages.map((m: { text: string }) => m.text)).toEqual(['my secret'])
  })

  it('stores a retried send once when it carries the same client id', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const a = await ada.say('once', { clientId: 'c-1' })
    const b = await ada.say('once', { clientId: 'c-1' })
    expect(b.message.id).toBe(a.message.id)
    const count = await ctx.db.selectFrom('chat_messages').select('id').execute()
    expect(count).toHaveLength(1)
  })

  it('limits messages per session, counted in the database', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    for (let i = 0; i < 20; i++) await ada.say(`m${i}`)
    const limited = await ada.post('/v1/conversations/current/messages', { text: 'one more' })
    expect(limited.status).toBe(429)
    const body = await limited.json()
    expect(body.error.code).toBe('rate_limited')
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0)
    // Another visitor is not held back by Ada's limit.
    const bob = await startVisitor(ctx, DEMO_WIDGET_KEY, { name: 'Bob', email: 'bob@example.com' })
    expect((await bob.say('hi')).started).toBe(true)
    ctx.clock.advance(60_001)
    expect((await ada.post('/v1/conversations/current/messages', { text: 'later' })).status).toBe(
      201,
    )
  })

  it('counts unread agent messages for the badge and clears them when read', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const agent = await mintAgent(ctx)
    const { conversation } = await ada.say('hi')
    await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, { text: 'Hello!' })
    const second = await agent.post(`/v1/agent/conversations/${conversation.id}/messages`, {
      text: 'How can I help?',
    })
    const secondSeq = (await second.json()).message.seq
    expect(await (await ada.get('/v1/conversations/unread')).json()).toEqual({ count: 2 })
    const partly = await ada.post('/v1/conversations/current/read', { throughSeq: secondSeq - 1 })
    expect((await partly.json()).readSeq).toBe(secondSeq - 1)
    expect(await (await ada.get('/v1/conversations/unread')).json()).toEqual({ count: 1 })
    await ada.post('/v1/conversations/current/read')
    expect(await (await ada.get('/v1/conversations/unread')).json()).toEqual({ count: 0 })
    const current = await (await ada.get('/v1/conversations/current')).json()
    expect(current.conversation.shopperReadSeq).toBe(secondSeq)
    // A read mark never moves backwards.
    const back = await ada.post('/v1/conversations/current/read', { throughSeq: 1 })
    expect((await back.json()).readSeq).toBe(secondSeq)
  })

  it('links a visitor’s conversation to the identity they verify later', async () => {
    const ctx = await createTestApp()
    const ada = await startVisitor(ctx)
    const { conversation } = await ada.say('before sign-in')
    const { token } = await mintShopperSession(ctx, DEMO_STORE_ID, {
      kind: 'email',
      value: 'ada@example.com',
    })
    const signedIn = shopperClient(ctx, token)
    expect((await (await signedIn.get('/v1/conversations/current')).json()).conversation).toBeNull()

    const link = await signedIn.post('/v1/conversations/link', { visitorToken: ada.token })
    expect(link.status).toBe(200)
    expect(await link.json()).toEqual({ linked: 1 })
    const after = await (await signedIn.get('/v1/conversations/current')).json()
    expect(after.conversation.id).toBe(conversation.id)
    const next = await signedIn.say('after sign-in')
    expect(next.conversation.id).toBe(conversation.id)
    const ticket = await ctx.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(ticket.identity_value).toBe('ada@example.com')
    expect(ticket.version).toBe(2)
  })

  it('does not let a visitor token be linked by someone else, or by a visitor', async () => {
    const ctx = await createTestApp()
    await addStore(ctx, 'st_other', 'pk_other_store')
    const ada = await startVisitor(ctx)
    await ada.say('mine')
    const asVisitor = await startVisitor(ctx, DEMO_WIDGET_KEY, { name: 'Eve', email: 'e@x.io' })
    const refused = await asVisitor.post('/v1/conversations/link', { visitorToken: ada.token })
    expect(refused.status).toBe(401)

    const first = await mintShopperSession(ctx, DEMO_STORE_ID, { kind: 'email', value: 'a@x.io' })
    expect(
      (
        await shopperClient(ctx, first.token).post('/v1/conversations/link', {
          visitorToken: ada.token,
        })
      ).status,
    ).toBe(200)
    const second = await mintShopperSession(ctx, DEMO_STORE_ID, { kind: 'email', value: 'e@x.io' })
    const stolen = await shopperClient(ctx, second.token).post('/v1/conversations/link', {
      visitorToken: ada.token,
    })
    expect(stolen.status).toBe(409)
    expect(await code(stolen)).toBe('visitor_linked_elsewhere')

    const other = await mintShopperSession(ctx, 'st_other', { kind: 'email', value: 'a@x.io' })
    const crossStore = await shopperClient(ctx, other.token, 'pk_other_store').post(
      '/v1/conversations/link',
      { visitorToken: ada.token },
    )
    expect(crossStore.status).toBe(404)
  })

  it('refuses a malformed visitor request', async () => {
    const ctx = await createTestApp()
    for (const body of [
      {},
      { name: 'A' },
      { name: 'A', email: 'not-an-email' },
      { name: '', email: 'a@b.co' },
    ]) {
      const res = await ctx.app.request(
        '/v1/conversations/visitors',
        jsonRequest('POST', body, { 'x-porchlight-key': DEMO_WIDGET_KEY }),
      )
      expect(res.status).toBe(400)
    }
  })
})
