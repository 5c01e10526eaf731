import { describe, expect, it } from 'vitest'
import { insertTicket, type NewTicket } from '../../db/tickets.repository.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

async function setup() {
  const ctx = await createTestApp()
  await insertOtherStore(ctx)
  const agent = await signInAgent(ctx)
  const t = (over: Partial<NewTicket>) =>
    insertTicket(ctx.db, {
      store_id: 'st_demo',
      type: 'cancel',
      status: 'open',
      channel: 'chat',
      locale: 'en',
      created_at: ctx.clock.now().getTime(),
      updated_at: ctx.clock.now().getTime(),
      ...over,
    })
  return { ...ctx, agent, t }
}

describe(`agent ticket queue (${testDialect})`, () => {
  it('filters by type, status, channel and date, newest first', async () => {
    const ctx = await setup()
    await ctx.t({ type: 'return', channel: 'help-center' })
    ctx.clock.advance(60_000)
    const cancel = await ctx.t({ type: 'cancel' })
    ctx.clock.advance(60_000)
    await ctx.t({ type: 'issue', status: 'resolved' })
    const res = await ctx.app.request('/v1/agent/tickets?type=cancel,return&status=open', {
      headers: ctx.agent.read,
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.total).toBe(2)
    expect(body.tickets.map((t: { type: string }) => t.type)).toEqual(['cancel', 'return'])
    const from = new Date(ctx.clock.now().getTime() - 90_000).toISOString()
    const dated = await (
      await ctx.app.request(`/v1/agent/tickets?from=${from}&channel=chat`, {
        headers: ctx.agent.read,
      })
    ).json()
    expect(dated.tickets.map((t: { id: string }) => t.id)).toContain(cancel.id)
    expect(dated.total).toBe(2)
  })

  it('searches by order number, email, phone, name and ticket reference, taking wildcards literally', async () => {
    const ctx = await setup()
    const a = await ctx.t({
      order_name: '#1042',
      identity_kind: 'email',
      identity_value: 'ada@example.com',
    })
    const b = await ctx.t({
      identity_kind: 'phone',
      identity_value: '+14155550100',
      contact_name: 'Grace Hopper',
    })
    const search = async (q: string) =>
      (
        await (
          await ctx.app.request(`/v1/agent/tickets?q=${encodeURIComponent(q)}`, {
            headers: ctx.agent.read,
          })
        ).json()
      ).tickets.map((t: { id: string }) => t.id)
    expect(await search('#1042')).toEqual([a.id])
    expect(await search('ADA@example')).toEqual([a.id])
    expect(await search('4155550100')).toEqual([b.id])
    expect(await search('grace')).toEqual([b.id])
    expect(await search(`#${b.number}`)).toEqual([b.id])
    // The visible reference, as an agent would paste it from an email, finds the ticket too.
    expect(await search(`T-${b.number}`)).toEqual([b.id])
    expect(await search(`t-${b.number}`)).toEqual([b.id])
    expect(await search(`T-${b.number}x`)).toEqual([])
    expect(await search('%')).toEqual([])
    expect(await search('_')).toEqual([])
  })

  it('pages with the allowed sizes only', async () => {
    const ctx = await setup()
    for (let i = 0; i < 12; i++) await ctx.t({})
    const p2 = await (
      await ctx.app.request('/v1/agent/tickets?pageSize=10&page=2', { headers: ctx.agent.read })
    ).json()
    expect(p2.tickets).toHaveLength(2)
    expect(p2.total).toBe(12)
    const bad = await ctx.app.request('/v1/agent/tickets?pageSize=15', { headers: ctx.agent.read })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('validation_failed')
    const unknown = await ctx.app.request('/v1/agent/tickets?type=refund', {
      headers: ctx.agent.read,
    })
    expect(unknown.status).toBe(400)
  })

  it('never shows or changes another store’s tickets', async () => {
    const ctx = await setup()
    const mine = await ctx.t({})
    const other = await signInAgent(ctx, 'st_other')
    const list = await (await ctx.app.request('/v1/agent/tickets', { headers: other.read })).json()
    expect(list.total).toBe(0)
    expect(
      (await ctx.app.request(`/v1/agent/tickets/${mine.id}`, { headers: other.read })).status,
    ).toBe(404)
    const patch = await ctx.app.request(`/v1/agent/tickets/${mine.id}`, {
      method: 'PATCH',
      headers: other.write,
      body: JSON.stringify({ version: 1, status: 'closed' }),
    })
    expect(patch.status).toBe(404)
    const note = await ctx.app.request(`/v1/agent/tickets/${mine.id}/notes`, {
      method: 'POST',
      headers: other.write,
      body: JSON.stringify({ body: 'hi' }),
    })
    expect(note.status).toBe(404)
    const assignAcross = await ctx.app.request(`/v1/agent/tickets/${mine.id}`, {
      method: 'PATCH',
      headers: ctx.agent.write,
      body: JSON.stringify({ version: 1, assigneeId: other.agentId }),
    })
    expect(assignAcross.status).toBe(400)
  })

  it('transfers a ticket to a teammate, never to a deactivated one, and says so in the history', async () => {
    const ctx = await setup()
    const t = await ctx.t({})
    const mate = await signInAgent(ctx, 'st_demo', 'teammate@example.com')
    const gone = await signInAgent(ctx, 'st_demo', 'gone-agent@example.com')
    await ctx.db
      .updateTable('agents')
      .set({ deactivated_at: ctx.clock.now().getTime() })
      .where('id', '=', gone.agentId)
      .execute()
    const patch = (version: number, assigneeId: string) =>
      ctx.app.request(`/v1/agent/tickets/${t.id}`, {
        method: 'PATCH',
        headers: ctx.agent.write,
        body: JSON.stringify({ version, assigneeId }),
      })
    expect((await patch(1, ctx.agent.agentId)).status).toBe(200)
    // History entries of one millisecond are ordered by id, not by write: keep them apart.
    ctx.clock.advance(1000)
    const moved = await patch(2, mate.agentId)
    expect(moved.status).toBe(200)
    expect((await moved.json()).ticket).toMatchObject({ assigneeId: mate.agentId, version: 3 })
    const refused = await patch(3, gone.agentId)
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.code).toBe('agent_not_found')
    const view = await (
      await ctx.app.request(`/v1/agent/tickets/${t.id}`, { headers: mate.read })
    ).json()
    expect(view.ticket).toMatchObject({ assigneeId: mate.agentId, version: 3 })
    expect(view.history.map((e: { data: { assigneeId?: string } }) => e.data.assigneeId)).toEqual([
      ctx.agent.agentId,
      mate.agentId,
    ])
  })

  it('lets one of two concurrent changes win and shows the other the fresh ticket', async () => {
    const ctx = await setup()
    const t = await ctx.t({})
    const patch = (status: string) =>
      ctx.app.request(`/v1/agent/tickets/${t.id}`, {
        method: 'PATCH',
        headers: ctx.agent.write,
        body: JSON.stringify({ version: 1, status }),
      })
    const results = await Promise.all([patch('pending'), patch('resolved')])
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409])
    const loser = results.find((r) => r.status === 409)!
    const body = await loser.json()
    expect(body.error.code).toBe('version_conflict')
    expect(body.error.details.ticket.version).toBe(2)
    const view = await (
      await ctx.app.request(`/v1/agent/tickets/${t.id}`, { headers: ctx.agent.read })
    ).json()
    expect(view.history.map((e: { kind: string }) => e.kind)).toEqual(['updated'])
  })

  it('records internal notes in the history with the agent', async () => {
    const ctx = await setup()
    const t = await ctx.t({})
    const res = await ctx.app.request(`/v1/agent/tickets/${t.id}/notes`, {
      method: 'POST',
      headers: ctx.agent.write,
      body: JSON.stringify({ body: 'Called the carrier <b>twice</b>' }),
    })
    expect(res.status).toBe(201)
    const view = await (
      await ctx.app.request(`/v1/agent/tickets/${t.id}`, { headers: ctx.agent.read })
    ).json()
    expect(view.history[0]).toMatchObject({
      kind: 'note',
      actor: { kind: 'agent', id: ctx.agent.agentId },
      data: { body: 'Called the carrier <b>twice</b>' },
    })
  })

  it('requires the console session', async () => {
    const ctx = await setup()
    expect((await ctx.app.request('/v1/agent/tickets')).status).toBe(401)
  })
})
