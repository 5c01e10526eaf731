import { describe, expect, it } from 'vitest'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { mintShopperSession, testDialect } from '../../test/harness.ts'
import { editDemoOrder, ticketActionsSetup } from '../../test/ticket-actions.ts'

const json = async (res: Response) => ({ status: res.status, body: await res.json() })

describe(`decisions on requests (${testDialect})`, () => {
  it('approving a cancel cancels and refunds the order on the store, and the shopper sees it', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    const before = await t.demoOrder(1001)
    expect(before.totals.paid.amount).toBeGreaterThan(0)

    const { status, body } = await json(
      await t.decide(ticket.id, { version: 1, decision: 'approve' }),
    )
    expect(status).toBe(200)
    expect(body.ticket).toMatchObject({
      requestStatus: 'approved',
      status: 'resolved',
      refundStatus: 'released',
      version: 3,
    })
    expect(body.order.order).toMatchObject({ status: 'cancelled', financialStatus: 'refunded' })
    expect(body.order.displayStatus).toBe('cancelled')
    // The same view as GET /v1/agent/tickets/:id: a request has no conversation.
    expect(body).toHaveProperty('conversationId', null)
    const approved = body.history.find((e: { kind: string }) => e.kind === 'approved')
    expect(approved).toMatchObject({
      actor: { kind: 'agent', id: t.agent.agentId },
      data: { type: 'cancel', orderStatus: 'cancelled', refundStatus: 'released' },
    })
    expect(approved.data.refunded).toEqual(before.totals.paid)
    expect(t.watch.calls).toEqual([
      {
        action: 'cancelOrder',
        orderId: t.order(1001),
        input: expect.objectContaining({ reason: 'customer', refund: true, restock: true }),
      },
    ])

    // The shopper's own order API shows the order cancelled.
    const session = await mintShopperSession(t, 'st_demo', {
      kind: 'email',
      value: DEMO_SHOPPERS.ada.email,
    })
    const shopper = await t.app.request(`/v1/orders/${t.order(1001)}`, { headers: session.headers })
    expect((await shopper.json()).order.status.code).toBe('cancelled')

    // Told by email, in the transaction of the decision.
    const queued = await t.outbox()
    expect(queued.map((m) => [m.channel, m.recipient, m.template])).toEqual([
      ['email', DEMO_SHOPPERS.ada.email, 'ticket-notice'],
    ])
    await t.drainOutbox()
    const mail = t.deps.devOutbox!.list()[0]!
    expect(mail).toMatchObject({ channel: 'email', subject: 'Order #1001 is cancelled' })
    if (mail.channel === 'email') expect(mail.text).toContain('original payment method')
  })

  it('tells a French shopper in French, with the reason as text', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({
      number: 1012,
      locale: 'fr-FR',
      identity_value: DEMO_SHOPPERS.bruno.email,
    })
    const reason = 'Déjà préparée <b>désolé</b>'
    const res = await t.decide(ticket.id, { version: 1, decision: 'decline', reason })
    expect(res.status).toBe(200)
    expect(t.watch.calls).toEqual([])
    await t.drainOutbox()
    const mail = t.deps.devOutbox!.list()[0]!
    expect(mail.channel).toBe('email')
    if (mail.channel !== 'email') return
    expect(mail.to).toBe(DEMO_SHOPPERS.bruno.email)
    expect(mail.subject).toBe('Votre demande d’annulation de la commande #1012')
    expect(mail.text).toContain(
      'Nous n’avons pas pu accepter votre demande d’annulation de la commande #1012.',
    )
    expect(mail.text).toContain('Un mot de Lumen & Loom :')
    expect(mail.text).toContain(reason)
    expect(mail.html).toContain('lang="fr"')
    expect(mail.html).toContain('Déjà préparée &lt;b&gt;désolé&lt;/b&gt;')
    expect(mail.html).not.toContain('<b>')
  })

  it('texts a shopper who signed in with a phone only', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({
      number: 1029,
      identity_kind: 'phone',
      identity_value: DEMO_SHOPPERS.chidi.phone,
      locale: 'de',
    })
    const res = await t.decide(ticket.id, {
      version: 1,
      decision: 'decline',
      reason: 'Schon unterwegs',
    })
    expect(res.status).toBe(200)
    await t.drainOutbox()
    const sms = t.deps.devOutbox!.list()[0]!
    expect(sms).toMatchObject({ channel: 'sms', to: DEMO_SHOPPERS.chidi.phone })
    expect(sms.text).toContain(
      'Lumen & Loom: Wir konnten Ihre Anfrage, Bestellung #1029 zu stornieren',
    )
    expect(sms.text).toContain('Schon unterwegs')
  })

  it('refuses to cancel an order that shipped after the request, says why, and changes nothing', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    t.clock.advance(3_600_000)
    await editDemoOrder(t, t.order(1001), (o) => {
      o.fulfillmentStatus = 'fulfilled'
      o.shipments = [
        {
          id: 'sh_late',
          carrier: 'UPS',
          trackingNumber: '1Z999',
          trackingUrl: null,
          estimatedDeliveryAt: null,
          createdAt: t.clock.now().toISOString(),
          events: [],
          lines: o.lineItems.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
        },
      ]
    })
    const { status, body } = await json(
      await t.decide(ticket.id, { version: 1, decision: 'approve' }),
    )
    expect(status).toBe(422)
    expect(body.error.code).toBe('decision_not_allowed')
    expect(body.error.details).toEqual({
      reason: 'order_already_fulfilled',
      data: { rule: 'already_fulfilled' },
    })
    expect(t.watch.calls).toEqual([])
    const after = await t.view(ticket.id)
    expect(after.ticket).toMatchObject({ requestStatus: 'requested', status: 'open' })
    // The attempt is in the history, for the next agent; nothing else changed.
    expect(after.history).toEqual([
      expect.objectContaining({
        kind: 'approval_failed',
        actor: { kind: 'agent', id: t.agent.agentId },
        data: {
          code: 'decision_not_allowed',
          reason: 'order_already_fulfilled',
          message: 'The order has shipped since the request, so it cannot be cancelled.',
        },
      }),
    ])
    expect(await t.outbox()).toEqual([])
    expect((await t.demoOrder(1001)).status).toBe('open')
    // The claim was given back: the ticket can still be declined.
    const declined = await t.decide(ticket.id, {
      version: after.ticket.version,
      decision: 'decline',
      reason: 'It shipped already',
    })
    expect(declined.status).toBe(200)
  })

  it('judges the return window at the time the shopper asked, the statuses as they are now', async () => {
    const t = await ticketActionsSetup()
    // #1006 was delivered 5 days ago: inside the 30-day window when asked.
    const ticket = await t.request({
      number: 1006,
      type: 'return',
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
    })
    t.clock.advance(40 * 86_400_000)
    const agent = await signInAgent(t, 'st_demo', 'later@example.com')
    const late = await t.decide(ticket.id, { version: 1, decision: 'approve' }, agent.write)
    expect(late.status).toBe(200)
    expect(t.watch.calls.map((c) => c.action)).toEqual(['createReturn'])

    // Asked when the window had already closed (#1007, delivered 45 days ago): refused.
    const old = await t.request({
      number: 1007,
      type: 'return',
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
    })
    const { status, body } = await json(
      await t.decide(old.id, { version: 1, decision: 'approve' }, agent.write),
    )
    expect(status).toBe(422)
    expect(body.error.details.reason).toBe('return_window_closed')
    expect(body.error.details.data.closedAt).toEqual(expect.any(String))
  })

  it('approves a return, refunding on receipt by default and on approval when the store says so', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({
      number: 1006,
      type: 'return',
      lines: [{ lineItemId: 'li_2', quantity: 1 }],
    })
    const { body } = await json(await t.decide(ticket.id, { version: 1, decision: 'approve' }))
    expect(body.ticket).toMatchObject({
      requestStatus: 'approved',
      refundStatus: 'pending_release',
    })
    const order = await t.demoOrder(1006)
    expect(order.returns?.at(-1)).toMatchObject({
      status: 'open',
      lines: [{ lineItemId: 'li_2', quantity: 1 }],
    })
    expect(order.totals.refunded.amount).toBe(0)
    expect(t.watch.calls.map((c) => c.action)).toEqual(['createReturn'])

    await t.db
      .updateTable('stores')
      .set({ settings: JSON.stringify({ returns: { refundOn: 'approval' } }) })
      .where('id', '=', 'st_demo')
      .execute()
    const second = await t.request({
      number: 1028,
      type: 'return',
      lines: [{ lineItemId: 'li_1', quantity: 2 }],
      identity_value: DEMO_SHOPPERS.chidi.email,
    })
    const before = await t.demoOrder(1028)
    const res = await json(await t.decide(second.id, { version: 1, decision: 'approve' }))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.ticket).toMatchObject({ requestStatus: 'approved', refundStatus: 'released' })
    const unit = before.lineItems[0]!.price.amount
    const after = await t.demoOrder(1028)
    expect(after.totals.refunded.amount).toBe(2 * unit)
    expect(after.lineItems[0]!.refundedQuantity).toBe(2)
    expect(res.body.order.order.totals.refunded.amount).toBe(2 * unit)
    await t.drainOutbox()
    const mail = t.deps.devOutbox!.list()[0]!
    if (mail.channel === 'email')
      expect(mail.text).toContain('is on its way to your original payment method')
  })

  it('approves an issue without touching the store, and keeps it open for the reply or refund', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1004, type: 'issue', reason: 'damaged_item' })
    const { body } = await json(await t.decide(ticket.id, { version: 1, decision: 'approve' }))
    expect(body.ticket).toMatchObject({ requestStatus: 'approved', status: 'open' })
    expect(t.watch.calls).toEqual([])
    // An agent may also keep a cancel open after approving it, or resolve an issue.
    const cancel = await t.request({ number: 1012, identity_value: DEMO_SHOPPERS.bruno.email })
    const kept = await json(
      await t.decide(cancel.id, { version: 1, decision: 'approve', keepOpen: true }),
    )
    expect(kept.body.ticket).toMatchObject({ requestStatus: 'approved', status: 'open' })
    const issue = await t.request({ number: 1004, type: 'issue' })
    const closed = await json(
      await t.decide(issue.id, { version: 1, decision: 'approve', keepOpen: false }),
    )
    expect(closed.body.ticket.status).toBe('resolved')
  })

  it('is harmless to approve twice: the same view, one store action, one message', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request({ number: 1001 })
    const first = await json(await t.decide(ticket.id, { version: 1, decision: 'approve' }))
    // A double click sends the version the agent was looking at, now stale.
    const again = await json(await t.decide(ticket.id, { version: 1, decision: 'approve' }))
    expect(again.status).toBe(200)
    expect(again.body.ticket).toEqual(first.body.ticket)
    expect(t.watch.calls).toHaveLength(1)
    expect((await t.outbox()).length).toBe(1)
    expect(
      (await t.view(ticket.id)).history.filter((e: { kind: string }) => e.kind === 'approved'),
    ).toHaveLength(1)
    // Deciding the other way afterwards is refused with the reason.
    const decline = await json(
      await t.decide(ticket.id, { version: 3, decision: 'decline', reason: 'no' }),
    )
    expect(decline.status).toBe(422)
    expect(decline.body.error.details).toEqual({
      reason: 'already_decided',
      data: { requestStatus: 'approved' },
    })
  })

  it('requires a reason to decline, and takes no decision on tickets that are not requests', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request()
    for (const reason of [undefined, '   ']) {
      const res = await json(
        await t.decide(ticket.id, {
          version: 1,
          decision: 'decline',
          ...(reason === undefined ? {} : { reason }),
        }),
      )
      expect(res.status).toBe(422)
      expect(res.body.error.details.reason).toBe('reason_required')
    }
    const contact = await t.request({ type: 'contact', request_status: null })
    const res = await json(await t.decide(contact.id, { version: 1, decision: 'approve' }))
    expect(res.body.error).toMatchObject({
      code: 'decision_not_allowed',
      details: { reason: 'not_a_request' },
    })
    for (const bad of [
      { version: 1 },
      { version: 1, decision: 'maybe' },
      { version: 0, decision: 'approve' },
      { version: 1, decision: 'approve', force: true },
    ]) {
      expect((await t.decide(ticket.id, bad)).status).toBe(400)
    }
  })

  it('answers the store’s own refusal with its message and gives the ticket back', async () => {
    const t = await ticketActionsSetup()
    const ticket = await t.request()
    t.watch.control.fail = { code: 'store_rejected', message: 'Order has already been cancelled' }
    const refused = await json(await t.decide(ticket.id, { version: 1, decision: 'approve' }))
    expect(refused).toEqual({
      status: 422,
      body: { error: { code: 'store_rejected', message: 'Order has already been cancelled' } },
    })
    t.clock.advance(1000)
    t.watch.control.fail = {
      code: 'store_unavailable',
      message: 'Shopify did not confirm the change.',
    }
    const down = await json(await t.decide(ticket.id, { version: 2, decision: 'approve' }))
    expect(down.status).toBe(502)
    expect(down.body.error).toMatchObject({
      code: 'store_unavailable',
      message: 'Shopify did not confirm the change.',
    })
    const now = await t.view(ticket.id)
    expect(now.ticket).toMatchObject({ requestStatus: 'requested', version: 3 })
    expect(now.history.map((e: { data: { message: string } }) => e.data.message)).toEqual([
      'Order has already been cancelled',
      'Shopify did not confirm the change.',
    ])
    delete t.watch.control.fail
    const ok = await t.decide(ticket.id, { version: 3, decision: 'approve' })
    expect(ok.status).toBe(200)
    expect(t.watch.calls).toHaveLength(3)
  })

  it('keeps to the agent’s store, and works with an API token', async () => {
    const t = await ticketActionsSetup()
    await insertOtherStore(t)
    const other = await signInAgent(t, 'st_other')
    const ticket = await t.request()
    const res = await t.decide(ticket.id, { version: 1, decision: 'approve' }, other.write)
    expect(res.status).toBe(404)
    expect(t.watch.calls).toEqual([])
    const { issueApiToken } = await import('../../services/agents/api-tokens.ts')
    const { token } = await issueApiToken(t.db, {
      agentId: t.agent.agentId,
      storeId: 'st_demo',
      name: 'helpdesk',
      now: t.clock.now(),
    })
    const api = await t.decide(
      ticket.id,
      { version: 1, decision: 'decline', reason: 'Out of policy' },
      {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
    )
    expect(api.status).toBe(200)
    // The console cookie without its CSRF token cannot decide.
    const forged = await t.decide(
      ticket.id,
      { version: 3, decision: 'approve' },
      { ...t.agent.read, 'content-type': 'application/json' },
    )
    expect(forged.status).toBe(403)
  })
})
