/**
 * Benchmark of the budget "order list for a signed-in shopper, server time p99 < 5 ms on
 * SQLite": GET /v1/orders through app.request() (session lookup, store lookup, the indexed list
 * query, the rules and the formatting), on a file-backed SQLite database in WAL mode with the
 * demo orders plus thousands of other shoppers' orders around them.
 *
 *   node server/scripts/bench-orders.ts [requests=5000] [noise orders=20000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/app.ts'
import { composeDeps } from '../src/compose.ts'
import { systemClock } from '../src/clock.ts'
import { loadConfig } from '../src/config.ts'
import { migrateToLatest, openDatabase } from '../src/db/database.ts'
import { insertDemoOrders } from '../src/db/demo-orders.repository.ts'
import { createLogger } from '../src/logger.ts'
import { buildDemoOrders, seedDemoOrders } from '../src/seed/demo-orders.ts'
import { DEMO_STORE_ID, seedDemoStore } from '../src/seed/demo-store.ts'
import { openShopperSession } from '../src/services/sessions/shopper-sessions.ts'

const requests = Number(process.argv[2] ?? 5000)
const noise = Number(process.argv[3] ?? 20_000)
const dir = mkdtempSync(join(tmpdir(), 'porchlight-bench-'))
const database = await openDatabase(`sqlite:${join(dir, 'bench.db')}`)

try {
  await migrateToLatest(database)
  const now = systemClock.now()
  await seedDemoStore(database.db, now)
  await seedDemoOrders(database.db, now)
  // Other shoppers' orders around ours, so the query has to find ours by index.
  const template = buildDemoOrders(DEMO_STORE_ID, now)
  for (let start = 0; start < noise; start += 500) {
    const rows = []
    for (let i = start; i < Math.min(noise, start + 500); i++) {
      const order = { ...template[i % template.length]!, id: `bench_${i}` }
      order.email = `shopper${i % 2000}@example.net`
      rows.push({
        store_id: DEMO_STORE_ID,
        id: order.id,
        name: `#${100_000 + i}`,
        email: order.email,
        phone: null,
        created_at: now.getTime() - i * 60_000,
        updated_at: now.getTime(),
        version: 1,
        data: JSON.stringify(order),
        staff_log: '[]',
      })
    }
    await insertDemoOrders(database.db, rows)
  }

  // Access logs are formatted as in production, then dropped instead of written to a terminal.
  const app = createApp(
    composeDeps({
      config: loadConfig({
        NODE_ENV: 'production',
        SECRET_KEY: 'bench-secret-key-that-is-long-enough',
        SMTP_URL: 'smtp://127.0.0.1:2525',
      }),
      database,
      clock: systemClock,
      logger: createLogger('info', {}, () => {}),
    }),
  )
  const { token } = await openShopperSession(database.db, {
    storeId: DEMO_STORE_ID,
    identity: { kind: 'email', value: 'ada@example.com' },
    now,
    ttlHours: 24,
  })
  const headers = { authorization: `Bearer ${token}` }

  // Wall time per request, and the process's CPU time per request: on a shared, loaded machine
  // wall time mostly measures waiting for a core, while CPU time is the server's own work.
  async function measure(path: string, count: number) {
    const wall: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < count; i++) {
      const started = performance.now()
      const cpuStart = process.cpuUsage()
      const res = await app.request(path, { headers })
      await res.text()
      const used = process.cpuUsage(cpuStart)
      wall.push(performance.now() - started)
      cpu.push((used.user + used.system) / 1000)
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
    }
    const stats = (times: number[]) => {
      times.sort((a, b) => a - b)
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
      const f = (ms: number) => `${ms.toFixed(3)}`
      return {
        p99: at(0.99),
        text: `p50 ${f(at(0.5))}  p99 ${f(at(0.99))}  max ${f(times.at(-1)!)} ms`,
      }
    }
    const w = stats(wall)
    const c = stats(cpu)
    console.log(`${path}  (n=${count})\n  wall ${w.text}\n  cpu  ${c.text}`)
    return { wall: w.p99, cpu: c.p99 }
  }

  console.log(
    `SQLite (WAL, file) with ${noise + template.length} orders; node ${process.version}; ` +
      `${requests} timed requests after ${Math.min(500, requests)} warm-up requests\n`,
  )
  await measure('/v1/orders', Math.min(500, requests))
  const list = await measure('/v1/orders', requests)
  await measure('/v1/orders?limit=50&locale=fr', requests)
  const first = (await (await app.request('/v1/orders?limit=1', { headers })).json()) as {
    orders: Array<{ id: string }>
  }
  await measure(`/v1/orders/${first.orders[0]!.id}`, requests)
  const verdict = (ms: number) => `${ms.toFixed(3)} ms ${ms < 5 ? '(met)' : '(NOT met)'}`
  console.log(
    `\nbudget, list p99 < 5 ms: wall ${verdict(list.wall)}, cpu ${verdict(list.cpu)}` +
      `; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`,
  )
} finally {
  await database.close()
  rmSync(dir, { recursive: true, force: true })
}
