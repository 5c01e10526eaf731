import { describe, expect, it } from 'vitest'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { testDialect } from '../../test/harness.ts'
import { ticketActionsSetup } from '../../test/ticket-actions.ts'

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

/** An issue about #1028 (2 mugs on li_1, a vase on li_2), paid and delivered. */
async function setup() {
  const t = await ticketActionsSetup()
  const ticket = await t.request({
    number: 1028,
    type: 'issue',
    reason: 'damaged_item',
    identity_value: DEMO_SHOPPERS.chidi.email,
  })
  const order = await t.demoOrder(1028)
  const version = async () => (await t.view(ticket.id)).ticket.version as number
  const appease = async (body: Record<string, unknown>, headers?: Record<string, string>) =>
    json(
      t.post(
        `/v1/agent/tickets/${ticket.id}/appeasements`,
        { version: await version(), reason: 'damaged', ...body },
        headers,
      ),
    )
  const refundable = async (headers = t.agent.read) =>
    json(t.app.request(`/v1/agent/tickets/${ticket.id}/refundable`, { headers }))
  return { t, ticket, order, version, appease, refundable }
}

describe(`appeasements per line (${testDialect})`, () => {
  it('refunds part of one line, with its reason and comment, and shows what each line has left', async () => {
    const s = await setup()
    const mugs = s.order.lineItems[0]!
    const value = mugs.price.amount * mugs.quantity
    const before = await s.refundable()
    expect(before.body.lines[0]).toMatchObject({
      lineItemId: 'li_1',
      refundable: { amount: value },
    })
    expect(before.body.total.amount).toBe(s.order.totals.paid.amount)

    const amount = { amount: 300, currency: s.order.currency }
    const done = await s.appease({ lineItemId: 'li_1', amount, comment: 'Chipped rim, kept' })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(s.t.watch.calls).toEqual([
      {
        action: 'refund',
        orderId: s.t.order(1028),
        input: expect.objectContaining({
          amount,
          lines: [{ lineItemId: 'li_1', quantity: 1 }],
          idempotencyKey: `porchlight-${s.ticket.id}-appeasement-1`,
        }),
      },
    ])
    const after = await s.refundable()
    expect(after.body.lines[0].refundable.amount).toBe(value - 300)
    expect(after.body.lines[1].refundable.amount).toBe(s.order.lineItems[1]!.price.amount)
    expect(after.body.total.amount).toBe(s.order.totals.paid.amount - 300)
    const event = done.body.history.find((e: { kind: string }) => e.kind === 'appeased')
    expect(event).toMatchObject({
      actor: { kind: 'agent', id: s.t.agent.agentId },
      data: {
        lineItemId: 'li_1',
        amount,
        reason: 'damaged',
        comment: 'Chipped rim, kept',
        storeCall: 'refund',
      },
    })
    // The shopper hears of the refund, not of the agent's comment.
    await s.t.drainOutbox()
    const mail = s.t.deps.devOutbox!.list()[0]!
    expect(mail.channel === 'email' && mail.text).toContain('We have refunded')
    expect(mail.channel === 'email' && mail.text).not.toContain('Chipped rim')

    // A second appeasement gets its own key.
    await s.appease({ lineItemId: 'li_1', amount: { amount: 100, currency: s.order.currency } })
    expect(s.t.watch.calls.at(-1)?.input).toMatchObject({
      idempotencyKey: `porchlight-${s.ticket.id}-appeasement-2`,
    })
  })

  it('refuses more than the line has left, another order’s line and a bad reason, without a store call', async () => {
    const s = await setup()
    const vase = s.order.lineItems[1]!
    const over = await s.appease({
      lineItemId: 'li_2',
      amount: { amount: vase.price.amount + 1, currency: s.order.currency },
    })
    expect(over.status).toBe(422)
    expect(over.body.error.code).toBe('appeasement_exceeds_line')
    expect(over.body.error.details.refundable).toEqual(vase.price)
    const unknown = await s.appease({
      lineItemId: 'li_99',
      amount: { amount: 100, currency: s.order.currency },
    })
    expect(unknown.body.error.code).toBe('line_not_on_order')
    const currency = await s.appease({
      lineItemId: 'li_2',
      amount: { amount: 100, currency: 'USD' },
    })
    expect(currency.body.error).toMatchObject({
      code: 'refund_not_allowed',
      details: { reason: 'currency_mismatch' },
    })
    const reason = await s.appease({
      lineItemId: 'li_2',
      amount: { amount: 100, currency: s.order.currency },
      reason: 'because',
    })
    expect(reason.status).toBe(400)
    expect(s.t.watch.calls).toEqual([])
    // Exactly the remainder is fine.
    const all = await s.appease({ lineItemId: 'li_2', amount: vase.price })
    expect(all.status).toBe(200)
    expect((await s.refundable()).body.lines[1].refundable.amount).toBe(0)
  })

  it('lets many simultaneous appeasements refund once', async () => {
    const s = await setup()
    const v = await s.version()
    const second = await signInAgent(s.t, 'st_demo', 'second@example.com')
    const body = {
      version: v,
      lineItemId: 'li_1',
      reason: 'goodwill',
      amount: { amount: 500, currency: s.order.currency },
    }
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        json(
          s.t.post(
            `/v1/agent/tickets/${s.ticket.id}/appeasements`,
            body,
            i % 2 ? second.write : undefined,
          ),
        ),
      ),
    )
    expect(s.t.watch.calls).toHaveLength(1)
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(5)
    expect((await s.t.demoOrder(1028)).totals.refunded.amount).toBe(500)
  })

  it('keeps to the agent’s store', async () => {
    const s = await setup()
    await insertOtherStore(s.t)
    const other = await signInAgent(s.t, 'st_other')
    const res = await s.appease(
      { lineItemId: 'li_1', amount: { amount: 100, currency: s.order.currency } },
      other.write,
    )
    expect(res.status).toBe(404)
    expect((await s.refundable(other.read)).status).toBe(404)
    expect(s.t.watch.calls).toEqual([])
  })
})
