import { describe, expect, it } from 'vitest'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

describe(`refunds from a ticket (${testDialect})`, () => {
  it('refunds part of the order to the original payment method and tells the shopper', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1006, type: 'issue', locale: 'es' })
    const before = await t.demoOrder(1006)
    const amount = { amount: 1250, currency: before.currency }
    const res = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, { version: 1, amount, note: 'Late parcel' }),
    )
    expect(res.status).toBe(200)
    expect(res.body.ticket).toMatchObject({ refundStatus: 'released', version: 3 })
    expect(res.body.order.order.totals.refunded).toEqual(amount)
    expect(res.body.history.at(-1)).toMatchObject({
      kind: 'refunded',
      actor: { kind: 'agent', id: t.agent.agentId },
      data: { amount, note: 'Late parcel' },
    })
    expect((await t.demoOrder(1006)).totals.refunded).toEqual(amount)
    await t.drainOutbox()
    const mail = t.deps.devOutbox!.list()[0]!
    expect(mail).toMatchObject({ channel: 'email', to: DEMO_SHOPPERS.ada.email })
    if (mail.channel === 'email') {
      expect(mail.subject).toMatch(/^Reembolso de 12,50\sUS\$ del pedido #1006$/)
      // The note is for the store and the history, not the shopper.
      expect(mail.text).not.toContain('Late parcel')
    }
  })

  it('refuses more than what remains refundable, and other currencies, before asking the store', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({
      number: 1017,
      type: 'issue',
      identity_value: DEMO_SHOPPERS.bruno.email,
    })
    const order = await t.demoOrder(1017)
    const left = order.totals.paid.amount - order.totals.refunded.amount
    const over = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, {
        version: 1,
        amount: { amount: left + 1, currency: 'EUR' },
      }),
    )
    expect(over.status).toBe(422)
    expect(over.body.error).toMatchObject({
      code: 'refund_not_allowed',
      details: {
        reason: 'refund_exceeds_refundable',
        data: { refundable: { amount: left, currency: 'EUR' } },
      },
    })
    const usd = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, {
        version: 2,
        amount: { amount: 100, currency: 'USD' },
      }),
    )
    expect(usd.body.error.details.reason).toBe('currency_mismatch')
    expect(t.watch.calls).toEqual([])
    // Exactly what is left is fine; then nothing is.
    const all = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, {
        version: 3,
        amount: { amount: left, currency: 'EUR' },
      }),
    )
    expect(all.status).toBe(200)
    const none = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, {
        version: 5,
        amount: { amount: 1, currency: 'EUR' },
      }),
    )
    expect(none.body.error.details.reason).toBe('nothing_refundable')
  })

  it('checks the version, the body and the order', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1006, type: 'issue' })
    const stale = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, {
        version: 7,
        amount: { amount: 100, currency: 'USD' },
      }),
    )
    expect(stale.status).toBe(409)
    expect(stale.body.error.details.ticket.version).toBe(1)
    for (const amount of [
      { amount: -5, currency: 'USD' },
      { amount: 1.5, currency: 'USD' },
      { amount: 5, currency: 'usd' },
      { amount: 5 },
    ]) {
      expect(
        (await t.post(`/v1/agent/tickets/${ticket.id}/refunds`, { version: 1, amount })).status,
      ).toBe(400)
    }
    const contact = await t.request({
      type: 'contact',
      request_status: null,
      order_id: null,
      order_name: null,
    })
    const noOrder = await json(
      t.post(`/v1/agent/tickets/${contact.id}/refunds`, {
        version: 1,
        amount: { amount: 100, currency: 'USD' },
      }),
    )
    expect(noOrder.body.error.details.reason).toBe('no_order')
    expect(t.watch.calls).toEqual([])
  })

  it('releases a return’s refund that waited for the items', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({
      number: 1006,
      type: 'return',
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
    })
    const approved = await json(t.decide(ticket.id, { version: 1, decision: 'approve' }))
    expect(approved.body.ticket.refundStatus).toBe('pending_release')
    const price = (await t.demoOrder(1006)).lineItems[0]!.price
    const res = await json(
      t.post(`/v1/agent/tickets/${ticket.id}/refunds`, {
        version: 3,
        amount: price,
        note: 'Items received',
      }),
    )
    expect(res.body.ticket.refundStatus).toBe('released')
  })
})

