import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../logger.ts'
import { testDialect } from '../../test/harness.ts'
import type { BusNotice, EventBus } from './event-bus.ts'
import { createPostgresBus } from './postgres-bus.ts'

const url = process.env['TEST_DATABASE_URL']
const pools: pg.Pool[] = []
const buses: EventBus[] = []
afterAll(async () => {
  for (const bus of buses) await bus.close()
  for (const pool of pools) await pool.end()
})

/** A bus as one server process would hold it: its own pool on the shared database. */
async function processBus(schema: string) {
  const pool = new pg.Pool({ connectionString: url, max: 3 })
  pools.push(pool)
  const bus = await createPostgresBus(pool, { schema, logger: createMemoryLogger() })
  buses.push(bus)
  const seen: BusNotice[] = []
  bus.subscribe((n) => seen.push(n))
  return { bus, pool, seen }
}

describe.skipIf(testDialect !== 'postgres')('PostgreSQL event bus (LISTEN/NOTIFY)', () => {
  it('carries a notice from one pool to another, and to its own listeners once', async () => {
    const schema = `b_${randomBytes(4).toString('hex')}`
    const one = await processBus(schema)
    const two = await processBus(schema)
    await one.bus.publish({ type: 'appended', storeId: 'st_demo', seq: 42 })
    await expect.poll(() => two.seen).toEqual([{ type: 'appended', storeId: 'st_demo', seq: 42 }])
    await expect.poll(() => one.seen).toEqual([{ type: 'appended', storeId: 'st_demo', seq: 42 }])
    // Our own NOTIFY comes back over LISTEN too; it must not be delivered a second time.
    await two.bus.publish({ type: 'appended', storeId: 'st_demo', seq: 43 })
    await expect.poll(() => one.seen.length).toBe(2)
    expect(two.seen).toHaveLength(2)
  })

  it('keeps deployments in separate schemas apart', async () => {
    const mine = await processBus(`b_${randomBytes(4).toString('hex')}`)
    const theirs = await processBus(`b_${randomBytes(4).toString('hex')}`)
    await theirs.bus.publish({ type: 'appended', storeId: 'st_demo', seq: 1 })
    await mine.bus.publish({ type: 'appended', storeId: 'st_demo', seq: 2 })
    await expect.poll(() => mine.seen.length).toBe(1)
    expect(mine.seen).toEqual([{ type: 'appended', storeId: 'st_demo', seq: 2 }])
  })

  it('reconnects after losing its LISTEN connection and asks listeners to re-read', async () => {
    const schema = `b_${randomBytes(4).toString('hex')}`
    const listener = await processBus(schema)
    const sender = await processBus(schema)
    // Kill the listening backend from outside, as a database restart or failover would.
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()`,
      [`LISTEN porchlight_chat_${schema}`],
    )
    await admin.end()
    await expect
      .poll(() => listener.seen.some((n) => n.type === 'reset'), { timeout: 10_000 })
      .toBe(true)
    await sender.bus.publish({ type: 'appended', storeId: 'st_demo', seq: 9 })
    await expect
      .poll(() => listener.seen.filter((n) => n.type === 'appended'))
      .toEqual([{ type: 'appended', storeId: 'st_demo', seq: 9 }])
  })

  it('refuses a notice too large for NOTIFY instead of losing it silently', async () => {
    const one = await processBus(`b_${randomBytes(4).toString('hex')}`)
    await expect(
      one.bus.publish({
        type: 'ephemeral',
        storeId: 'st_demo',
        event: {
          kind: 'typing',
          conversationId: 'cv_x',
          to: 'shopper',
          owner: { visitorId: null, identityKind: null, identityValue: null },
          data: { junk: 'x'.repeat(9000) },
        },
      }),
    ).rejects.toThrow(/too large/)
  })
})
