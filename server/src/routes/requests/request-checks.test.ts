import { describe, expect, it } from 'vitest'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { DEMO_WIDGET_KEY } from '../../seed/demo-store.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import {
  ada,
  addOtherStore,
  cancelRequest,
  delivered,
  errorCode,
  id,
  postRequest,
  setOrderRules,
  signIn,
  throwReturn,
  tickets,
} from './requests-test-support.ts'

describe(`request checks (${testDialect})`, () => {
  it('refuses a return past the window (#1007) with the reason and its date', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1007), throwReturn, await signIn(ctx, ada))
    expect(res.status).toBe(409)
    const body = (await res.json()) as {
      error: { code: string; details: { reason: { code: string; data: { closedAt: string } } } }
    }
    expect(body.error.code).toBe('request_not_offered')
    expect(body.error.details.reason).toEqual({
      code: 'return_window_closed',
      data: { closedAt: new Date(ctx.clock.now().getTime() - 15 * 86_400_000).toISOString() },
    })
    expect(await tickets(ctx)).toEqual([])
    expect(await delivered(ctx)).toEqual([])
  })

  it('re-checks eligibility at the time of the request, not when the page was read', async () => {
    const ctx = await createTestApp()
    const chidi = { kind: 'email', value: DEMO_SHOPPERS.chidi.email } as const
    const body = { ...throwReturn, reason: 'changed_mind' }
    ctx.clock.advance(3 * 86_400_000)
    const res = await postRequest(ctx, id(1026), body, await signIn(ctx, chidi))
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      error: { code: 'request_not_offered', details: { reason: { code: 'return_window_closed' } } },
    })
  })

  it('refuses a cancellation once the order shipped', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1006), cancelRequest, await signIn(ctx, ada))
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      error: { code: 'request_not_offered', details: { reason: { code: 'already_fulfilled' } } },
    })
  })

  it('refuses a reason of the other list, and follows the store’s own lists', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const wrongList = await postRequest(
      ctx,
      id(1001),
      { ...cancelRequest, reason: 'doesnt_fit' },
      headers,
    )
    expect(wrongList.status).toBe(422)
    expect(errorCode(await wrongList.json())).toBe('invalid_reason')

    await setOrderRules(ctx, {
      returnReasons: [{ code: 'too_big', labels: { en: 'Too big' } }],
    })
    const dropped = await postRequest(ctx, id(1006), throwReturn, headers)
    expect(dropped.status).toBe(422)
    const own = await postRequest(ctx, id(1006), { ...throwReturn, reason: 'too_big' }, headers)
    expect(own.status).toBe(201)
  })

  it.each([
    ['a line not in the order', [{ lineItemId: 'li_9', quantity: 1 }]],
    ['more than was delivered', [{ lineItemId: 'li_1', quantity: 2 }]],
    ['a final-sale line', [{ lineItemId: 'li_2', quantity: 1 }]],
  ])('refuses %s with invalid_lines', async (_name, lines) => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1006), { ...throwReturn, lines }, await signIn(ctx, ada))
    expect(res.status).toBe(422)
    expect(errorCode(await res.json())).toBe('invalid_lines')
    expect(await tickets(ctx)).toEqual([])
  })

  it('refuses a second open request of the same type, until the first is decided', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    expect((await postRequest(ctx, id(1001), cancelRequest, headers)).status).toBe(201)
    const again = await postRequest(ctx, id(1001), { ...cancelRequest, reason: 'other' }, headers)
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({
      error: { code: 'request_already_open', details: { reference: 'T-1001' } },
    })
    // Another type about the same order is its own request.
    const issue = { type: 'issue', reason: 'taking_too_long', channel: 'chat', locale: 'en' }
    expect((await postRequest(ctx, id(1001), issue, headers)).status).toBe(201)

    await ctx.db
      .updateTable('tickets')
      .set({ request_status: 'declined' })
      .where('number', '=', 1001)
      .execute()
    expect((await postRequest(ctx, id(1001), cancelRequest, headers)).status).toBe(201)
    // An issue an agent closed without a decision no longer blocks a new one either.
    await ctx.db
      .updateTable('tickets')
      .set({ status: 'closed' })
      .where('number', '=', 1002)
      .execute()
    expect((await postRequest(ctx, id(1001), issue, headers)).status).toBe(201)
    expect((await tickets(ctx)).map((t) => [t.type, t.request_status, t.status])).toEqual([
      ['cancel', 'declined', 'open'],
      ['issue', 'requested', 'closed'],
      ['cancel', 'requested', 'open'],
      ['issue', 'requested', 'open'],
    ])
  })
})

describe(`who may file (${testDialect})`, () => {
  it('needs a session', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1001), cancelRequest, {})
    expect(res.status).toBe(401)
    expect(errorCode(await res.json())).toBe('session_missing')
  })

  it("answers 404 for another shopper's order, as the order API does", async () => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1012), cancelRequest, await signIn(ctx, ada))
    expect(res.status).toBe(404)
    expect(errorCode(await res.json())).toBe('order_not_found')
    // The same person's phone-only order is not theirs under an email session either.
    const chidi = { kind: 'email', value: DEMO_SHOPPERS.chidi.email } as const
    const issue = { type: 'issue', reason: 'other', channel: 'chat', locale: 'en' }
    const phoneOnly = await postRequest(ctx, id(1029), issue, await signIn(ctx, chidi))
    expect(phoneOnly.status).toBe(404)
    expect(await tickets(ctx)).toEqual([])
  })

  it("answers 404 for the shopper's own order in another store", async () => {
    const ctx = await createTestApp()
    await addOtherStore(ctx)
    const headers = await signIn(ctx, ada)
    const res = await postRequest(ctx, id(1001, 'st_other'), cancelRequest, headers)
    expect(res.status).toBe(404)
    expect(errorCode(await res.json())).toBe('order_not_found')
    const other = await mintShopperSession(ctx, 'st_other', ada)
    const back = await postRequest(ctx, id(1001), cancelRequest, other.headers)
    expect(back.status).toBe(404)
    // Naming the demo store's key with the other store's session is refused outright.
    const named = await postRequest(ctx, id(1001), cancelRequest, {
      ...other.headers,
      'x-porchlight-key': DEMO_WIDGET_KEY,
    })
    expect(named.status).toBe(401)
    expect(await tickets(ctx)).toEqual([])
    expect(await tickets(ctx, 'st_other')).toEqual([])
  })

  it.each([['does-not-exist'], ['%27%20or%201%3D1'], ['x'.repeat(80)]])(
    'answers 404 for an id that is not an order (%s)',
    async (orderId) => {
      const ctx = await createTestApp()
      const res = await postRequest(ctx, orderId, cancelRequest, await signIn(ctx, ada))
      expect(res.status).toBe(404)
    },
  )
})
