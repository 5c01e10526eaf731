/**
 * What the server does under a storage fault, measured in process with real timers: a full
 * SQLite database (PRAGMA max_page_count, a real SQLITE_FULL) and a PostgreSQL connection cut
 * by a local proxy (the port closed, as in a partition or a restart). For each: what a write
 * answered, what /readyz said, and the log lines other than access lines during the fault, with
 * the outbox worker polling at its default 2 s and one write every 5 s.
 *
 *   node server/scripts/storage-faults.ts [seconds=60] [postgres url]
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { createApp } from '../src/app.ts'
import { composeDeps } from '../src/compose.ts'
import { systemClock } from '../src/clock.ts'
import { loadConfig } from '../src/config.ts'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/database.ts'
import { TEST_CLIENT_IP_HEADER } from '../src/http/client-ip.ts'
import { createLogger } from '../src/logger.ts'
import { DEMO_WIDGET_KEY, seedDemoStore } from '../src/seed/demo-store.ts'
import { startTcpProxy } from '../src/test/tcp-proxy.ts'

const seconds = Number(process.argv[2] ?? 60)
const pgUrl = process.argv[3] ?? 'postgres://postgres@127.0.0.1:5432/test'

// Before the fix, a dropped PostgreSQL connection raised an unheard 'error' event, which ends
// a real server; counted here so the measurement can go on.
let uncaught = 0
process.on('uncaughtException', (err) => {
  uncaught++
  console.error(`uncaught: ${err.message}`)
})

async function appOver(database: DatabaseHandle) {
  const lines: Record<string, unknown>[] = []
  const logger = createLogger('info', {}, (line) => lines.push(JSON.parse(line)))
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: 'measure-secret-key-that-is-long-enough-0',
  })
  const deps = composeDeps({ config, database, clock: systemClock, logger })
  return { app: createApp(deps), deps, lines }
}

let n = 0
async function write(app: ReturnType<typeof createApp>) {
  n++
  const res = await app.request('/v1/contact', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': DEMO_WIDGET_KEY,
      'idempotency-key': `measure-${n}-${randomBytes(4).toString('hex')}`,
      [TEST_CLIENT_IP_HEADER]: `198.51.${n >> 8}.${n & 255}`,
    },
    body: JSON.stringify({
      message: `Where is my parcel? ${'Details. '.repeat(300)}`,
      name: `Shopper ${n}`,
      email: `shopper${n}@example.com`,
      locale: 'en',
    }),
  })
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() }
}

async function ready(app: ReturnType<typeof createApp>) {
  const res = await app.request('/readyz')
  return { status: res.status, body: await res.text() }
}

/** The fault lasts `seconds`; the worker polls, a write comes every 5 s; lines are counted. */
async function sustain(ctx: Awaited<ReturnType<typeof appOver>>, from: number) {
  ctx.deps.outbox.start()
  const statuses: number[] = []
  const end = Date.now() + seconds * 1000
  while (Date.now() < end) {
    statuses.push((await write(ctx.app)).status)
    await new Promise((r) => setTimeout(r, 5000))
  }
  await ctx.deps.outbox.stop()
  const during = ctx.lines.slice(from)
  const others = during.filter((l) => l['msg'] !== 'request')
  const byMsg: Record<string, number> = {}
  for (const l of others) byMsg[String(l['msg'])] = (byMsg[String(l['msg'])] ?? 0) + 1
  return {
    writes: statuses.length,
    statuses: [...new Set(statuses)],
    accessLines: during.length - others.length,
    otherLines: others.length,
    perMinute: Math.round((others.length / seconds) * 60 * 10) / 10,
    byMsg,
  }
}

async function sqliteFull() {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-faults-'))
  const database = await openDatabase(`sqlite:${join(dir, 'full.db')}`)
  try {
    await migrateToLatest(database)
    await seedDemoStore(database.db, new Date())
    const ctx = await appOver(database)
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(database.db))
      .rows[0]?.page_count
    await sql.raw(`pragma max_page_count = ${pages}`).execute(database.db)
    const from = ctx.lines.length
    let first
    for (let i = 0; i < 100; i++) {
      first = await write(ctx.app)
      if (first.status !== 201) break
    }
    const readyz = await ready(ctx.app)
    const sustained = await sustain(ctx, from)
    const sample = ctx.lines.slice(from).find((l) => l['msg'] !== 'request')
    return { write: first, readyz, sustained, firstLogLine: sample }
  } finally {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function postgresCut() {
  const schema = `measure_${randomBytes(4).toString('hex')}`
  const upstream = new URL(pgUrl)
  const proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port) })
  const proxied = new URL(upstream)
  proxied.hostname = '127.0.0.1'
  proxied.port = String(proxy.port)
  const database = await openDatabase(proxied.toString(), { schema })
  try {
    await migrateToLatest(database)
    await seedDemoStore(database.db, new Date())
    const ctx = await appOver(database)
    const before = await write(ctx.app)
    const from = ctx.lines.length
    await proxy.cut()
    const first = await write(ctx.app)
    const readyz = await ready(ctx.app)
    const sustained = await sustain(ctx, from)
    await proxy.restore()
    const after = await write(ctx.app)
    const readyAfter = await ready(ctx.app)
    return {
      writeBefore: before.status,
      write: first,
      readyz,
      sustained,
      uncaught,
      firstLogLine: ctx.lines.slice(from).find((l) => l['msg'] !== 'request'),
      afterRestore: { write: after.status, readyz: readyAfter.status },
    }
  } finally {
    await proxy.restore()
    await database.close().catch(() => undefined)
    await proxy.close()
    const admin = new pg.Client({ connectionString: pgUrl })
    await admin.connect()
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
}

console.log(JSON.stringify({ sqliteFull: await sqliteFull() }, null, 1))
console.log(JSON.stringify({ postgresCut: await postgresCut() }, null, 1))
process.exit(0)
