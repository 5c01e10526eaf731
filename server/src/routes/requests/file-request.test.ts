import { describe, expect, it } from 'vitest'
import type { RequestFiled } from '@porchlight/shared/api/requests'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { DEMO_STORE_ID } from '../../seed/demo-store.ts'
import { signInAgent } from '../../test/agents.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'
import {
  ada,
  bruno,
  cancelRequest,
  chidiPhone,
  delivered,
  errorCode,
  id,
  postRequest,
  signIn,
  throwReturn,
  tickets,
} from './requests-test-support.ts'

describe(`POST /v1/orders/:id/requests (${testDialect})`, () => {
  it('files a return as a ticket and acknowledges it once, by email', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(
      ctx,
      id(1006),
      { ...throwReturn, comment: 'Too small for the sofa.' },
      await signIn(ctx, ada),
    )
    expect(res.status).toBe(201)
    const filed = (await res.json()) as RequestFiled
    expect(filed).toEqual({
      ticketId: expect.stringMatching(/^tk_/),
      reference: 'T-1001',
      type: 'return',
      requestStatus: 'requested',
      createdAt: ctx.clock.now().toISOString(),
    })

    const [ticket, ...others] = await tickets(ctx)
    expect(others).toEqual([])
    expect(ticket).toMatchObject({
      id: filed.ticketId,
      number: 1001,
      type: 'return',
      status: 'open',
      request_status: 'requested',
      channel: 'chat',
      order_id: id(1006),
      order_name: '#1006',
      identity_kind: 'email',
      identity_value: 'ada@example.com',
      locale: 'en',
      reason: 'doesnt_fit',
      comment: 'Too small for the sofa.',
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
      tags: ['porchlight', 'portal'],
    })
    const events = await ctx.db
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_id', '=', filed.ticketId)
      .execute()
    expect(events.map((e) => [e.kind, e.actor_kind])).toEqual([['created', 'shopper']])

    const sent = await delivered(ctx)
    expect(sent).toHaveLength(1)
    const mail = sent[0]
    if (mail?.channel !== 'email') throw new Error('expected an email')
    expect(mail.to).toBe('ada@example.com')
    expect(mail.subject).toBe('Lumen & Loom: we received your request T-1001')
    expect(mail.text).toContain('We received your return request T-1001 for order #1006.')
    expect(mail.text).toContain('The Lumen & Loom team will review it')
    expect(mail.text).not.toMatch(/refund/i)
    // The shopper's words are not echoed back.
    expect(mail.text).not.toContain('sofa')
    expect(mail.html).toContain('Lumen &amp; Loom')
  })

  it('files a cancellation for an order that offers it (#1001)', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1001), cancelRequest, await signIn(ctx, ada))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ type: 'cancel', requestStatus: 'requested' })
    const [ticket] = await tickets(ctx)
    expect(ticket).toMatchObject({
      type: 'cancel',
      channel: 'help-center',
      reason: 'ordered_by_mistake',
      comment: null,
      lines: [],
    })
    const sent = await delivered(ctx)
    expect(sent.map((m) => m.channel === 'email' && m.text.split('\n')[0])).toEqual([
      'We received your request T-1001 to cancel order #1001.',
    ])
  })

  it("files an issue with a reason of the order's scenario, and refuses another scenario's", async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, ada)
    const issue = { type: 'issue', reason: 'tracking_not_updating', channel: 'chat', locale: 'en' }
    const res = await postRequest(ctx, id(1004), issue, headers)
    expect(res.status).toBe(201)
    expect((await tickets(ctx))[0]).toMatchObject({
      type: 'issue',
      reason: 'tracking_not_updating',
    })

    const wrong = await postRequest(ctx, id(1003), { ...issue, reason: 'damaged_item' }, headers)
    expect(wrong.status).toBe(422)
    expect(errorCode(await wrong.json())).toBe('invalid_reason')
  })

  it('acknowledges in the language of the request (fr)', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(
      ctx,
      id(1012),
      { ...cancelRequest, locale: 'FR-fr' },
      await signIn(ctx, bruno),
    )
    expect(res.status).toBe(201)
    // Kept in its canonical spelling.
    expect((await tickets(ctx))[0]?.locale).toBe('fr-FR')
    const sent = await delivered(ctx)
    expect(sent).toHaveLength(1)
    const mail = sent[0]
    if (mail?.channel !== 'email') throw new Error('expected an email')
    expect(mail.to).toBe('bruno@example.com')
    expect(mail.subject).toBe('Lumen & Loom : nous avons bien reçu votre demande T-1001')
    expect(mail.text).toContain('d’annulation de la commande #1012')
    expect(mail.html).toContain('<html lang="fr" dir="ltr">')
  })

  it('texts a phone-verified shopper whose order has no email, and emails one whose has', async () => {
    const ctx = await createTestApp()
    const headers = await signIn(ctx, chidiPhone)
    const issue = { type: 'issue', reason: 'package_delayed', channel: 'chat', locale: 'en' }
    expect((await postRequest(ctx, id(1029), issue, headers)).status).toBe(201)
    expect((await postRequest(ctx, id(1021), issue, headers)).status).toBe(201)
    const sent = await delivered(ctx)
    expect(sent.map((m) => [m.channel, m.to])).toEqual([
      ['sms', DEMO_SHOPPERS.chidi.phone],
      ['email', DEMO_SHOPPERS.chidi.email],
    ])
    expect(sent[0]?.text).toBe(
      'Lumen & Loom: we received your request T-1001 about order #1029. The team will review it and get back to you.',
    )
    expect((await tickets(ctx))[0]).toMatchObject({
      identity_kind: 'phone',
      identity_value: DEMO_SHOPPERS.chidi.phone,
    })
  })

  it('stores what the shopper wrote exactly as given', async () => {
    const ctx = await createTestApp()
    const comment = ' <b>bold</b> & <script>alert("x")</script>\n\tline two  é 😀 '
    const res = await postRequest(
      ctx,
      id(1006),
      { ...throwReturn, comment },
      await signIn(ctx, ada),
    )
    expect(res.status).toBe(201)
    const [ticket] = await tickets(ctx)
    expect(ticket?.comment).toBe(comment)
    // The agents' API hands it out as the same text (the console renders it as text).
    const agent = await signInAgent(ctx)
    const view = await ctx.app.request(`/v1/agent/tickets/${ticket?.id}`, { headers: agent.read })
    expect(((await view.json()) as { ticket: { comment: string } }).ticket.comment).toBe(comment)
    // And the acknowledgement carries none of it.
    expect(JSON.stringify(await delivered(ctx))).not.toContain('script')
  })
})

describe(`the ticket write (${testDialect})`, () => {
  it('stores the idempotency record beside the ticket, scoped to the session', async () => {
    const ctx = await createTestApp()
    const res = await postRequest(ctx, id(1001), cancelRequest, await signIn(ctx, ada), 'k-1')
    const filed = (await res.json()) as RequestFiled
    const records = await ctx.db.selectFrom('idempotency_keys').selectAll().execute()
    expect(records).toEqual([
      expect.objectContaining({
        store_id: DEMO_STORE_ID,
        scope: expect.stringMatching(/^session:ss_/),
        key: 'k-1',
        ticket_id: filed.ticketId,
      }),
    ])
  })
})
