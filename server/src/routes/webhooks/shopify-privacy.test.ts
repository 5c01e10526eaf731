import { describe, expect, it } from 'vitest'
import { interceptShopify } from '../../adapters/store/shopify/testing/test-kit.ts'
import { listTicketEvents } from '../../db/tickets.repository.ts'
import { testDialect } from '../../test/harness.ts'
import { dataRequestPayload, privacySetup, redactPayload } from './privacy-test-kit.ts'

const mocks = interceptShopify()

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as any })

describe(`Shopify privacy webhooks: customers/redact and shop/redact (${testDialect})`, () => {
  it('purges one customer of one store, keeps their tickets redacted, and is idempotent', async () => {
    const t = await privacySetup(mocks)
    const ada = await t.shopper(t.store.id, 'Ada')
    const bob = await t.shopper(t.store.id, 'Bob')
    // The same person as a shopper of another store: that store's data is not this shop's.
    const adaElsewhere = await t.shopper(t.otherStore.id, 'Ada')
    expect(await t.traces(t.store.id, ada)).not.toEqual([])
    const bobBefore = await t.traces(t.store.id, bob)
    const otherBefore = await t.traces(t.otherStore.id, adaElsewhere)

    // A minute later, so the history reads in order (entries of one instant sort by id).
    t.clock.advance(60_000)
    const first = await json(await t.send('customers/redact', redactPayload(t.shop.domain, ada)))
    expect(first).toEqual({
      status: 200,
      // rows: the session, the sign-in it left in the activity log, and the text and email sent.
      body: { status: 'redacted', tickets: 1, orders: 1, rows: 4 },
    })
    expect(await t.traces(t.store.id, ada)).toEqual([])
    expect(await t.traces(t.store.id, bob)).toEqual(bobBefore)
    expect(await t.traces(t.otherStore.id, adaElsewhere)).toEqual(otherBefore)

    // The ticket stays for the books: its number, order and dates, and why it changed.
    const ticket = await t.db
      .selectFrom('tickets')
      .selectAll()
      .where('store_id', '=', t.store.id)
      .where('order_id', '=', ada.orderId)
      .executeTakeFirstOrThrow()
    expect(ticket).toMatchObject({
      type: 'return',
      order_name: `#${ada.orderId}`,
      contact_name: '[redacted]',
      contact_email: null,
      identity_value: null,
      comment: '[redacted]',
    })
    const history = await listTicketEvents(t.db, t.store.id, ticket.id)
    expect(history.map((e) => [e.kind, JSON.parse(e.data)])).toEqual([
      ['reply', { body: '[redacted]', channel: 'email' }],
      ['redacted', { source: 'customers/redact' }],
    ])
    const message = await t.db
      .selectFrom('chat_messages')
      .select(['text', 'author_name', 'author_kind'])
      .where('store_id', '=', t.store.id)
      .where(
        'conversation_id',
        'in',
        t.db.selectFrom('conversations').select('id').where('ticket_id', '=', ticket.id),
      )
      .executeTakeFirstOrThrow()
    expect(message).toEqual({
      text: '[redacted]',
      author_name: '[redacted]',
      author_kind: 'shopper',
    })

    // Shopify redelivers: nothing left to change, no second history entry.
    const again = await json(await t.send('customers/redact', redactPayload(t.shop.domain, ada)))
    expect(again.body).toEqual({ status: 'redacted', tickets: 0, orders: 0, rows: 0 })
    expect(await listTicketEvents(t.db, t.store.id, ticket.id)).toHaveLength(2)
  })

  it('purges every customer of the shop on shop/redact, and no other store', async () => {
    const t = await privacySetup(mocks)
    const ada = await t.shopper(t.store.id, 'Ada')
    const bob = await t.shopper(t.store.id, 'Bob')
    const cleo = await t.shopper(t.otherStore.id, 'Cleo')
    const cleoBefore = await t.traces(t.otherStore.id, cleo)
    const res = await json(
      await t.send('shop/redact', { shop_id: 954889, shop_domain: t.shop.domain }),
    )
    expect(res.body).toEqual({ status: 'redacted', tickets: 2, orders: 2, rows: 8 })
    expect(await t.traces(t.store.id, ada)).toEqual([])
    expect(await t.traces(t.store.id, bob)).toEqual([])
    expect(await t.traces(t.otherStore.id, cleo)).toEqual(cleoBefore)
    const again = await json(await t.send('shop/redact', { shop_domain: t.shop.domain }))
    expect(again.body).toEqual({ status: 'redacted', tickets: 0, orders: 0, rows: 0 })
  })

  it('refuses unsigned, forged and other-shop privacy webhooks with 401, changing nothing', async () => {
    const t = await privacySetup(mocks)
    const ada = await t.shopper(t.store.id, 'Ada')
    const before = await t.traces(t.store.id, ada)
    const payload = redactPayload(t.shop.domain, ada)
    const attempts = [
      await t.send('customers/redact', payload, { key: null }),
      await t.send('customers/redact', payload, { key: 'a-key-that-is-not-the-stores-own' }),
      await t.send('shop/redact', { shop_domain: t.shop.domain }, { key: null }),
      await t.send('customers/data_request', dataRequestPayload(t.shop.domain, ada), {
        key: 'x'.repeat(32),
      }),
      // Signed by the other store's key, sent to this store's address.
      await t.send(
        'shop/redact',
        { shop_domain: t.shop.domain },
        { storeId: t.store.id, key: 'whsec_other' },
      ),
    ]
    for (const res of attempts) {
      expect(await json(res)).toMatchObject({
        status: 401,
        body: { error: { code: 'webhook_signature_invalid' } },
      })
    }
    const wrongShop = await t.send(
      'shop/redact',
      { shop_domain: 'x' },
      { domain: t.otherShop.domain },
    )
    expect(await json(wrongShop)).toMatchObject({
      status: 401,
      body: { error: { code: 'webhook_shop_mismatch' } },
    })
    expect(await t.traces(t.store.id, ada)).toEqual(before)
    expect(await t.db.selectFrom('customer_data_requests').selectAll().execute()).toEqual([])
  })
})

