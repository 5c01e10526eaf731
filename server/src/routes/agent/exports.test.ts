import { describe, expect, it } from 'vitest'
import type { OrderLookupPage } from '@porchlight/shared/api/order-lookup'
import { insertTicket } from '../../db/tickets.repository.ts'
import { insertOtherStore, signInAgent } from '../../test/agents.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

async function setup() {
  const ctx = await createTestApp()
  await insertOtherStore(ctx)
  const agent = await signInAgent(ctx)
  const ticket = (storeId: string, name: string | null, email: string) =>
    insertTicket(ctx.db, {
      store_id: storeId,
      type: 'contact',
      status: 'open',
      channel: 'contact-form',
      contact_name: name,
      contact_email: email,
      locale: 'en',
      created_at: ctx.clock.now().getTime(),
      updated_at: ctx.clock.now().getTime(),
    })
  const csv = async (path: string, headers: Record<string, string> = agent.read) => {
    const res = await ctx.app.request(path, { headers })
    const bytes = new Uint8Array(await res.arrayBuffer())
    return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
  }
  return { ...ctx, agent, ticket, csv }
}

describe(`CSV exports (${testDialect})`, () => {
  it('exports exactly the orders the filters show, every page, with a BOM and a header', async () => {
    const t = await setup()
    const { res, bytes, text } = await t.csv('/v1/agent/orders/export.csv?email=bruno@example.com')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain('attachment')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = text.slice(1).split('\r\n').filter(Boolean)
    expect(lines[0]).toBe(
      'Order,Created,Customer,Email,Phone,Postal code,Status,Payment,Fulfilment,Total,Currency,Tickets',
    )
    // The same orders, in the same order, as the lookup shows page by page.
    const shown: string[] = []
    let cursor: string | null = null
    do {
      const res = await t.app.request(
        `/v1/agent/orders?email=bruno@example.com&pageSize=10${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: t.agent.read },
      )
      const page = (await res.json()) as OrderLookupPage
      shown.push(...page.orders.map((o) => o.name))
      cursor = page.nextCursor
    } while (cursor !== null)
    expect(shown.length).toBeGreaterThan(5)
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shown)
    // Accents arrive intact (UTF-8).
    expect(text).toContain('Bruno Lefèvre')
  })

  it('exports the queue as its filters show it; another store and formulas stay out', async () => {
    const t = await setup()
    await t.ticket('st_demo', '=cmd|"/c calc"!A1', 'mallory@example.com')
    await t.ticket('st_demo', 'Zoë', 'zoe@example.com')
    await t.ticket('st_other', 'Other shopper', 'other@example.com')
    const { text } = await t.csv('/v1/agent/tickets/export.csv?type=contact')
    const lines = text.slice(1).split('\r\n').filter(Boolean)
    expect(lines[0]?.startsWith('Ticket,Type,Status')).toBe(true)
    expect(lines).toHaveLength(3)
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`)
    expect(text).toContain('Zoë')
    expect(text).not.toContain('other@example.com')
    const searched = await t.csv('/v1/agent/tickets/export.csv?q=zoe')
    expect(searched.text.slice(1).split('\r\n').filter(Boolean)).toHaveLength(2)
  })

  it('refuses bad filters with 400 before streaming anything, and strangers with 401', async () => {
    const t = await setup()
    expect((await t.csv('/v1/agent/orders/export.csv?from=someday')).res.status).toBe(400)
    expect((await t.csv('/v1/agent/tickets/export.csv?status=lost')).res.status).toBe(400)
    expect((await t.csv('/v1/agent/orders/export.csv', {})).res.status).toBe(401)
    expect((await t.csv('/v1/agent/tickets/export.csv', {})).res.status).toBe(401)
  })
})
