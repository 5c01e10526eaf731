import type { Order } from '@porchlight/shared/orders/model'
import { describe, expect, it } from 'vitest'
import { findDemoOrder } from '../../db/demo-orders.repository.ts'
import { findDemoStock, setDemoStock } from '../../db/demo-stock.repository.ts'
import { DEMO_SHOPPERS } from '../../seed/demo-shoppers.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { mintShopperSession, testDialect } from '../../test/harness.ts'
import { holdStoreActions, ticketActionsSetup } from '../../test/ticket-actions.ts'

const json = async (pending: Response | Promise<Response>) => {
  const res = await pending
  return { status: res.status, body: await res.json() }
}

// Demo order #1006: Ada's delivered linen throw in Sand (li_1) and a final-sale cushion (li_2).
const LARGE = 'LL-THR-SND-L'

async function setup() {
  const t = await ticketActionsSetup()
  const shopper = await mintShopperSession(t, 'st_demo', {
    kind: 'email',
    value: DEMO_SHOPPERS.ada.email,
  })
  const orderId = t.order(1006)
  const options = (line = 'li_1', headers = shopper.headers) =>
    json(t.app.request(`/v1/orders/${orderId}/lines/${line}/exchange-options`, { headers }))
  let key = 0
  const fileReturn = (lines: unknown) =>
    json(
      t.app.request(`/v1/orders/${orderId}/requests`, {
        method: 'POST',
        headers: {
          ...shopper.headers,
          'content-type': 'application/json',
          'idempotency-key': `exchange-${++key}`,
        },
        body: JSON.stringify({
          type: 'return',
          reason: 'doesnt_fit',
          lines,
          channel: 'help-center',
          locale: 'en',
        }),
      }),
    )
  const fileExchange = async (variantId = LARGE) => {
    const filed = await fileReturn([
      { lineItemId: 'li_1', quantity: 1, exchangeVariantId: variantId },
    ])
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    return filed.body.ticketId as string
  }
  const stock = async (sku: string) => (await findDemoStock(t.db, 'st_demo', [sku])).get(sku)
  const setStock = (sku: string, available: number) =>
    setDemoStock(t.db, { storeId: 'st_demo', variantId: sku, available, now: t.clock.now() })
  const exchangeCalls = () => t.watch.calls.filter((c) => c.action === 'createExchange')
  return { t, shopper, orderId, options, fileReturn, fileExchange, stock, setStock, exchangeCalls }
}

