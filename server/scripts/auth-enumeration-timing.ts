/**
 * Compares how long "send me a code" takes for a shopper the store knows and one it has never
 * seen, over many interleaved samples. A benchmark, not a test: it prints figures.
 *
 *   node server/scripts/auth-enumeration-timing.ts [samples] [database url]
 *   (default: 400 samples per group on in-memory SQLite; pass postgres://... for PostgreSQL)
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createApp } from '../src/app.ts'
import { composeDeps } from '../src/compose.ts'
import { createManualClock } from '../src/clock.ts'
import { loadConfig } from '../src/config.ts'
import { migrateToLatest, openDatabase } from '../src/db/database.ts'
import { updateStoreSettings } from '../src/db/stores.repository.ts'
import { createLogger } from '../src/logger.ts'
import { DEMO_STORE_ID, DEMO_WIDGET_KEY, seedDemoStore } from '../src/seed/demo-store.ts'

const samples = Number(process.argv[2] ?? 400)
const url = process.argv[3] ?? 'sqlite::memory:'
const schema = url.startsWith('postgres') ? `bench_${randomBytes(4).toString('hex')}` : undefined

const database = await openDatabase(url, schema ? { schema } : {})
await migrateToLatest(database)
const clock = createManualClock()
await seedDemoStore(database.db, clock.now())
// Limits out of the way: this measures the path, not the refusals.
await updateStoreSettings(database.db, DEMO_STORE_ID, {
  auth: { identifierSendLimit: 1000, identifierWindowSeconds: 60, ipSendLimit: 100_000 },
})
const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: 'bench-secret-key-0123456789abcdef0123' })
const logger = createLogger('silent')
const deps = composeDeps({ config, database, clock, logger })
const { outbox, devOutbox } = deps
const app = createApp(deps)

const ask = (identifier: string) =>
  app.request('/v1/auth/challenges', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': DEMO_WIDGET_KEY,
      'x-porchlight-test-client-ip': '192.0.2.1',
    },
    body: JSON.stringify({ channel: 'email', identifier, locale: 'en' }),
  })

// The known shopper: signed in before, with a verified session and earlier challenges.
const known = 'known@example.com'
const first = (await (await ask(known)).json()) as { challengeId: string }
await outbox.drain()
const text = devOutbox?.list()[0]?.text ?? ''
const code = /^ {4}([0-9]{6})$/m.exec(text)?.[1]
const verified = await app.request(`/v1/auth/challenges/${first.challengeId}/verify`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-porchlight-key': DEMO_WIDGET_KEY },
  body: JSON.stringify({ code }),
})
if (verified.status !== 200)
  throw new Error(`could not sign the known shopper in: ${verified.status}`)

const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] }
const statuses = new Set<string>()
for (let i = -50; i < samples; i += 1) {
  clock.advance(31_000) // past the resend cooldown of both identifiers
  // Alternate which goes first, so warm caches and GC favour neither.
  const order = i % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)
  for (const who of order) {
    const identifier = who === 'known' ? known : 'never-seen@example.com'
    const started = performance.now()
    const res = await ask(identifier)
    const elapsed = performance.now() - started
    const body = (await res.json()) as Record<string, unknown>
    statuses.add(`${who}:${res.status}:${Object.keys(body).sort().join(',')}`)
    if (i >= 0) times[who].push(elapsed)
  }
  if (i % 50 === 0) await outbox.drain()
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

// Mann-Whitney U with the normal approximation: |z| < 1.96 means no difference at 5%.
function mannWhitneyZ(a: number[], b: number[]): number {
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort(
    (x, y) => x.v - y.v,
  )
  let rankA = 0
  for (let i = 0; i < all.length;) {
    let j = i
    while (j + 1 < all.length && all[j + 1]?.v === all[i]?.v) j += 1
    const rank = (i + j) / 2 + 1
    for (let k = i; k <= j; k += 1) if (all[k]?.g === 0) rankA += rank
    i = j + 1
  }
  const u = rankA - (a.length * (a.length + 1)) / 2
  const mu = (a.length * b.length) / 2
  const sigma = Math.sqrt((a.length * b.length * (a.length + b.length + 1)) / 12)
  return (u - mu) / sigma
}

const row = (who: 'known' | 'unknown') => {
  const xs = times[who]
  const f = (n: number) => n.toFixed(3).padStart(7)
  return `${who.padEnd(8)} n=${xs.length}  mean ${f(mean(xs))}  p10 ${f(quantile(xs, 0.1))}  median ${f(quantile(xs, 0.5))}  p90 ${f(quantile(xs, 0.9))}  p99 ${f(quantile(xs, 0.99))}  (ms)`
}
console.log(`POST /v1/auth/challenges on ${database.dialect}, ${samples} interleaved samples each`)
console.log(`answers seen: ${[...statuses].sort().join(' | ')}`)
console.log(row('known'))
console.log(row('unknown'))
console.log(
  `median difference ${(quantile(times.known, 0.5) - quantile(times.unknown, 0.5)).toFixed(3)} ms, ` +
    `Mann-Whitney z = ${mannWhitneyZ(times.known, times.unknown).toFixed(2)}`,
)

await database.close()
if (schema !== undefined) {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await admin.end()
}
