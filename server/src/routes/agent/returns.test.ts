import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { mintShopperSession, testDialect } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'
import { subscribe } from '../../test/webhook-subscriber.ts'

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

const ADDRESS = {
  name: 'Lumen & Loom Returns',
  line1: '12 Rue des Retours',
  city: 'Lyon',
  postalCode: '69002',
  country: 'FR',
}

/** A delivered order (#1028: 2 mugs, li_1) with an approved return of both mugs. */
async function approvedReturn(settings: Record<string, unknown> = {}) {
  const t = await ticketActionsSetup()
  await t.db
    .updateTable('stores')
    .set({ settings: JSON.stringify({ returns: { address: ADDRESS, ...settings } }) })
    .where('id', '=', 'st_demo')
    .execute()
  const ticket = await t.request({
    number: 1028,
    type: 'return',
    lines: [{ lineItemId: 'li_1', quantity: 2 }],
    identity_value: DEMO_SHOPPERS.chidi.email,
  })
  const approved = await json(t.decide(ticket.id, { version: 1, decision: 'approve' }))
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  const unit = (await t.demoOrder(1028)).lineItems[0]!.price.amount
  const progress = async () =>
    json(t.app.request(`/v1/agent/tickets/${ticket.id}/return`, { headers: t.agent.read }))
  const version = async () => (await t.view(ticket.id)).ticket.version as number
  const receive = async (lines: unknown, v?: number, headers?: Record<string, string>) =>
    json(
      t.post(
        `/v1/agent/tickets/${ticket.id}/receipts`,
        { version: v ?? (await version()), lines },
        headers,
      ),
    )
  const mails = async () => {
    await t.drainOutbox()
    // Newest first; the clock moves on so each step has its own time, as it would.
    t.clock.advance(60_000)
    return t.deps.devOutbox!.list().filter((m) => m.channel === 'email')
  }
  return { t, ticket, unit, progress, version, receive, mails }
}

