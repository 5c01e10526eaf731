import { describe, expect, it } from 'vitest'
import { TEST_CLIENT_IP_HEADER } from '../../http/client-ip.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { shopperClient } from '../../test/chat-support.ts'
import { createTestApp, jsonRequest, testDialect } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

const from = (ip: string) => ({ 'x-porchlight-key': DEMO_WIDGET_KEY, [TEST_CLIENT_IP_HEADER]: ip })

function newVisitor(ctx: Ctx, ip = '203.0.113.1', email = 'ada@example.com') {
  return ctx.app.request(
    '/v1/conversations/visitors',
    jsonRequest('POST', { name: 'Ada', email }, from(ip)),
  )
}

async function visitor(ctx: Ctx, ip = '203.0.113.1') {
  const res = await newVisitor(ctx, ip)
  expect(res.status).toBe(201)
  const { token } = (await res.json()) as { token: string }
  return shopperClient(ctx, token)
}

function say(ctx: Ctx, token: string, text: string, ip = '203.0.113.1') {
  return ctx.app.request(
    '/v1/conversations/current/messages',
    jsonRequest('POST', { text }, { ...from(ip), authorization: `Bearer ${token}` }),
  )
}

function offline(ctx: Ctx, email: string, message: string, ip = '203.0.113.1') {
  return ctx.app.request(
    '/v1/conversations/offline',
    jsonRequest('POST', { name: 'Eve', email, message }, from(ip)),
  )
}

const statuses = async (pending: Array<Promise<Response> | Response>) =>
  (await Promise.all(pending)).map((r) => r.status)
const count = (list: number[], status: number) => list.filter((s) => s === status).length

describe(`chat limits under parallel requests (${testDialect})`, () => {
  it('accepts 20 of 40 simultaneous messages from one visitor (20 a minute)', async () => {
    const ctx = await createTestApp()
    const ada = await visitor(ctx)
    const sent = await statuses(Array.from({ length: 40 }, (_, i) => say(ctx, ada.token, `m${i}`)))
    expect(count(sent, 201)).toBe(20)
    expect(count(sent, 429)).toBe(20)
    expect(await ctx.db.selectFrom('chat_messages').select('id').execute()).toHaveLength(20)
    const refused = await say(ctx, ada.token, 'one more')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBe(60)
  })

  it('caps one address at 60 messages a minute over all its visitors', async () => {
    const ctx = await createTestApp()
    const visitors = await Promise.all(Array.from({ length: 4 }, () => visitor(ctx)))
    const sent = await statuses(
      visitors.flatMap((v) => Array.from({ length: 20 }, (_, i) => say(ctx, v.token, `m${i}`))),
    )
    expect(count(sent, 201)).toBe(60)
    // Another address is not held back by this one.
    const bob = await visitor(ctx, '198.51.100.2')
    expect((await say(ctx, bob.token, 'hi', '198.51.100.2')).status).toBe(201)
  })

  it('starts at most 20 visitors an hour per address, of 30 asked at once', async () => {
    const ctx = await createTestApp()
    const started = await statuses(Array.from({ length: 30 }, () => newVisitor(ctx)))
    expect(count(started, 201)).toBe(20)
    expect(count(started, 429)).toBe(10)
    expect(await ctx.db.selectFrom('chat_visitors').select('id').execute()).toHaveLength(20)
    expect((await newVisitor(ctx, '198.51.100.2')).status).toBe(201)
    ctx.clock.advance(3600_000)
    expect((await newVisitor(ctx)).status).toBe(201)
  })

  it('accepts 5 of 20 simultaneous offline messages from one mailbox, with 5 emails', async () => {
    const ctx = await createTestApp()
    const sent = await statuses(
      Array.from({ length: 20 }, (_, i) =>
        // Tags of one mailbox and different addresses count as the one mailbox.
        offline(ctx, i % 2 ? `eve+${i}@example.com` : 'eve@example.com', `m${i}`, `192.0.2.${i}`),
      ),
    )
    expect(count(sent, 201)).toBe(5)
    expect(count(sent, 429)).toBe(15)
    await ctx.drainOutbox()
    const mails = ctx.deps.devOutbox?.list().filter((m) => m.channel === 'email') ?? []
    expect(mails).toHaveLength(5)
  })

  it('caps one address at 10 offline messages an hour, whatever the mailboxes', async () => {
    const ctx = await createTestApp()
    const sent = await statuses(
      Array.from({ length: 20 }, (_, i) => offline(ctx, `s${i}@example.com`, `m${i}`)),
    )
    expect(count(sent, 201)).toBe(10)
    expect(await ctx.db.selectFrom('tickets').select('id').execute()).toHaveLength(10)
    // The ticket keeps the address as typed; only the limit folds the tag.
    const res = await offline(ctx, 'Zoe+Shop@example.com', 'hello', '198.51.100.9')
    expect(res.status).toBe(201)
    const ticket = await ctx.db
      .selectFrom('tickets')
      .select('contact_email')
      .where('contact_email', 'like', 'zoe%')
      .executeTakeFirstOrThrow()
    expect(ticket.contact_email).toBe('zoe+shop@example.com')
  })
})
