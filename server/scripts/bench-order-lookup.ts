/**
 * Benchmark of issue 18's budget "an order lookup on the demo store answers in p99 < 30 ms
 * server time, with 10,000 tickets and 100,000 messages in the store", on SQLite (a WAL file)
 * or PostgreSQL (a schema of its own, dropped afterwards). GET /v1/agent/orders through
 * app.request() (agent session, store, the indexed lookup, ticket counts, JSON), by each
 * filter in turn. Every answer is checked against the orders the seed says should match, so a
 * fast wrong answer fails the run; another store holds twins of the orders and must never show.
 * The store and the lookups are bench-helpdesk's (seed.ts, expected.ts); `pnpm bench:helpdesk`
 * times the same lookups through a server process, beside the inbox and the chat.
 *
 *   node server/scripts/bench-order-lookup.ts [requests per lookup=300] [orders=20000]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node server/scripts/bench-order-lookup.ts
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { OrderLookupPage } from '@porchlight/shared/api/order-lookup'
import { createApp } from '../src/app.ts'
import { systemClock } from '../src/clock.ts'
import { composeDeps } from '../src/compose.ts'
import { loadConfig } from '../src/config.ts'
import { migrateToLatest, openDatabase } from '../src/db/database.ts'
import { createLogger } from '../src/logger.ts'
import { DEMO_AGENT, DEMO_STORE_ID } from '../src/seed/demo-store.ts'
import { logInAgent } from '../src/services/agents/agent-sessions.ts'
import { lookupMismatch, orderLookups, type OrderLookup } from './bench-helpdesk/expected.ts'
import { MESSAGES_PER_TICKET, seedHelpdesk, TICKETS } from './bench-helpdesk/seed.ts'

const perLookup = Number(process.argv[2] ?? 300)
const orderCount = Number(process.argv[3] ?? 20_000)
const pgUrl = process.env['DATABASE_URL']
const dir = mkdtempSync(join(tmpdir(), 'porchlight-lookup-'))
const schema = `bench_lookup_${process.pid}`
const database =
  pgUrl === undefined
    ? await openDatabase(`sqlite:${join(dir, 'bench.db')}`)
    : await openDatabase(pgUrl, { schema })
const db = database.db

try {
  await migrateToLatest(database)
  const now = systemClock.now()
  const seeded = performance.now()
  await seedHelpdesk(db, now, orderCount)
  const seedMs = performance.now() - seeded
  const app = createApp(
    composeDeps({
      config: loadConfig({
        NODE_ENV: 'production',
        SECRET_KEY: randomBytes(32).toString('base64url'),
        SMTP_URL: 'smtp://127.0.0.1:2525',
      }),
      database,
      clock: systemClock,
      logger: createLogger('info', {}, () => {}),
    }),
  )
  const login = await logInAgent(db, { ...DEMO_AGENT, storeId: DEMO_STORE_ID, now })
  if (!login.ok) throw new Error(login.code)
  const headers = { cookie: `pl_agent=${login.token}` }

  const lookups = orderLookups(orderCount)

  async function measure(l: OrderLookup, count: number) {
    // Wall time, and the process's CPU time: on a shared, loaded machine wall time mostly
    // measures waiting for a core, CPU time the server's own work (as bench-orders.ts does).
    const times: number[] = []
    const cpu: number[] = []
    for (let n = 0; n < count; n++) {
      const started = performance.now()
      const cpuStart = process.cpuUsage()
      const res = await app.request(`/v1/agent/orders?${l.query(n)}`, { headers })
      const body = (await res.json()) as OrderLookupPage
      const used = process.cpuUsage(cpuStart)
      times.push(performance.now() - started)
      cpu.push((used.user + used.system) / 1000)
      if (res.status !== 200) throw new Error(`${l.name}: ${res.status} ${JSON.stringify(body)}`)
      const wrong = lookupMismatch(l, n, body.orders)
      if (wrong !== undefined) throw new Error(wrong)
    }
    const stats = (list: number[]) => {
      list.sort((a, b) => a - b)
      const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!
      return { p50: at(0.5), p99: at(0.99), max: list.at(-1)! }
    }
    return { wall: stats(times), cpu: stats(cpu) }
  }

  const dialect = pgUrl === undefined ? 'SQLite (WAL, file)' : 'PostgreSQL'
  console.log(
    `${dialect}: ${orderCount} orders (+2,000 in another store), ${TICKETS} tickets, ` +
      `${TICKETS * MESSAGES_PER_TICKET} messages; seeded in ${(seedMs / 1000).toFixed(1)} s; ` +
      `node ${process.version}; ${perLookup} verified requests per lookup after a warm-up\n`,
  )
  let worstWall = 0
  let worstCpu = 0
  const f = (s: { p50: number; p99: number; max: number }) =>
    `p50 ${s.p50.toFixed(2)}  p99 ${s.p99.toFixed(2)}  max ${s.max.toFixed(2)}`
  for (const l of lookups) {
    await measure(l, Math.min(50, perLookup))
    const r = await measure(l, perLookup)
    worstWall = Math.max(worstWall, r.wall.p99)
    worstCpu = Math.max(worstCpu, r.cpu.p99)
    console.log(`${l.name.padEnd(26)} wall ${f(r.wall)} ms | cpu ${f(r.cpu)} ms`)
  }
  const verdict = (ms: number) => `${ms.toFixed(2)} ms ${ms < 30 ? '(met)' : '(NOT met)'}`
  console.log(
    `\nbudget, order lookup p99 < 30 ms: worst wall p99 ${verdict(worstWall)}, ` +
      `worst cpu p99 ${verdict(worstCpu)}; every answer verified; ` +
      `load average ${loadavg()[0]!.toFixed(1)}`,
  )
} finally {
  await database.close()
  rmSync(dir, { recursive: true, force: true })
  if (pgUrl !== undefined) {
    const admin = new pg.Client({ connectionString: pgUrl })
    await admin.connect()
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
}
