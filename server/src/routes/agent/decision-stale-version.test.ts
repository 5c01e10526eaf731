import type { KyselyPlugin, RootOperationNode } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { testDialect } from '../../test/harness.ts'
import { gate, holdStoreActions, ticketActionsSetup } from '../../test/ticket-actions.ts'

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

type Setup = Awaited<ReturnType<typeof ticketActionsSetup>>

const readsTickets = (node: RootOperationNode) =>
  node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"name":"tickets"')

/**
 * A second app over the same database whose next read of a ticket waits, after the row came
 * back, until the test lets it go: a decision that read the ticket before another one was
 * written, in a fixed order rather than by chance.
 */
function pausedAfterTicketRead(t: Setup) {
  const read = gate()
  const release = gate()
  const queries = new WeakSet<object>()
  let armed = true
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (armed && readsTickets(args.node)) queries.add(args.queryId)
      return args.node
    },
    async transformResult(args) {
      if (armed && queries.has(args.queryId)) {
        armed = false
        read.open()
        await release.opened
      }
      return args.result
    },
  }
  const app = createApp({ ...t.deps, db: t.db.withPlugin(plugin) })
  const decide = (id: string, body: unknown) =>
    app.request(`/v1/agent/tickets/${id}/decision`, {
      method: 'POST',
      headers: t.agent.write,
      body: JSON.stringify(body),
    })
  return { decide, read: read.opened, release: release.open }
}

const approve = { version: 1, decision: 'approve' }
const decline = { version: 1, decision: 'decline', reason: 'Too late' }

/**
 * The contract of a decision on a stale version, in each order two decisions can meet:
 * `409 version_conflict` with the fresh ticket, whatever changed since; never `422
 * already_decided` (which is for a decision made on the current version) and never a second
 * outcome.
 */
describe(`a decision on a stale version (${testDialect})`, () => {
  const expectConflict = (res: { status: number; body: any }, ticket: Record<string, unknown>) => {
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('version_conflict')
    expect(res.body.error.details.ticket).toMatchObject(ticket)
  }

  it('is a conflict when it arrives after the other decision was recorded', async () => {
    const t = await ticketActionsSetup()
    const approved = await t.request({ number: 1001 })
    expect((await t.decide(approved.id, approve)).status).toBe(200)
    expectConflict(await json(t.decide(approved.id, decline)), {
      requestStatus: 'approved',
      version: 3,
    })

    const declined = await t.request({ number: 1012 })
    expect((await t.decide(declined.id, decline)).status).toBe(200)
    expectConflict(await json(t.decide(declined.id, approve)), {
      requestStatus: 'declined',
      version: 2,
    })
    expect(t.watch.calls).toHaveLength(1)
    expect(await t.outbox()).toHaveLength(2)
  })

  it('is a conflict after any other change, and a decision at the current version still works', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    const patched = await t.app.request(`/v1/agent/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: t.agent.write,
      body: JSON.stringify({ version: 1, tags: ['vip'] }),
    })
    expect(patched.status).toBe(200)
    expectConflict(await json(t.decide(ticket.id, decline)), {
      requestStatus: 'requested',
      version: 2,
    })
    expect((await t.decide(ticket.id, { ...decline, version: 2 })).status).toBe(200)
  })

  it('is a conflict, not action_in_progress, while the other agent’s approval is on the store', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    const store = holdStoreActions(t.watch)
    const first = json(t.decide(ticket.id, approve))
    await store.started
    expectConflict(await json(t.decide(ticket.id, decline)), {
      requestStatus: 'requested',
      version: 2,
    })
    store.release()
    expect((await first).status).toBe(200)
  })

  it('is a conflict when it read the ticket before the other decision was recorded', async () => {
    const t = await ticketActionsSetup()
    // The approval reads version 1, then the decline is recorded, then the approval goes on.
    const first = await t.request({ number: 1001 })
    let paused = pausedAfterTicketRead(t)
    let late = json(paused.decide(first.id, approve))
    await paused.read
    expect((await t.decide(first.id, decline)).status).toBe(200)
    paused.release()
    expectConflict(await late, { requestStatus: 'declined', version: 2 })
    expect(t.watch.calls).toHaveLength(0)

    // The decline reads version 1, then the approval is recorded, then the decline goes on.
    const second = await t.request({ number: 1012 })
    paused = pausedAfterTicketRead(t)
    late = json(paused.decide(second.id, decline))
    await paused.read
    expect((await t.decide(second.id, approve)).status).toBe(200)
    paused.release()
    expectConflict(await late, { requestStatus: 'approved', version: 3 })
    expect(t.watch.calls).toHaveLength(1)
  })

  it('is a conflict when it read the ticket before the other agent’s approval claimed it', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    const paused = pausedAfterTicketRead(t)
    const late = json(paused.decide(ticket.id, decline))
    await paused.read
    const store = holdStoreActions(t.watch)
    const first = json(t.decide(ticket.id, approve))
    await store.started
    paused.release()
    expectConflict(await late, { requestStatus: 'requested', version: 2 })
    store.release()
    expect((await first).body.ticket).toMatchObject({ requestStatus: 'approved', version: 3 })
    const history = (await t.view(ticket.id)).history.map((e: { kind: string }) => e.kind)
    expect(history).not.toContain('declined')
  })
})
