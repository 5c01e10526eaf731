import { describe, expect, it } from 'vitest'
import type { OrderDetailResponse } from '@porchlight/shared/api/orders'
import type { RequestFiled, RequestListResponse } from '@porchlight/shared/api/requests'
import { appendTicketEvent } from '../../db/tickets.repository.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, mintShopperSession, testDialect } from '../../test/harness.ts'
import {
  ada,
  addOtherStore,
  bruno,
  cancelRequest,
  errorCode,
  id,
  postRequest,
  setOrderRules,
  signIn,
  throwReturn,
  type Ctx,
} from './requests-test-support.ts'

async function get<T>(ctx: Ctx, path: string, headers: Record<string, string>) {
  const res = await ctx.app.request(path, { headers })
  return { status: res.status, body: (await res.json()) as T, res }
}

async function file(ctx: Ctx, orderId: string, body: unknown, headers: Record<string, string>) {
  const res = await postRequest(ctx, orderId, body, headers)
  expect(res.status).toBe(201)
  return (await res.json()) as RequestFiled
}

describe(`GET /v1/requests (${testDialect})`, () => {
  it("lists the shopper's requests on this store, newest first", async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const cancel = await file(ctx, id(1001), cancelRequest, headers)
    ctx.clock.advance(1000)
    const ret = await file(ctx, id(1006), throwReturn, headers)
    await file(ctx, id(1012), cancelRequest, await signIn(ctx, bruno))

    const { status, body, res } = await get<RequestListResponse>(ctx, '/v1/requests', headers)
    expect(status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(body.requests).toEqual([
      {
        ...ret,
        orderId: id(1006),
        orderName: '#1006',
        reason: 'doesnt_fit',
        decidedAt: null,
        decisionNote: null,
        rating: null,
        canRate: false,
        messages: [],
      },
      {
        ...cancel,
        orderId: id(1001),
        orderName: '#1001',
        reason: 'ordered_by_mistake',
        decidedAt: null,
        decisionNote: null,
        rating: null,
        canRate: false,
        messages: [],
      },
    ])
    // A new session of the same shopper sees them too; another shopper sees only their own.
    const again = await get<RequestListResponse>(ctx, '/v1/requests', await signIn(ctx, ada))
    expect(again.body.requests).toHaveLength(2)
    const theirs = await get<RequestListResponse>(ctx, '/v1/requests', await signIn(ctx, bruno))
    expect(theirs.body.requests.map((r) => r.orderName)).toEqual(['#1012'])
  })

  it('keeps to the store of the session', async () => {
    const ctx = await createTestApp()
    await addOtherStore(ctx)
    await file(ctx, id(1001), cancelRequest, await signIn(ctx, ada))
    const other = await mintShopperSession(ctx, 'st_other', ada)
    const { body } = await get<RequestListResponse>(ctx, '/v1/requests', other.headers)
    expect(body.requests).toEqual([])
  })

  it('shows the decision and, for a decline, the note the agent wrote', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const filed = await file(ctx, id(1001), cancelRequest, headers)
    ctx.clock.advance(3600_000)
    const decidedAt = ctx.clock.now()
    await ctx.db
      .updateTable('tickets')
      .set({ request_status: 'declined' })
      .where('id', '=', filed.ticketId)
      .execute()
    await appendTicketEvent(ctx.db, {
      ticketId: filed.ticketId,
      storeId: DEMO_STORE_ID,
      kind: 'declined',
      actor: { kind: 'agent', id: 'ag_1' },
      data: { reason: 'Already packed <sorry>' },
      at: decidedAt,
    })
    const { body } = await get<RequestListResponse>(ctx, '/v1/requests', headers)
    expect(body.requests[0]).toMatchObject({
      requestStatus: 'declined',
      decidedAt: decidedAt.toISOString(),
      decisionNote: 'Already packed <sorry>',
    })
  })

  it('shows the note an agent wrote with an approval too, and none where there was none', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const agent = await signInAgent(ctx)
    const decide = async (ticketId: string, body: Record<string, unknown>) => {
      const path = `/v1/agent/tickets/${ticketId}`
      const { ticket } = await (await ctx.app.request(path, { headers: agent.read })).json()
      const res = await ctx.app.request(`${path}/decision`, {
        method: 'POST',
        headers: agent.write,
        body: JSON.stringify({ version: ticket.version, ...body }),
      })
      expect(res.status).toBe(200)
    }
    const noted = await file(ctx, id(1001), cancelRequest, headers)
    await decide(noted.ticketId, { decision: 'approve', reason: 'Caught it <before> packing.' })
    const quiet = await file(ctx, id(1006), throwReturn, headers)
    await decide(quiet.ticketId, { decision: 'approve' })

    const { body } = await get<RequestListResponse>(ctx, '/v1/requests', headers)
    const shown = (ticketId: string) => body.requests.find((r) => r.ticketId === ticketId)
    expect(shown(noted.ticketId)).toMatchObject({
      requestStatus: 'approved',
      decisionNote: 'Caught it <before> packing.',
    })
    expect(shown(quiet.ticketId)).toMatchObject({ requestStatus: 'approved', decisionNote: null })
    const page = await get<OrderDetailResponse>(ctx, `/v1/orders/${id(1001)}`, headers)
    expect(page.body.order.requests?.[0]?.decisionNote).toBe('Caught it <before> packing.')
  })

  it('needs a session', async () => {
    const ctx = await createTestApp()
    const { status, body } = await get<unknown>(ctx, '/v1/requests', {})
    expect(status).toBe(401)
    expect(errorCode(body)).toBe('session_missing')
  })
})

describe(`the order page's requests and reasons (${testDialect})`, () => {
  it('lists the requests about the order and the reasons to pick from', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const filed = await file(ctx, id(1001), cancelRequest, headers)
    await file(ctx, id(1006), throwReturn, headers)

    const { body } = await get<OrderDetailResponse>(ctx, `/v1/orders/${id(1001)}`, headers)
    expect(body.order.requests).toEqual([
      {
        ...filed,
        orderId: id(1001),
        orderName: '#1001',
        reason: 'ordered_by_mistake',
        decidedAt: null,
        decisionNote: null,
        rating: null,
        canRate: false,
        messages: [],
      },
    ])
    expect(body.order.actions.returnReasons.map((r) => r.code)).toEqual([
      'doesnt_fit',
      'damaged',
      'not_as_described',
      'wrong_item',
      'changed_mind',
      'other',
    ])
    expect(body.order.actions.cancelReasons.map((r) => r.code)).toEqual([
      'ordered_by_mistake',
      'found_better_price',
      'delivery_too_slow',
      'changed_mind',
      'other',
    ])
    const quiet = await get<OrderDetailResponse>(ctx, `/v1/orders/${id(1004)}`, headers)
    expect(quiet.body.order.requests).toEqual([])
  })

  it("shows the store's own reason lists", async () => {
    const ctx = await createTestApp()
    await setOrderRules(ctx, {
      returnReasons: [{ code: 'too_big', labels: { en: 'Too big', fr: 'Trop grand' } }],
      cancelReasons: [{ code: 'changed_mind' }, { code: 'other' }],
    })
    const { body } = await get<OrderDetailResponse>(
      ctx,
      `/v1/orders/${id(1001)}`,
      await signIn(ctx, ada),
    )
    expect(body.order.actions.returnReasons).toEqual([
      { code: 'too_big', labels: { en: 'Too big', fr: 'Trop grand' } },
    ])
    expect(body.order.actions.cancelReasons).toEqual([{ code: 'changed_mind' }, { code: 'other' }])
  })
})
