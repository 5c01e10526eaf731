import type { FileRequest } from '@porchlight/shared/api/requests'
import { describe, expect, it } from 'vitest'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { editDemoOrder, holdStoreActions, ticketActionsSetup } from '../../test/ticket-actions.ts'
import { subscribe } from '../../test/webhook-subscriber.ts'
import { redactPersonalData } from '../../services/privacy/redact.ts'
import { ada, postRequest, signIn } from './requests-test-support.ts'

type Setup = Awaited<ReturnType<typeof ticketActionsSetup>>

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

const newAddress = {
  name: 'Ada Park',
  line1: '500 Castro St',
  line2: 'Apt 4',
  city: 'Mountain View',
  region: 'CA',
  postalCode: '94041',
  country: 'US',
}

// A body as a client may send it: the address is deliberately loose, to send wrong ones too.
const addressChange = (address: Record<string, unknown> = newAddress) =>
  ({
    type: 'address_change',
    reason: 'address_change',
    address,
    channel: 'help-center',
    locale: 'en',
  }) satisfies Omit<FileRequest, 'address'> & { address: unknown }

async function file(t: Setup, number: number, body: unknown = addressChange()) {
  return json(postRequest(t, t.order(number), body, await signIn(t, ada)))
}

const ticketRows = (t: Setup) => t.db.selectFrom('tickets').selectAll().execute()