describe(`replies to the shopper (${testDialect})`, () => {
  it('emails the reply in the shopper’s language and records it, without a new version', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({
      number: 1012,
      locale: 'fr',
      identity_value: DEMO_SHOPPERS.bruno.email,
    })
    const body = 'Bonjour, <script>alert(1)</script> nous regardons.'
    const res = await json(t.post(`/v1/agent/tickets/${ticket.id}/replies`, { body }))
    expect(res.status).toBe(201)
    expect(res.body.event).toMatchObject({
      kind: 'reply',
      actor: { kind: 'agent', id: t.agent.agentId },
      data: { body, channel: 'email' },
    })
    expect((await t.view(ticket.id)).ticket.version).toBe(1)
    await t.drainOutbox()
    const mail = t.deps.devOutbox!.list()[0]!
    expect(mail.channel).toBe('email')
    if (mail.channel !== 'email') return
    expect(mail.to).toBe(DEMO_SHOPPERS.bruno.email)
    expect(mail.subject).toBe(`Re : votre demande T-${ticket.number} à Lumen & Loom`)
    expect(mail.text).toContain(body)
    expect(mail.html).not.toContain('<script>')
  })

  it('writes to the typed email of a contact message, texts phone-only shoppers, refuses without either', async () => {
    const t = await ticketActionsSetup()
    const contact = await t.request({
      type: 'contact',
      request_status: null,
      identity_kind: null,
      identity_value: null,
      contact_email: 'grace@example.com',
      channel: 'contact-form',
    })
    expect(
      (await t.post(`/v1/agent/tickets/${contact.id}/replies`, { body: 'Hi Grace' })).status,
    ).toBe(201)
    const phone = await t.request({ identity_kind: 'phone', identity_value: '+61491570157' })
    expect(
      (await t.post(`/v1/agent/tickets/${phone.id}/replies`, { body: 'On its way' })).status,
    ).toBe(201)
    const nobody = await t.request({ identity_kind: null, identity_value: null })
    const res = await json(t.post(`/v1/agent/tickets/${nobody.id}/replies`, { body: 'Hello?' }))
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'no_shopper_contact' } } })
    expect((await t.outbox()).map((m) => [m.channel, m.recipient])).toEqual([
      ['email', 'grace@example.com'],
      ['sms', '+61491570157'],
    ])
    expect((await t.post(`/v1/agent/tickets/${phone.id}/replies`, { body: '  ' })).status).toBe(400)
  })

  it('never replies on another store’s ticket', async () => {
    const t = await ticketActionsSetup()
    await insertOtherStore(t)
    const other = await signInAgent(t, 'st_other')
    const ticket = await t.request()
    const res = await t.post(`/v1/agent/tickets/${ticket.id}/replies`, { body: 'Hi' }, other.write)
    expect(res.status).toBe(404)
    expect(await t.outbox()).toEqual([])
  })
})

describe(`the store's agents (${testDialect})`, () => {
  it('lists this store’s agents only', async () => {
    const t = await ticketActionsSetup()
    await insertOtherStore(t)
    await signInAgent(t, 'st_other')
    const res = await json(t.app.request('/v1/agent/agents', { headers: t.agent.read }))
    expect(res.body).toEqual({
      agents: [
        {
          id: t.agent.agentId,
          name: 'Agent of st_demo',
          email: 'agent-st_demo@example.com',
          role: 'agent',
          state: 'active',
          version: 1,
          createdAt: t.clock.now().toISOString(),
        },
      ],
      canEdit: false,
    })
    expect((await t.app.request('/v1/agent/agents')).status).toBe(401)
  })
})

describe(`the order beside a ticket (${testDialect})`, () => {
  it('carries the normalized order, the panel timeline and the shopper’s own view of it', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1004 })
    const view = await t.view(ticket.id)
    const order = await t.demoOrder(1004)
    expect(view.order.order).toEqual(order)
    expect(view.order.displayStatus).toBe('in_transit')
    expect(view.order.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'placed',
      'paid',
      'shipped',
      'label_created',
      'carrier_picked_up',
      'in_transit',
    ])
    expect(view.order.timeline.at(-1).message).toBe('Arrived at facility, Sacramento CA')
    expect(view.order.detail).toMatchObject({
      id: order.id,
      name: '#1004',
      status: { code: 'in_transit' },
    })
    const missing = await t.request({ order_id: 'ord_gone', order_name: '#9999' })
    expect((await t.view(missing.id)).order).toBeNull()
    const none = await t.request({ type: 'contact', request_status: null, order_id: null })
    expect((await t.view(none.id)).order).toBeNull()
  })
})
