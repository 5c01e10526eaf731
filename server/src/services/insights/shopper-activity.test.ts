import { describe, expect, it } from 'vitest'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import {
  ada,
  id,
  newKey,
  postRequest,
  signIn,
  throwReturn,
} from '../../routes/requests/requests-test-support.ts'

const events = (ctx: Awaited<ReturnType<typeof createTestApp>>) =>
  ctx.db
    .selectFrom('shopper_events')
    .select(['kind', 'identity_value', 'order_id'])
    .orderBy('created_at')
    .orderBy('kind')
    .execute()

describe(`what the server records for insights (${testDialect})`, () => {
  it('a sign-in, an order view, and tracking only when the answer carried a shipment', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    expect(await events(ctx)).toEqual([
      { kind: 'signed_in', identity_value: 'ada@example.com', order_id: null },
    ])
    ctx.clock.advance(1000)
    // #1004 is in transit (a shipment with its timeline); #1001 has not shipped.
    expect((await ctx.app.request(`/v1/orders/${id(1004)}`, { headers })).status).toBe(200)
    ctx.clock.advance(1000)
    expect((await ctx.app.request(`/v1/orders/${id(1001)}`, { headers })).status).toBe(200)
    // The list and an order that is not hers record nothing.
    expect((await ctx.app.request('/v1/orders', { headers })).status).toBe(200)
    expect((await ctx.app.request(`/v1/orders/${id(1012)}`, { headers })).status).toBe(404)
    expect((await events(ctx)).slice(1)).toEqual([
      { kind: 'order_viewed', identity_value: 'ada@example.com', order_id: id(1004) },
      { kind: 'tracking_viewed', identity_value: 'ada@example.com', order_id: id(1004) },
      { kind: 'order_viewed', identity_value: 'ada@example.com', order_id: id(1001) },
    ])
  })

  it("a return records its lines' products, in the same write as the ticket", async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const res = await postRequest(ctx, id(1006), throwReturn, headers, newKey())
    expect(res.status).toBe(201)
    const rows = await ctx.db.selectFrom('ticket_products').select(['title', 'quantity']).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.quantity).toBe(1)
    expect(rows[0]?.title).toMatch(/throw/i)
  })

  it('stamps resolved_at when a ticket is resolved, keeps it, and clears it on reopening', async () => {
    const ctx = await createTestApp()
    const agent = await signInAgent(ctx)
    const headers = await signIn(ctx, ada)
    const filed = await (await postRequest(ctx, id(1006), throwReturn, headers, newKey())).json()
    const ticketId: string = filed.ticketId
    const row = () =>
      ctx.db
        .selectFrom('tickets')
        .select(['resolved_at', 'version'])
        .where('id', '=', ticketId)
        .executeTakeFirstOrThrow()
    const patch = async (status: string) => {
      const { version } = await row()
      const res = await ctx.app.request(`/v1/agent/tickets/${ticketId}`, {
        method: 'PATCH',
        headers: agent.write,
        body: JSON.stringify({ version, status }),
      })
      expect(res.status).toBe(200)
    }
    expect((await row()).resolved_at).toBeNull()
    ctx.clock.advance(60_000)
    const resolvedAt = ctx.clock.now().getTime()
    await patch('resolved')
    expect((await row()).resolved_at).toBe(resolvedAt)
    ctx.clock.advance(60_000)
    await patch('closed')
    expect((await row()).resolved_at).toBe(resolvedAt)
    await patch('open')
    expect((await row()).resolved_at).toBeNull()
  })
})