describe(`address change requests on the demo store (${testDialect})`, () => {
  it('files the request with both addresses; the agent sees them side by side and approves', async () => {
    const t = await ticketActionsSetup()
    const before = (await t.demoOrder(1001)).shippingAddress
    const filed = await file(t, 1001)
    expect(filed.status).toBe(201)
    expect(filed.body).toMatchObject({ type: 'address_change', requestStatus: 'requested' })
    const ticketId = filed.body.ticketId as string

    const side = await json(
      t.app.request(`/v1/agent/tickets/${ticketId}/address-change`, { headers: t.agent.read }),
    )
    expect(side.status).toBe(200)
    expect(side.body.previous).toEqual(before)
    expect(side.body.requested).toEqual({
      ...newAddress,
      company: null,
      phone: null,
    })
    expect(side.body.changed).toEqual(expect.arrayContaining(['line1', 'line2', 'city']))

    const approved = await json(t.decide(ticketId, { version: 1, decision: 'approve' }))
    expect(approved.status).toBe(200)
    expect(approved.body.ticket).toMatchObject({ requestStatus: 'approved', status: 'resolved' })
    expect(t.watch.calls).toEqual([
      {
        action: 'updateShippingAddress',
        orderId: t.order(1001),
        input: expect.objectContaining({ address: side.body.requested }),
      },
    ])
    expect((await t.demoOrder(1001)).shippingAddress).toEqual(side.body.requested)

    // Every step is on the history: what was asked, and what the store was told.
    const kinds = approved.body.history.map((e: { kind: string }) => e.kind)
    expect(kinds).toEqual(expect.arrayContaining(['created', 'approved']))
    const created = approved.body.history.find((e: { kind: string }) => e.kind === 'created')
    expect(created.data).toMatchObject({ address: side.body.requested, previousAddress: before })
    const done = approved.body.history.find((e: { kind: string }) => e.kind === 'approved')
    expect(done.data).toMatchObject({
      type: 'address_change',
      storeCall: 'updateShippingAddress',
      address: side.body.requested,
      previousAddress: before,
    })

    // The shopper's order shows the new address, and the request says what they asked.
    const shopper = await json(
      t.app.request(`/v1/orders/${t.order(1001)}`, { headers: await signIn(t, ada) }),
    )
    expect(shopper.body.order.summary.shipping.address.lines).toContain('500 Castro St')
    const mine = shopper.body.order.requests.find(
      (r: { ticketId: string }) => r.ticketId === ticketId,
    )
    expect(mine).toMatchObject({ requestStatus: 'approved', address: side.body.requested })

    // Told by email, in English.
    await t.drainOutbox()
    const subjects = t.deps.devOutbox!.list().map((m) => (m.channel === 'email' ? m.subject : ''))
    expect(subjects).toContain('Order #1001 will go to your new address')
  })

  it('refuses an address missing what its country needs, naming the fields, and saves nothing', async () => {
    const t = await ticketActionsSetup()
    const { region: _region, postalCode: _postal, ...partial } = newAddress
    const refused = await file(t, 1001, addressChange({ ...partial, city: ' ' }))
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('address_invalid')
    expect(refused.body.error.details.problems).toEqual([
      { field: 'city', code: 'required' },
      { field: 'region', code: 'required' },
      { field: 'postalCode', code: 'required' },
    ])
    const wrong = await file(t, 1001, addressChange({ ...newAddress, postalCode: 'ABCDE' }))
    expect(wrong.body.error.details.problems).toEqual([{ field: 'postalCode', code: 'invalid' }])
    expect(await ticketRows(t)).toEqual([])
    expect(await t.db.selectFrom('ticket_address_changes').selectAll().execute()).toEqual([])
    expect(await t.outbox()).toEqual([])
  })

  it('checks the shape at the edge: an address only on address changes, strings only', async () => {
    const t = await ticketActionsSetup()
    const noAddress = await file(t, 1001, { ...addressChange(), address: undefined })
    expect([noAddress.status, noAddress.body.error.code]).toEqual([400, 'validation_failed'])
    const onCancel = await file(t, 1001, {
      type: 'cancel',
      reason: 'ordered_by_mistake',
      address: newAddress,
      channel: 'help-center',
      locale: 'en',
    })
    expect([onCancel.status, onCancel.body.error.code]).toEqual([400, 'validation_failed'])
    const typed = await file(t, 1001, addressChange({ ...newAddress, city: 42 }))
    expect([typed.status, typed.body.error.code]).toEqual([400, 'validation_failed'])
    const extra = await file(t, 1001, addressChange({ ...newAddress, floor: 3 }))
    expect([extra.status, extra.body.error.code]).toEqual([400, 'validation_failed'])
    expect(await ticketRows(t)).toEqual([])
  })

  it('is not offered once fulfilment started, and the order page says why', async () => {
    const t = await ticketActionsSetup()
    const headers = await signIn(t, ada)
    const offers = async (n: number) =>
      (await json(t.app.request(`/v1/orders/${t.order(n)}`, { headers }))).body.order.actions
        .addressChange
    expect(await offers(1001)).toEqual({ offered: true, until: null })
    expect(await offers(1002)).toEqual({
      offered: false,
      reason: { code: 'fulfillment_in_progress' },
    })
    expect(await offers(1003)).toEqual({ offered: false, reason: { code: 'already_fulfilled' } })
    expect(await offers(1011)).toEqual({
      offered: false,
      reason: { code: 'not_shipped_to_address' },
    })
    const refused = await file(t, 1003)
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({
      code: 'request_not_offered',
      details: { reason: { code: 'already_fulfilled' } },
    })
    expect(await ticketRows(t)).toEqual([])
  })

  it('refuses the approval, without a store call, when the order shipped since the request', async () => {
    const t = await ticketActionsSetup()
    const filed = await file(t, 1001)
    await editDemoOrder(t, t.order(1001), (o) => {
      o.fulfillmentStatus = 'fulfilled'
    })
    const refused = await json(t.decide(filed.body.ticketId, { version: 1, decision: 'approve' }))
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({
      code: 'decision_not_allowed',
      details: { reason: 'too_late_for_address_change', data: { rule: 'already_fulfilled' } },
    })
    expect(t.watch.calls).toEqual([])
    const view = await t.view(filed.body.ticketId)
    expect(view.ticket.requestStatus).toBe('requested')
  })

  it('makes one store call for two approvals at once', async () => {
    const t = await ticketActionsSetup()
    const second = await signInAgent(t, 'st_demo', 'second@example.com')
    const filed = await file(t, 1001)
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        json(
          t.decide(
            filed.body.ticketId,
            { version: 1, decision: 'approve' },
            i % 2 ? second.write : undefined,
          ),
        ),
      ),
    )
    expect(t.watch.calls.map((c) => c.action)).toEqual(['updateShippingAddress'])
    for (const r of results) {
      if (r.status === 200) expect(r.body.ticket.requestStatus).toBe('approved')
      else expect(['version_conflict', 'action_in_progress']).toContain(r.body.error.code)
    }
    const view = await t.view(filed.body.ticketId)
    expect(view.history.filter((e: { kind: string }) => e.kind === 'approved')).toHaveLength(1)
  })

  it('holds a second approval off while the store works, then it sees the outcome', async () => {
    const t = await ticketActionsSetup()
    const filed = await file(t, 1001)
    const store = holdStoreActions(t.watch)
    const first = json(t.decide(filed.body.ticketId, { version: 1, decision: 'approve' }))
    await store.started
    const during = await json(t.decide(filed.body.ticketId, { version: 2, decision: 'approve' }))
    expect([during.status, during.body.error.code]).toEqual([409, 'action_in_progress'])
    store.release()
    expect((await first).status).toBe(200)
    expect(t.watch.calls).toHaveLength(1)
  })

  it('leaves the ticket as it was when the store refuses or does not answer, and says why', async () => {
    const t = await ticketActionsSetup()
    const filed = await file(t, 1001)
    const id = filed.body.ticketId as string
    t.watch.control.fail = { code: 'store_rejected', message: 'Address could not be verified' }
    const refused = await json(t.decide(id, { version: 1, decision: 'approve' }))
    expect(refused).toEqual({
      status: 422,
      body: { error: { code: 'store_rejected', message: 'Address could not be verified' } },
    })
    // A minute later (the test clock stands still otherwise, and the history orders by time).
    t.clock.advance(60_000)
    t.watch.control.fail = { code: 'store_unavailable', message: 'The store did not answer.' }
    const lost = await json(t.decide(id, { version: 2, decision: 'approve' }))
    expect([lost.status, lost.body.error.code]).toEqual([502, 'store_unavailable'])
    const view = await t.view(id)
    expect(view.ticket).toMatchObject({ requestStatus: 'requested', status: 'open' })
    const failed = view.history.filter((e: { kind: string }) => e.kind === 'approval_failed')
    expect(failed.map((e: { data: { code?: string } }) => e.data.code)).toEqual([
      'store_rejected',
      'store_unavailable',
    ])
    expect((await t.demoOrder(1001)).shippingAddress?.line1).not.toBe('500 Castro St')

    delete t.watch.control.fail
    const fresh = (await t.view(id)).ticket.version
    expect((await t.decide(id, { version: fresh, decision: 'approve' })).status).toBe(200)
  })

  it('posts request.approved to webhook subscribers with both addresses, signed like every event', async () => {
    const t = await ticketActionsSetup()
    const hook = await subscribe(t, ['request.approved'])
    const filed = await file(t, 1001)
    expect((await t.decide(filed.body.ticketId, { version: 1, decision: 'approve' })).status).toBe(
      200,
    )
    const events = await hook.next()
    expect(events.map((e) => e.type)).toEqual(['request.approved'])
    expect(events[0]!.data).toMatchObject({
      ticket: { id: filed.body.ticketId, type: 'address_change', requestStatus: 'approved' },
      decision: {
        storeCall: 'updateShippingAddress',
        address: { line1: '500 Castro St', postalCode: '94041' },
        previousAddress: expect.objectContaining({ country: 'US' }),
      },
    })
  })

  it('forgets both addresses when the shopper’s data is purged; the ticket stays', async () => {
    const t = await ticketActionsSetup()
    const filed = await file(t, 1001)
    const person = { emails: [ada.value], phones: [], customerId: null, orderIds: [] }
    const purged = await redactPersonalData(t.deps, 'st_demo', person, 'customers/redact')
    expect(purged.tickets).toBe(1)
    expect(await t.db.selectFrom('ticket_address_changes').selectAll().execute()).toEqual([])
    const view = await t.view(filed.body.ticketId)
    const created = view.history.find((e: { kind: string }) => e.kind === 'created')
    expect(created.data).toMatchObject({ address: '[redacted]', previousAddress: '[redacted]' })
    expect(view.ticket.type).toBe('address_change')
  })

  it('shows the addresses only to agents of the ticket’s store', async () => {
    const t = await ticketActionsSetup()
    const filed = await file(t, 1001)
    const path = `/v1/agent/tickets/${filed.body.ticketId}/address-change`
    await insertOtherStore(t, 'st_other')
    const outsider = await signInAgent(t, 'st_other', 'outsider@example.com')
    const other = await json(t.app.request(path, { headers: outsider.read }))
    expect([other.status, other.body.error.code]).toEqual([404, 'ticket_not_found'])
    expect((await t.app.request(path)).status).toBe(401)
    const cancel = await t.request({ number: 1001 })
    const notOne = await json(
      t.app.request(`/v1/agent/tickets/${cancel.id}/address-change`, { headers: t.agent.read }),
    )
    expect([notOne.status, notOne.body.error.code]).toEqual([404, 'address_change_not_found'])
  })
})