describe(`returns after approval (${testDialect})`, () => {
  it('tells the shopper where to send it, then refunds what came back, step by step', async () => {
    const r = await approvedReturn()
    const { t, ticket, unit } = r
    const first = await r.progress()
    expect(first.body).toMatchObject({
      reference: `RMA-${ticket.number}`,
      address: { ...ADDRESS, line2: null, region: null },
      label: null,
      lines: [{ lineItemId: 'li_1', quantity: 2, received: 0 }],
    })
    expect(first.body.steps.map((s: { step: string }) => s.step)).toEqual(['approved'])
    const approval = (await r.mails())[0]!
    expect(approval.text).toContain('12 Rue des Retours')
    expect(approval.text).toContain(
      `Write this return reference on the parcel: RMA-${ticket.number}`,
    )

    // The agent gives a label link: the shopper is told, with the link.
    const label = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/return-label`, {
        version: await r.version(),
        url: 'https://labels.example.com/l/abc.pdf',
      }),
    )
    expect(label.status, JSON.stringify(label.body)).toBe(200)
    const labelMail = (await r.mails())[0]!
    expect(labelMail.subject).toBe('Your return label for order #1028')
    expect(labelMail.text).toContain('https://labels.example.com/l/abc.pdf')

    // One mug arrives: refunded for one mug only, the refund still pending for the rest.
    const one = await r.receive([{ lineItemId: 'li_1', quantity: 1 }])
    expect(one.status, JSON.stringify(one.body)).toBe(200)
    expect(one.body.ticket.refundStatus).toBe('pending_release')
    expect(t.watch.calls.at(-1)).toMatchObject({
      action: 'receiveReturn',
      input: { lines: [{ lineItemId: 'li_1', quantity: 1 }], refund: { amount: unit } },
    })
    let order = await t.demoOrder(1028)
    expect(order.totals.refunded.amount).toBe(unit)
    const received = (await r.mails())[0]!
    expect(received.subject).toBe('We received your return for order #1028')
    expect(received.text).toContain('Some items of your return have not arrived yet.')

    // More than is still expected: refused before the store is asked.
    const calls = t.watch.calls.length
    const tooMany = await r.receive([{ lineItemId: 'li_1', quantity: 2 }])
    expect(tooMany.status).toBe(422)
    expect(tooMany.body.error.code).toBe('receipt_exceeds_return')
    expect(tooMany.body.error.details.lines).toEqual([{ lineItemId: 'li_1', expected: 1 }])
    const otherLine = await r.receive([{ lineItemId: 'li_2', quantity: 1 }])
    expect(otherLine.body.error.code).toBe('line_not_on_order')
    expect(t.watch.calls.length).toBe(calls)

    const rest = await r.receive([{ lineItemId: 'li_1', quantity: 1 }])
    expect(rest.body.ticket.refundStatus).toBe('released')
    order = await t.demoOrder(1028)
    expect(order.totals.refunded.amount).toBe(2 * unit)
    const ours = order.returns!.find((x) => x.lines[0]?.lineItemId === 'li_1')!
    expect(ours).toMatchObject({
      status: 'closed',
      received: [{ lineItemId: 'li_1', quantity: 2 }],
    })

    const done = await r.progress()
    expect(done.body.steps.map((s: { step: string }) => s.step)).toEqual([
      'approved',
      'label_ready',
      'received',
      'refunded',
      'received',
      'refunded',
    ])
    expect(done.body.lines).toEqual([
      { lineItemId: 'li_1', title: expect.any(String), quantity: 2, received: 2 },
    ])

    // The shopper's own request list shows the same progress.
    const session = await mintShopperSession(t, 'st_demo', {
      kind: 'email',
      value: DEMO_SHOPPERS.chidi.email,
    })
    const mine = await json(t.app.request('/v1/requests', { headers: session.headers }))
    const summary = mine.body.requests.find((q: { ticketId: string }) => q.ticketId === ticket.id)
    expect(summary.returnProgress).toEqual(done.body)

    // One history: each step with who, what and which store call.
    const history = (await t.view(ticket.id)).history as Array<{
      kind: string
      actor: { id: string | null }
      data: Record<string, unknown>
    }>
    const receipts = history.filter((e) => e.kind === 'return_received')
    expect(receipts).toHaveLength(2)
    expect(receipts[0]).toMatchObject({
      actor: { id: t.agent.agentId },
      data: { storeCall: 'receiveReturn', refunded: { amount: unit }, complete: false },
    })
  })

  it('refunds nothing more on receipt when the refund was released on approval', async () => {
    const r = await approvedReturn({ refundOn: 'approval' })
    const before = (await r.t.demoOrder(1028)).totals.refunded.amount
    expect(before).toBe(2 * r.unit)
    const got = await r.receive([{ lineItemId: 'li_1', quantity: 2 }])
    expect(got.status).toBe(200)
    expect(r.t.watch.calls.at(-1)).toMatchObject({
      action: 'receiveReturn',
      input: { refund: null },
    })
    expect((await r.t.demoOrder(1028)).totals.refunded.amount).toBe(before)
  })

  it('serves an uploaded PDF label at an unguessable address, and refuses what is not a PDF', async () => {
    const r = await approvedReturn()
    const { t, ticket } = r
    const upload = (body: string, type = 'application/pdf') =>
      r.version().then((v) =>
        t.app.request(`/v1/agent/tickets/${ticket.id}/return-label?version=${v}`, {
          method: 'POST',
          headers: { ...t.agent.write, 'content-type': type },
          body,
        }),
      )
    const bad = await json(upload('<html>not a label</html>'))
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('label_invalid')
    const big = await json(upload(`%PDF-1.7\n${'x'.repeat(2 * 1024 * 1024)}`))
    expect(big.status).toBe(400)
    expect(big.body.error.code).toBe('label_invalid')

    const pdf = '%PDF-1.4\n% a return label\n%%EOF\n'
    expect((await upload(pdf)).status).toBe(200)
    const { body } = await r.progress()
    expect(body.label).toMatchObject({
      kind: 'pdf',
      url: expect.stringMatching(/^\/v1\/return-labels\/[\w-]{32}$/),
    })
    const served = await t.app.request(body.label.url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(await served.text()).toBe(pdf)
    // Another token, even one letter off, finds nothing.
    const off = body.label.url.slice(0, -1) + (body.label.url.endsWith('A') ? 'B' : 'A')
    expect((await t.app.request(off)).status).toBe(404)
    const mail = (await r.mails())[0]!
    expect(mail.text).toContain(`${t.deps.config.publicUrl}${body.label.url}`)
  })

  it('lets many simultaneous receipts reach the store once; the rest see the fresh ticket', async () => {
    const r = await approvedReturn()
    const v = await r.version()
    const calls = r.t.watch.calls.length
    const second = await signInAgent(r.t, 'st_demo', 'second@example.com')
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        r.receive([{ lineItemId: 'li_1', quantity: 2 }], v, i % 2 ? second.write : undefined),
      ),
    )
    expect(r.t.watch.calls.length - calls).toBe(1)
    expect(results.filter((x) => x.status === 200)).toHaveLength(1)
    for (const x of results.filter((x) => x.status !== 200)) {
      expect(x.status).toBe(409)
      expect(['version_conflict', 'action_in_progress']).toContain(x.body.error.code)
    }
    expect((await r.t.demoOrder(1028)).totals.refunded.amount).toBe(2 * r.unit)
  })

  it('leaves the return as it was when the store refuses, and says why in the history', async () => {
    const r = await approvedReturn()
    r.t.watch.control.fail = { code: 'store_unavailable', message: 'The store did not answer.' }
    const failed = await r.receive([{ lineItemId: 'li_1', quantity: 1 }])
    expect(failed.status).toBe(502)
    expect(failed.body.error.code).toBe('store_unavailable')
    delete r.t.watch.control.fail
    const { body } = await r.progress()
    expect(body.lines[0].received).toBe(0)
    const history = (await r.t.view(r.ticket.id)).history as Array<{ kind: string; data: unknown }>
    expect(history.find((e) => e.kind === 'receipt_failed')).toMatchObject({
      data: { code: 'store_unavailable', message: 'The store did not answer.' },
    })
    expect((await r.t.demoOrder(1028)).totals.refunded.amount).toBe(0)
    // Tried again, it works.
    expect((await r.receive([{ lineItemId: 'li_1', quantity: 1 }])).status).toBe(200)
  })

  it('keeps to the agent’s store, refuses a console write without its CSRF token, and bad bodies', async () => {
    const r = await approvedReturn()
    await insertOtherStore(r.t)
    const other = await signInAgent(r.t, 'st_other')
    const v = await r.version()
    const foreign = await r.receive([{ lineItemId: 'li_1', quantity: 1 }], v, other.write)
    expect(foreign.status).toBe(404)
    const peek = await r.t.app.request(`/v1/agent/tickets/${r.ticket.id}/return`, {
      headers: other.read,
    })
    expect(peek.status).toBe(404)
    const forged = await r.receive([{ lineItemId: 'li_1', quantity: 1 }], v, {
      ...r.t.agent.read,
      'content-type': 'application/json',
    })
    expect(forged.status).toBe(403)
    for (const lines of [[], [{ lineItemId: 'li_1', quantity: 0 }], [{ lineItemId: 'li_1' }]]) {
      const bad = await r.receive(lines, v)
      expect(bad.status, JSON.stringify(lines)).toBe(400)
      expect(bad.body.error.code).toBe('validation_failed')
    }
    const http = await json(
      r.t.post(`/v1/agent/tickets/${r.ticket.id}/return-label`, {
        version: v,
        url: 'http://labels.example.com/x.pdf',
      }),
    )
    expect(http.body.error.code).toBe('validation_failed')
    // A ticket with no approved return has nothing to receive.
    const open = await r.t.request({
      number: 1006,
      type: 'return',
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
    })
    const none = await json(
      r.t.post(`/v1/agent/tickets/${open.id}/receipts`, {
        version: 1,
        lines: [{ lineItemId: 'li_1', quantity: 1 }],
      }),
    )
    expect(none.status).toBe(404)
    expect(none.body.error.code).toBe('return_not_found')
    expect(r.t.watch.calls.map((c) => c.action)).toEqual(['createReturn'])
  })

  it('answers as the OpenAPI document says', async () => {
    const r = await approvedReturn()
    const doc = await (await r.t.app.request('/v1/openapi.json')).json()
    const documented = (path: string) =>
      z.fromJSONSchema(doc.paths[path].get.responses['200'].content['application/json'].schema)
    await r.receive([{ lineItemId: 'li_1', quantity: 1 }])
    const progress = await r.progress()
    expect(
      documented('/v1/agent/tickets/{id}/return').safeParse(progress.body).error,
    ).toBeUndefined()
    const left = await json(
      r.t.app.request(`/v1/agent/tickets/${r.ticket.id}/refundable`, { headers: r.t.agent.read }),
    )
    expect(
      documented('/v1/agent/tickets/{id}/refundable').safeParse(left.body).error,
    ).toBeUndefined()
    // The check can fail: a field the document does not know is refused.
    const extra = { ...progress.body, secret: 1 }
    expect(documented('/v1/agent/tickets/{id}/return').safeParse(extra).success).toBe(false)
  })

  it('posts return.label_ready, return.received and appeasement.created, signed like the others', async () => {
    const r = await approvedReturn()
    const hook = await subscribe(r.t, [
      'return.label_ready',
      'return.received',
      'appeasement.created',
    ])
    await r.t.post(`/v1/agent/tickets/${r.ticket.id}/return-label`, {
      version: await r.version(),
      url: 'https://labels.example.com/l/1.pdf',
    })
    await r.receive([{ lineItemId: 'li_1', quantity: 1 }])
    const appeased = await json(
      r.t.post(`/v1/agent/tickets/${r.ticket.id}/appeasements`, {
        version: await r.version(),
        lineItemId: 'li_2',
        amount: { amount: 100, currency: (await r.t.demoOrder(1028)).currency },
        reason: 'goodwill',
      }),
    )
    expect(appeased.status, JSON.stringify(appeased.body)).toBe(200)
    // next() checks every delivery's signature with the endpoint's secret.
    const events = await hook.next()
    expect(events.map((e) => e.type).sort()).toEqual([
      'appeasement.created',
      'return.label_ready',
      'return.received',
    ])
    const received = events.find((e) => e.type === 'return.received')!
    expect(received.data).toMatchObject({
      ticket: { id: r.ticket.id },
      receipt: {
        by: r.t.agent.agentId,
        lines: [{ lineItemId: 'li_1', quantity: 1 }],
        refunded: { amount: r.unit },
        storeCall: 'receiveReturn',
      },
    })
  })
})
