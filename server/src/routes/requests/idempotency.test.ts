import { describe, expect, it } from 'vitest'
import type { RequestFiled } from '@porchlight/shared/api/requests'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import {
  ada,
  bruno,
  cancelRequest,
  delivered,
  errorCode,
  id,
  newKey,
  postRequest,
  signIn,
  throwReturn,
  tickets,
} from './requests-test-support.ts'

const outboxRows = (ctx: Awaited<ReturnType<typeof createTestApp>>) =>
  ctx.db.selectFrom('outbox_messages').select(['template', 'recipient']).execute()

describe(`Idempotency-Key on requests (${testDialect})`, () => {
  it('answers a retry with the same ticket (200) and sends nothing again', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const key = newKey()
    const first = await postRequest(ctx, id(1006), throwReturn, headers, key)
    expect(first.status).toBe(201)
    const filed = (await first.json()) as RequestFiled
    expect(await delivered(ctx)).toHaveLength(1)

    ctx.clock.advance(60_000)
    // The same body with its fields in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(throwReturn).reverse())
    const retry = await postRequest(ctx, id(1006), reordered, headers, key)
    expect(retry.status).toBe(200)
    expect(await retry.json()).toEqual(filed)
    expect(await tickets(ctx)).toHaveLength(1)
    expect(await outboxRows(ctx)).toHaveLength(1)
    expect(await delivered(ctx)).toHaveLength(1)
  })

  it('answers a retry even once the request is no longer offered', async () => {
    const ctx = await createTestApp()
    const chidi = { kind: 'email', value: 'chidi@example.com' } as const
    // A session that outlives the return window.
    const { headers } = await mintShopperSession(ctx, DEMO_STORE_ID, chidi, 24 * 30)
    const body = { ...throwReturn, reason: 'changed_mind' }
    const first = await postRequest(ctx, id(1026), body, headers, 'late-retry')
    expect(first.status).toBe(201)
    ctx.clock.advance(5 * 86_400_000)
    const retry = await postRequest(ctx, id(1026), body, headers, 'late-retry')
    expect(retry.status).toBe(200)
    expect(((await retry.json()) as RequestFiled).reference).toBe('T-1001')
  })

  it('answers 422 idempotency_key_reused for the same key with another body', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const key = newKey()
    expect((await postRequest(ctx, id(1001), cancelRequest, headers, key)).status).toBe(201)
    for (const [orderId, body] of [
      [id(1001), { ...cancelRequest, comment: 'changed' }],
      [id(1001), { ...cancelRequest, locale: 'fr' }],
      [id(1006), throwReturn],
    ] as const) {
      const res = await postRequest(ctx, orderId, body, headers, key)
      expect(res.status).toBe(422)
      expect(errorCode(await res.json())).toBe('idempotency_key_reused')
    }
    expect(await tickets(ctx)).toHaveLength(1)
    expect(await outboxRows(ctx)).toHaveLength(1)
  })

  it("keeps each session's keys apart", async () => {
    const ctx = await createTestApp()
    const key = 'shared-key'
    const mine = await postRequest(ctx, id(1001), cancelRequest, await signIn(ctx, ada), key)
    const theirs = await postRequest(ctx, id(1012), cancelRequest, await signIn(ctx, bruno), key)
    expect([mine.status, theirs.status]).toEqual([201, 201])
    const [a, b] = (await Promise.all([mine.json(), theirs.json()])) as RequestFiled[]
    expect(a?.ticketId).not.toBe(b?.ticketId)
  })

  it('makes one ticket of identical concurrent submits', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const key = newKey()
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => postRequest(ctx, id(1006), throwReturn, headers, key)),
    )
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201])
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as RequestFiled[]
    expect(new Set(bodies.map((b) => b.ticketId)).size).toBe(1)
    expect(await tickets(ctx)).toHaveLength(1)
    expect(await outboxRows(ctx)).toHaveLength(1)
    expect(await delivered(ctx)).toHaveLength(1)
  })

  it('makes one ticket of two concurrent cancellations under different keys', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const [one, two] = await Promise.all([
      postRequest(ctx, id(1001), cancelRequest, headers, newKey()),
      postRequest(ctx, id(1001), { ...cancelRequest, reason: 'other' }, headers, newKey()),
    ])
    expect([one?.status, two?.status].sort()).toEqual([201, 409])
    const refused = one?.status === 409 ? one : two
    expect(await refused?.json()).toMatchObject({
      error: { code: 'request_already_open', details: { reference: 'T-1001' } },
    })
    expect(await tickets(ctx)).toHaveLength(1)
    expect(await outboxRows(ctx)).toHaveLength(1)
  })

  it('hands out distinct references to concurrent requests about different orders', async () => {
    const ctx = await createTestApp()
    const issue = { type: 'issue', reason: 'other', channel: 'chat', locale: 'en' }
    const ada1 = await signIn(ctx, ada)
    const bruno1 = await signIn(ctx, bruno)
    const responses = await Promise.all([
      postRequest(ctx, id(1001), issue, ada1),
      postRequest(ctx, id(1004), issue, ada1),
      postRequest(ctx, id(1012), issue, bruno1),
      postRequest(ctx, id(1015), issue, bruno1),
    ])
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201])
    expect((await tickets(ctx)).map((t) => t.number)).toEqual([1001, 1002, 1003, 1004])
  })
})