describe(`exchanges on the demo store (${testDialect})`, () => {
  it('offers only the other variants of the same product that are in stock', async () => {
    const s = await setup()
    const offered = await s.options()
    expect(offered.status).toBe(200)
    expect(offered.body).toEqual({
      lineItemId: 'li_1',
      productTitle: 'Linen throw',
      options: [
        {
          variantId: LARGE,
          title: 'Sand, large (150 × 200 cm)',
          price: { amount: 8900, currency: 'USD' },
          available: 4,
        },
        {
          variantId: 'LL-THR-OAT',
          title: 'Oat',
          price: { amount: 8900, currency: 'USD' },
          available: 5,
        },
      ],
    })
    // A final-sale line has nothing to offer (an answer, not an error: the form asks for every
    // line picked); an unknown line and another shopper's order are refused.
    const finalSale = await s.options('li_2')
    expect(finalSale.status).toBe(200)
    expect(finalSale.body).toMatchObject({ lineItemId: 'li_2', options: [], exchangeable: false })
    expect((await s.options('li_9')).body.error.code).toBe('exchange_variant_not_allowed')
    const bruno = await mintShopperSession(s.t, 'st_demo', {
      kind: 'email',
      value: DEMO_SHOPPERS.bruno.email,
    })
    const other = await s.options('li_1', bruno.headers)
    expect(other.status).toBe(404)
    expect(other.body.error.code).toBe('order_not_found')
  })

  it('refuses up front a variant of another product or one out of stock, filing nothing', async () => {
    const s = await setup()
    const otherProduct = await s.fileReturn([
      { lineItemId: 'li_1', quantity: 1, exchangeVariantId: 'LL-MUG-SGE' },
    ])
    expect(otherProduct.status).toBe(422)
    expect(otherProduct.body.error).toMatchObject({
      code: 'exchange_variant_not_allowed',
      details: { lineItemId: 'li_1' },
    })
    const soldOut = await s.fileReturn([
      { lineItemId: 'li_1', quantity: 1, exchangeVariantId: 'LL-THR-CHR' },
    ])
    expect(soldOut.status).toBe(409)
    expect(soldOut.body.error.code).toBe('exchange_out_of_stock')
    const tickets = await s.t.db.selectFrom('tickets').select('id').execute()
    expect(tickets).toEqual([])
  })

  it('makes the exchange on approval: an E order, linked both ways, nothing refunded', async () => {
    const s = await setup()
    const { t } = s
    const ticketId = await s.fileExchange()
    const before = await t.view(ticketId)
    expect(before.ticket.lines).toEqual([
      {
        lineItemId: 'li_1',
        quantity: 1,
        exchange: { variantId: LARGE, title: 'Sand, large (150 × 200 cm)' },
      },
    ])
    const approved = await json(t.decide(ticketId, { version: 1, decision: 'approve' }))
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(s.exchangeCalls()).toHaveLength(1)
    expect(t.watch.calls.map((c) => c.action)).toEqual(['createExchange'])

    const original = await t.demoOrder(1006)
    const link = original.linkedOrders?.[0]
    expect(link).toMatchObject({ relation: 'exchange', orderName: '#1006E' })
    expect(original.totals.refunded.amount).toBe(0)
    expect(original.returns?.at(-1)?.lines).toEqual([{ lineItemId: 'li_1', quantity: 1 }])
    const row = await findDemoOrder(t.db, 'st_demo', link!.orderId)
    const made = JSON.parse(row!.data) as Order
    expect(made).toMatchObject({
      name: '#1006E',
      email: DEMO_SHOPPERS.ada.email,
      financialStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      totals: { total: { amount: 0 }, paid: { amount: 0 } },
      tags: ['exchange'],
      linkedOrders: [{ relation: 'exchange_of', orderId: t.order(1006), orderName: '#1006' }],
      lineItems: [{ title: 'Linen throw', variantTitle: 'Sand, large (150 × 200 cm)', sku: LARGE }],
    })
    expect(await s.stock(LARGE)).toBe(3)

    // The history names the store call; the shopper's return shows the exchange order.
    const approvedEvent = approved.body.history.find((e: { kind: string }) => e.kind === 'approved')
    expect(approvedEvent.data).toMatchObject({
      storeCall: 'createExchange',
      exchange: { orderId: link!.orderId, orderName: '#1006E' },
    })
    const mine = await json(t.app.request('/v1/requests', { headers: s.shopper.headers }))
    expect(mine.body.requests[0].returnProgress.exchange).toEqual({
      orderId: link!.orderId,
      orderName: '#1006E',
      lines: [
        { lineItemId: 'li_1', variantId: LARGE, title: 'Sand, large (150 × 200 cm)', quantity: 1 },
      ],
    })
    const list = await json(t.app.request('/v1/orders', { headers: s.shopper.headers }))
    expect(list.body.orders.map((o: { name: string }) => o.name)).toContain('#1006E')

    // Receiving the throw back refunds nothing: the large one was sent instead.
    const version = (await t.view(ticketId)).ticket.version
    const received = await json(
      t.post(`/v1/agent/tickets/${ticketId}/receipts`, {
        version,
        lines: [{ lineItemId: 'li_1', quantity: 1 }],
      }),
    )
    expect(received.status, JSON.stringify(received.body)).toBe(200)
    expect((await t.demoOrder(1006)).totals.refunded.amount).toBe(0)
  })

  it('refuses in plain words when the variant ran out since, and refunds instead on request', async () => {
    const s = await setup()
    const { t } = s
    const ticketId = await s.fileExchange()
    await s.setStock(LARGE, 0)
    const refused = await json(t.decide(ticketId, { version: 1, decision: 'approve' }))
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('exchange_out_of_stock')
    expect(refused.body.error.message).toBe(
      '“Linen throw — Sand, large (150 × 200 cm)” is out of stock now. Approve with a refund ' +
        'instead, or ask the shopper to pick another variant.',
    )
    expect(refused.body.error.details.variants).toEqual([
      {
        lineItemId: 'li_1',
        title: 'Linen throw — Sand, large (150 × 200 cm)',
        wanted: 1,
        available: 0,
      },
    ])
    expect(t.watch.calls).toEqual([])
    const after = await t.view(ticketId)
    expect(after.ticket.requestStatus).toBe('requested')
    expect((await t.demoOrder(1006)).linkedOrders).toBeUndefined()

    const refund = await json(
      t.decide(ticketId, { version: after.ticket.version, decision: 'approve', instead: 'refund' }),
    )
    expect(refund.status, JSON.stringify(refund.body)).toBe(200)
    expect(t.watch.calls.map((c) => c.action)).toEqual(['createReturn'])
    expect(refund.body.ticket.refundStatus).toBe('pending_release')
    const event = refund.body.history.find((e: { kind: string }) => e.kind === 'approved')
    expect(event.data).toMatchObject({ storeCall: 'createReturn', insteadOfExchange: 'refund' })
    // The store refunds on receipt (its default): the throw coming back is refunded in full.
    const received = await json(
      t.post(`/v1/agent/tickets/${ticketId}/receipts`, {
        version: refund.body.ticket.version,
        lines: [{ lineItemId: 'li_1', quantity: 1 }],
      }),
    )
    expect(received.status, JSON.stringify(received.body)).toBe(200)
    expect((await t.demoOrder(1006)).totals.refunded.amount).toBe(8900)
  })

  it('makes one exchange when two approvals race', async () => {
    const s = await setup()
    const { t } = s
    const ticketId = await s.fileExchange()
    const held = holdStoreActions(t.watch)
    const first = json(t.decide(ticketId, { version: 1, decision: 'approve' }))
    await held.started
    // The claim moved the version on by one: an approval at that version finds it busy.
    const second = await json(t.decide(ticketId, { version: 2, decision: 'approve' }))
    expect(second.status).toBe(409)
    expect(second.body.error.code).toBe('action_in_progress')
    held.release()
    expect((await first).status).toBe(200)
    expect(s.exchangeCalls()).toHaveLength(1)
    expect(await s.stock(LARGE)).toBe(3)
    const rows = await t.db
      .selectFrom('demo_orders')
      .select('name')
      .where('name', 'like', '%E')
      .execute()
    expect(rows.map((r) => r.name)).toEqual(['#1006E'])
  })

  it('makes one exchange when two approvals arrive at once, unheld', async () => {
    const s = await setup()
    const ticketId = await s.fileExchange()
    const answers = await Promise.all(
      [1, 2].map(() => json(s.t.decide(ticketId, { version: 1, decision: 'approve' }))),
    )
    // One makes it; the other is refused as busy, or, if it read the ticket once the first had
    // finished, answers the approved ticket as it is (deciding again the same way).
    expect(answers.map((a) => a.status)).toContain(200)
    for (const a of answers) expect([200, 409]).toContain(a.status)
    expect(s.exchangeCalls()).toHaveLength(1)
    expect(await s.stock(LARGE)).toBe(3)
  })

  it('leaves the ticket as it was when the store refuses, with its answer in the history', async () => {
    const s = await setup()
    const { t } = s
    const ticketId = await s.fileExchange()
    t.watch.control.fail = {
      code: 'store_rejected',
      message: 'The shop is closed for stocktaking.',
    }
    const refused = await json(t.decide(ticketId, { version: 1, decision: 'approve' }))
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({
      code: 'store_rejected',
      message: 'The shop is closed for stocktaking.',
    })
    const view = await t.view(ticketId)
    expect(view.ticket.requestStatus).toBe('requested')
    const failed = view.history.find((e: { kind: string }) => e.kind === 'approval_failed')
    expect(failed.data).toMatchObject({ code: 'store_rejected' })
    expect(await s.stock(LARGE)).toBeUndefined()
  })

  it('keeps the agent options to the agent’s own store', async () => {
    const s = await setup()
    const path = `/v1/agent/orders/${s.orderId}/lines/li_1/exchange-options`
    const own = await json(s.t.app.request(path, { headers: s.t.agent.read }))
    expect(own.status).toBe(200)
    expect(own.body.options.map((o: { variantId: string }) => o.variantId)).toEqual([
      LARGE,
      'LL-THR-OAT',
    ])
    await insertOtherStore(s.t)
    const stranger = await signInAgent(s.t, 'st_other')
    const other = await json(s.t.app.request(path, { headers: stranger.read }))
    expect(other.status).toBe(404)
    const shopperOnAgentRoute = await json(s.t.app.request(path, { headers: s.shopper.headers }))
    expect(shopperOnAgentRoute.status).toBe(401)
  })
})
