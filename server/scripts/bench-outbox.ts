/**
 * Outbox benchmark: how long a shopper waits for the acknowledgement of a ticket while other
 * shoppers keep filing, against a real server process and a real local SMTP server.
 *
 *   pnpm bench:outbox [--db sqlite|postgres|both] [--clients 8] [--rate 130] [--seconds 20]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default) for PostgreSQL
 *
 * `clients` shoppers sign in with a mailed code, then file contact messages through the HTTP API
 * at `rate` tickets a second in all (each client waits for its answer before the next one, so a
 * slow server lowers the rate rather than piling up requests). Commit-to-delivery runs from the
 * moment the 201 arrived (the ticket and its outbox row were committed before it) to the moment
 * the SMTP server accepted that ticket's acknowledgement. Every filed ticket must get exactly one
 * acknowledgement; the script says so or fails. Sign-in codes asked for during the load are
 * timed too, from the 202 to the mail's arrival.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { DEMO_WIDGET_KEY } from '../src/seed/demo-store.ts'
import { startSmtpReceiver } from '../src/test/smtp-receiver.ts'
import { spawnServer } from '../src/test/spawn-server.ts'
import { ackReference, codeFor, fileContact, signInByEmail } from '../src/test/ticket-load.ts'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    clients: { type: 'string', default: '8' },
    rate: { type: 'string', default: '130' },
    seconds: { type: 'string', default: '20' },
    /** Writes the server's output here (LOG_LEVEL=info), to see what the outbox did. */
    log: { type: 'string' },
  },
})
const CLIENTS = Number(values.clients)
const RATE = Number(values.rate)
const SECONDS = Number(values.seconds)
const PG_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function run(dialect: 'sqlite' | 'postgres') {
  const receiver = await startSmtpReceiver()
  const schema = `bench_outbox_${process.pid}`
  const env: Record<string, string> = {
    SMTP_URL: receiver.url,
    SMTP_FROM: 'Lumen <shop@example.com>',
    LOG_LEVEL: values.log !== undefined ? 'info' : 'error',
    ...(dialect === 'postgres' ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema } : {}),
  }
  const server = await spawnServer(env)
  try {
    const tokens = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        signInByEmail(server.url, receiver, `bench-${i}@example.com`),
      ),
    )
    const filed: { reference: string; at: number }[] = []
    let refused = 0
    const start = now()
    const end = start + SECONDS * 1000
    const interval = (1000 * CLIENTS) / RATE
    const clients = tokens.map(async (token, c) => {
      for (let i = 0; ; i++) {
        const due = start + (i + c / CLIENTS) * interval
        if (due >= end) return
        if (due > now()) await sleep(due - now())
        const got = await fileContact(server.url, token, `bench-${c}-${i}`)
        if (got === undefined) refused += 1
        else filed.push(got)
      }
    })
    // Sign-in codes asked for while the load runs: they must not wait behind acknowledgements.
    const codeWaits: number[] = []
    const probes = (async () => {
      for (let n = 0; now() < end - 2000; n++) {
        await sleep(2000)
        const email = `probe-${n}@example.com`
        const res = await fetch(`${server.url}/v1/auth/challenges`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-porchlight-key': DEMO_WIDGET_KEY },
          body: JSON.stringify({ channel: 'email', identifier: email, locale: 'en' }),
        })
        const asked = now()
        if (res.status !== 202) throw new Error(`probe challenge: ${res.status}`)
        await codeFor(receiver, email, 600_000)
        const mail = receiver.received.find((m) => m.to === email)
        codeWaits.push((mail?.at ?? now()) - asked)
      }
    })()
    await Promise.all(clients)
    const loadEnd = now()
    const deliveredDuringLoad = receiver.received.filter(
      (m) => ackReference(m.subject) !== undefined && m.at <= loadEnd,
    ).length
    const byReference = new Map<string, number>()
    for (const f of filed) byReference.set(f.reference, f.at)
    const ackCount = () =>
      receiver.received.filter((m) => byReference.has(ackReference(m.subject) ?? '')).length
    await receiver.waitFor(() => ackCount() >= filed.length, 900_000)
    await probes
    await sleep(1000) // a duplicate would arrive late; give it a moment to show
    const acks = receiver.received.filter((m) => ackReference(m.subject) !== undefined)
    const perReference = new Map<string, number>()
    for (const m of acks) {
      const ref = ackReference(m.subject) as string
      perReference.set(ref, (perReference.get(ref) ?? 0) + 1)
    }
    const waits = acks
      .map((m) => m.at - (byReference.get(ackReference(m.subject) as string) ?? NaN))
      .sort((a, b) => a - b)
    const missing = filed.filter((f) => !perReference.has(f.reference)).length
    const twice = [...perReference.values()].filter((n) => n > 1).length
    const stray = [...perReference.keys()].filter((r) => !byReference.has(r)).length
    const distinctIds = new Set(acks.map((m) => m.messageId)).size
    const codes = [...codeWaits].sort((a, b) => a - b)
    console.log(
      [
        `${dialect}: ${filed.length} tickets in ${secs(loadEnd - start)} ` +
          `(${((filed.length * 1000) / (loadEnd - start)).toFixed(1)}/s, ${CLIENTS} clients, ` +
          `${refused} refused)`,
        `  acknowledgements: ${acks.length} for ${perReference.size} tickets, ${missing} missing, ` +
          `${twice} twice, ${stray} unknown, ${distinctIds} distinct Message-IDs`,
        `  delivered while the load ran: ${deliveredDuringLoad}; all delivered ` +
          `${secs(Math.max(...acks.map((m) => m.at)) - loadEnd)} after it ended`,
        `  commit to delivery: p50 ${secs(percentile(waits, 50))}, p99 ${secs(percentile(waits, 99))}, ` +
          `max ${secs(waits.at(-1) ?? NaN)}`,
        `  sign-in code during the load (${codes.length}): p50 ${secs(percentile(codes, 50))}, ` +
          `max ${secs(codes.at(-1) ?? NaN)}`,
      ].join('\n'),
    )
    if (missing > 0 || twice > 0 || stray > 0) process.exitCode = 1
  } finally {
    await server.stop()
    if (values.log !== undefined) writeFileSync(`${values.log}.${dialect}`, server.output())
    await receiver.close()
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL })
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
    }
  }
}

const dialects = values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db]
for (const dialect of dialects) {
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`--db ${dialect}?`)
  await run(dialect)
}