describe(`Shopify privacy webhooks: customers/data_request (${testDialect})`, () => {
  it('keeps one export per request for the owners, who alone may list and download it', async () => {
    const t = await privacySetup(mocks)
    const { owner, agent, otherOwner } = await t.agents()
    const ada = await t.shopper(t.store.id, 'Ada')
    await t.shopper(t.store.id, 'Bob')
    const made = await json(
      await t.send('customers/data_request', dataRequestPayload(t.shop.domain, ada)),
    )
    expect(made.body).toEqual({ status: 'exported', created: true })
    const again = await json(
      await t.send('customers/data_request', dataRequestPayload(t.shop.domain, ada)),
    )
    expect(again.body).toEqual({ status: 'exported', created: false })

    const list = await json(
      await t.app.request('/v1/agent/privacy/data-requests', { headers: owner.read }),
    )
    expect(list.status).toBe(200)
    expect(list.body.requests).toHaveLength(1)
    const [request] = list.body.requests
    expect(request).toMatchObject({ customer: ada.email, shopifyRequestId: '9999' })
    const download = await t.app.request(request.downloadUrl, { headers: owner.read })
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/)
    const doc = (await download.json()) as any
    expect(doc.customer).toEqual({
      shopifyId: ada.customerId,
      emails: [ada.email],
      phones: [ada.phone],
    })
    expect(doc.tickets).toHaveLength(1)
    expect(doc.tickets[0]).toMatchObject({
      contactEmail: ada.email,
      comment: 'Ada here: leave it at 12 Crescent Road',
    })
    expect(doc.tickets[0].history.map((h: any) => h.data.body)).toEqual([
      `Dear Ada, we will call ${ada.phone}`,
    ])
    expect(doc.tickets[0].messages.map((m: any) => m.text)).toEqual(['My card ends 4242, I am Ada'])
    expect(doc.tickets[0].rating).toMatchObject({ score: 5, comment: 'Thanks, Ada is happy' })
    expect(doc.sessions).toHaveLength(1)
    // What the outbox sent them, without the parameters (a reply token, a code's derivation).
    expect(doc.messagesSent.map((m: any) => [m.channel, m.to])).toEqual(
      expect.arrayContaining([
        ['sms', ada.phone],
        ['email', ada.email],
      ]),
    )
    expect(doc.messagesSent).toHaveLength(2)
    expect(doc.messagesSent.every((m: any) => !('details' in m) && !('params' in m))).toBe(true)
    expect(doc.cachedOrders.map((o: any) => o.shopifyOrderId)).toEqual([ada.orderId])
    // Nothing of Bob's is in Ada's export.
    expect(JSON.stringify(doc)).not.toContain('bob@example.com')
    expect(JSON.stringify(doc)).not.toMatch(/"tokenHash"|token_hash/)

    // An agent who is not an owner, and the owner of another store, get nothing.
    for (const path of ['/v1/agent/privacy/data-requests', request.downloadUrl]) {
      const byAgent = await json(await t.app.request(path, { headers: agent.read }))
      expect(byAgent).toMatchObject({ status: 403, body: { error: { code: 'owner_required' } } })
    }
    const otherList = await json(
      await t.app.request('/v1/agent/privacy/data-requests', { headers: otherOwner.read }),
    )
    expect(otherList).toEqual({ status: 200, body: { requests: [] } })
    const otherDownload = await json(
      await t.app.request(request.downloadUrl, { headers: otherOwner.read }),
    )
    expect(otherDownload).toMatchObject({
      status: 404,
      body: { error: { code: 'data_request_not_found' } },
    })
    const anonymous = await t.app.request(request.downloadUrl)
    expect(anonymous.status).toBe(401)

    // A later customers/redact removes the export too: it holds the very data being erased.
    await t.send('customers/redact', redactPayload(t.shop.domain, ada))
    const after = await json(
      await t.app.request('/v1/agent/privacy/data-requests', { headers: owner.read }),
    )
    expect(after.body.requests).toEqual([])
  })
})
