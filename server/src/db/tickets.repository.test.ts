import { describe, expect, it } from 'vitest'
import { DEMO_STORE_ID } from '../seed/demo-store.ts'
import { createTestApp, testDialect } from '../test/harness.ts'
import {
  appendTicketEvent,
  findTicket,
  insertTicket,
  listTicketEvents,
  changeTicket,
  type NewTicket,
} from './tickets.repository.ts'

const base = (now: Date): NewTicket => ({
  store_id: DEMO_STORE_ID,
  type: 'cancel',
  status: 'open',
  channel: 'chat',
  locale: 'en',
  created_at: now.getTime(),
  updated_at: now.getTime(),
})

describe(`tickets repository (${testDialect})`, () => {
  it('numbers tickets per store without duplicates under concurrency', async () => {
    const { db, clock } = await createTestApp()
    const tickets = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute((trx) => insertTicket(trx, base(clock.now()))),
      ),
    )
    const numbers = tickets.map((t) => t.number).sort((a, b) => a - b)
    expect(new Set(numbers).size).toBe(20)
    expect(numbers[0]).toBe(1001)
    expect(numbers[19]).toBe(1020)
  })

  it('applies a change only at the version it was read at', async () => {
    const { db, clock } = await createTestApp()
    const t = await insertTicket(db, {
      ...base(clock.now()),
      request_status: 'requested',
      tags: ['porchlight'],
    })
    const decide = (request_status: 'approved' | 'declined') =>
      db.transaction().execute(async (trx) => {
        const changed = await changeTicket(trx, DEMO_STORE_ID, t.id, {
          changes: { request_status },
          expectedVersion: 1,
          now: clock.now(),
        })
        return changed?.version
      })
    const [a, b] = await Promise.all([decide('approved'), decide('declined')])
    expect([a, b].filter((v) => v === 2)).toHaveLength(1)
    expect([a, b].filter((v) => v === undefined)).toHaveLength(1)
    const fresh = await findTicket(db, DEMO_STORE_ID, t.id)
    expect(fresh?.version).toBe(2)
    expect(fresh?.tags).toEqual(['porchlight'])
  })

  it('never finds a ticket through another store', async () => {
    const { db, clock } = await createTestApp()
    const t = await insertTicket(db, base(clock.now()))
    expect(await findTicket(db, 'st_other', t.id)).toBeUndefined()
    expect(
      await changeTicket(db, 'st_other', t.id, {
        changes: { status: 'closed' },
        expectedVersion: 1,
        now: clock.now(),
      }),
    ).toBeUndefined()
    expect((await findTicket(db, DEMO_STORE_ID, t.id))?.status).toBe('open')
  })

  it('keeps the history in order', async () => {
    const { db, clock } = await createTestApp()
    const t = await insertTicket(db, base(clock.now()))
    await appendTicketEvent(db, {
      ticketId: t.id,
      storeId: DEMO_STORE_ID,
      kind: 'created',
      actor: { kind: 'shopper', id: null },
      at: clock.now(),
    })
    clock.advance(1000)
    await appendTicketEvent(db, {
      ticketId: t.id,
      storeId: DEMO_STORE_ID,
      kind: 'approved',
      actor: { kind: 'agent', id: 'ag_demo' },
      data: { note: 'ok' },
      at: clock.now(),
    })
    const events = await listTicketEvents(db, DEMO_STORE_ID, t.id)
    expect(events.map((e) => e.kind)).toEqual(['created', 'approved'])
    expect(JSON.parse(events[1]?.data ?? '{}')).toEqual({ note: 'ok' })
  })
})
