import { describe, expect, it } from 'vitest'
import { createTestApp, testDialect } from '../../test/harness.ts'
import {
  ada,
  cancelRequest,
  errorCode,
  id,
  postRequest,
  signIn,
  throwReturn,
  tickets,
} from './requests-test-support.ts'

describe(`request bodies and headers (${testDialect})`, () => {
  it.each<[string, unknown]>([
    ['an unknown field', { ...cancelRequest, refund: true }],
    ['an unknown type', { ...cancelRequest, type: 'refund' }],
    ['a missing reason', { type: 'cancel', channel: 'chat', locale: 'en' }],
    ['a reason that is not a code', { ...cancelRequest, reason: 'Ordered <b>twice</b>' }],
    ['an unknown channel', { ...cancelRequest, channel: 'email' }],
    ['a locale that is not a language tag', { ...cancelRequest, locale: 'english please' }],
    ['a comment of 1,001 characters', { ...cancelRequest, comment: 'x'.repeat(1001) }],
    ['a comment with NUL', { ...cancelRequest, comment: 'a\u0000b' }],
    ['a comment that is not text', { ...cancelRequest, comment: 42 }],
    ['lines on a cancellation', { ...cancelRequest, lines: [{ lineItemId: 'li_1', quantity: 1 }] }],
    ['a return without lines', { ...throwReturn, lines: undefined }],
    ['a return with no line', { ...throwReturn, lines: [] }],
    ['a zero quantity', { ...throwReturn, lines: [{ lineItemId: 'li_1', quantity: 0 }] }],
    ['a negative quantity', { ...throwReturn, lines: [{ lineItemId: 'li_1', quantity: -1 }] }],
    ['a fractional quantity', { ...throwReturn, lines: [{ lineItemId: 'li_1', quantity: 0.5 }] }],
    ['a quantity as text', { ...throwReturn, lines: [{ lineItemId: 'li_1', quantity: '1' }] }],
    [
      'a line named twice',
      {
        ...throwReturn,
        lines: [
          { lineItemId: 'li_1', quantity: 1 },
          { lineItemId: 'li_1', quantity: 1 },
        ],
      },
    ],
    [
      'an extra field on a line',
      { ...throwReturn, lines: [{ lineItemId: 'li_1', quantity: 1, price: 0 }] },
    ],
    ['a list instead of an object', [cancelRequest]],
  ])('answers 400 validation_failed for %s', async (_name, body) => {
    const ctx = await createTestApp()
    const orderId = (body as { type?: string }).type === 'return' ? id(1006) : id(1001)
    const res = await postRequest(ctx, orderId, body, await signIn(ctx, ada))
    expect(res.status).toBe(400)
    expect(errorCode(await res.json())).toBe('validation_failed')
    expect(await tickets(ctx)).toEqual([])
  })

  it('takes a comment of exactly 1,000 characters', async () => {
    const ctx = await createTestApp()
    const comment = 'é'.repeat(1000)
    const res = await postRequest(
      ctx,
      id(1001),
      { ...cancelRequest, comment },
      await signIn(ctx, ada),
    )
    expect(res.status).toBe(201)
    expect((await tickets(ctx))[0]?.comment).toBe(comment)
  })

  it('refuses a 1 MB body before reading it (413)', async () => {
    const ctx = await createTestApp()
    const comment = 'x'.repeat(1024 * 1024)
    const res = await postRequest(
      ctx,
      id(1001),
      { ...cancelRequest, comment },
      await signIn(ctx, ada),
    )
    expect(res.status).toBe(413)
    expect(errorCode(await res.json())).toBe('payload_too_large')
    expect(await tickets(ctx)).toEqual([])
  })

  it('answers 400 for broken JSON and 415 for another content type', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const broken = await postRequest(ctx, id(1001), '{"type":', headers)
    expect(broken.status).toBe(400)
    expect(errorCode(await broken.json())).toBe('invalid_json')
    const form = await ctx.app.request(`/v1/orders/${id(1001)}/requests`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': 'k1', 'content-type': 'text/plain' },
      body: JSON.stringify(cancelRequest),
    })
    expect(form.status).toBe(415)
    expect(errorCode(await form.json())).toBe('unsupported_media_type')
  })

  it('needs an Idempotency-Key', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1001), cancelRequest, await signIn(ctx, ada), null)
    expect(res.status).toBe(400)
    expect(errorCode(await res.json())).toBe('idempotency_key_missing')
    const empty = await postRequest(ctx, id(1001), cancelRequest, await signIn(ctx, ada), '')
    expect(errorCode(await empty.json())).toBe('idempotency_key_missing')
    expect(await tickets(ctx)).toEqual([])
  })

  it.each([['x'.repeat(101)], ['has space'], ['semi;colon'], ['ünïcode'], ['a/b']])(
    'refuses the Idempotency-Key %j',
    async (key) => {
      const ctx = await createTestApp()
      const res = await postRequest(ctx, id(1001), cancelRequest, await signIn(ctx, ada), key)
      expect(res.status).toBe(400)
      expect(errorCode(await res.json())).toBe('idempotency_key_invalid')
    },
  )

  it('takes a key of 100 characters of the allowed alphabet', async () => {
    const ctx = await createTestApp()
    const key = 'aZ0_-'.repeat(20)
    const res = await postRequest(ctx, id(1001), cancelRequest, await signIn(ctx, ada), key)
    expect(res.status).toBe(201)
  })
})
