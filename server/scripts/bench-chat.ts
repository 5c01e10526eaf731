/**
 * Chat benchmark: post-to-receive latency and memory per open event stream, against a real
 * server process on loopback (SQLite in a temp folder, or DATABASE_URL if given).
 *
 *   node server/scripts/bench-chat.ts [--messages 300] [--streams 1000]
 *   BENCH_DATABASE_URL=postgres://... BENCH_DATABASE_SCHEMA=bench node server/scripts/bench-chat.ts
 *
 * Latency is measured from just before the POST to the moment the event is parsed from the
 * other side's stream, one message at a time, so it includes the HTTP request, the database
 * transaction, the bus and the SSE write. Memory is the server's RSS (from /proc) before and
 * after opening the streams, after a short settle.
 */
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DEMO_AGENT, DEMO_WIDGET_KEY } from '../src/seed/demo-store.ts'
import { readSse } from '../src/test/sse-client.ts'
import { agentSignIn, postJson, spawnServer } from '../src/test/spawn-server.ts'

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '300' },
    streams: { type: 'string', default: '1000' },
  },
})
const MESSAGES = Number(values.messages)
const STREAMS = Number(values.streams)

const preload = fileURLToPath(new URL('./bench-gc-preload.ts', import.meta.url))
const env: Record<string, string> = { NODE_OPTIONS: `--expose-gc --import=${preload}` }
if (process.env['BENCH_DATABASE_URL']) env['DATABASE_URL'] = process.env['BENCH_DATABASE_URL']
if (process.env['BENCH_DATABASE_SCHEMA'])
  env['DATABASE_SCHEMA'] = process.env['BENCH_DATABASE_SCHEMA']
const server = await spawnServer(env)
const key = { 'x-porchlight-key': DEMO_WIDGET_KEY }

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  postJson(server, path, body, headers)

/** Asks the server to collect garbage and report its memory (see bench-gc-preload.ts). */
async function serverMemory(): Promise<NodeJS.MemoryUsage> {
  const seen = server.output().length
  server.child.kill('SIGUSR2')
  for (;;) {
    const match = /BENCH_MEMORY (\{.*\})\n/.exec(server.output().slice(seen))
    if (match?.[1] !== undefined) return JSON.parse(match[1]) as NodeJS.MemoryUsage
    await new Promise((r) => setTimeout(r, 20))
  }
}

const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const r = (n: number) => Math.round(n * 100) / 100
  return {
    n: sorted.length,
    p50: r(percentile(sorted, 50)),
    p90: r(percentile(sorted, 90)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted.at(-1) as number),
  }
}

interface Timing {
  /** From just before the POST to the event parsed from the other side's stream. */
  receive: number
  /** From just before the POST to its response (the sender's own round trip). */
  respond: number
}

/** Posts and reads the stream at the same time, timing both the answer and the event. */
async function measure(
  send: () => Promise<Response>,
  stream: ReturnType<typeof readSse>,
  clientId: string,
): Promise<Timing> {
  const started = performance.now()
  const responded = send().then((res) => {
    if (res.status !== 201) throw new Error(`post ${res.status}`)
    return performance.now() - started
  })
  for (;;) {
    const e = await stream.next()
    const m = e.data as { message?: { clientId: string } }
    if (e.event === 'message' && m.message?.clientId === clientId) break
  }
  const receive = performance.now() - started
  return { receive, respond: await responded }
}

async function newVisitor(i: number) {
  const res = await post('/v1/conversations/visitors', { name: `B${i}`, email: `b${i}@x.io` }, key)
  return { ...key, authorization: `Bearer ${((await res.json()) as { token: string }).token}` }
}

async function streamUrl(path: string, headers: Record<string, string>) {
  const res = await post(path, {}, headers)
  return server.url + ((await res.json()) as { url: string }).url
}

try {
  const agent = await agentSignIn(server.url, DEMO_AGENT.email, DEMO_AGENT.password)
  const shopper = await newVisitor(0)
  const first = await post('/v1/conversations/current/messages', { text: 'hello' }, shopper)
  const conversationId = ((await first.json()) as { conversation: { id: string } }).conversation.id

  // Agent -> shopper: the agent answers, the shopper's stream receives.
  const shopperStream = readSse(
    await fetch(await streamUrl('/v1/conversations/stream-tickets', shopper)),
  )
  await shopperStream.next()
  const toShopper: Timing[] = []
  for (let i = 0; i < MESSAGES; i++) {
    toShopper.push(
      await measure(
        () =>
          post(
            `/v1/agent/conversations/${conversationId}/messages`,
            { text: `agent ${i}`, clientId: `a${i}` },
            agent,
          ),
        shopperStream,
        `a${i}`,
      ),
    )
  }
  await shopperStream.close()

  // Shopper -> console: shoppers write (20 per visitor: the rate limit), the console receives.
  const consoleStream = readSse(
    await fetch(await streamUrl('/v1/agent/conversations/stream-tickets', agent)),
  )
  await consoleStream.next()
  const toConsole: Timing[] = []
  let writer = shopper
  for (let i = 0; i < MESSAGES; i++) {
    if (i % 19 === 0) writer = await newVisitor(i + 1)
    const from = writer
    toConsole.push(
      await measure(
        () =>
          post('/v1/conversations/current/messages', { text: `s ${i}`, clientId: `s${i}` }, from),
        consoleStream,
        `s${i}`,
      ),
    )
  }
  await consoleStream.close()

  // Memory: open STREAMS shopper streams (one visitor, so each one receives the fan-out below).
  await new Promise((r) => setTimeout(r, 1000))
  const before = await serverMemory()
  const agentPool = new http.Agent({ keepAlive: false, maxSockets: Infinity })
  const open: http.ClientRequest[] = []
  let received = 0
  let fanoutDone: () => void = () => {}
  const allReceived = new Promise<void>((r) => (fanoutDone = r))
  const opened = []
  for (let i = 0; i < STREAMS; i++) {
    const url = await streamUrl('/v1/conversations/stream-tickets', shopper)
    opened.push(
      new Promise<void>((resolve, reject) => {
        const req = http.get(url, { agent: agentPool }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`stream ${res.statusCode}`))
          res.setEncoding('utf8')
          let sawReady = false
          res.on('data', (chunk: string) => {
            if (!sawReady && chunk.includes('event: ready')) {
              sawReady = true
              resolve()
            }
            if (chunk.includes('"fanout"')) {
              received++
              if (received === STREAMS) fanoutDone()
            }
          })
        })
        req.on('error', reject)
        open.push(req)
      }),
    )
  }
  await Promise.all(opened)
  await new Promise((r) => setTimeout(r, 2000))
  const after = await serverMemory()

  const fanStart = performance.now()
  await post(
    `/v1/agent/conversations/${conversationId}/messages`,
    { text: 'fanout', clientId: 'fanout' },
    agent,
  )
  await allReceived
  const fanoutMs = performance.now() - fanStart

  const report = {
    loopback: server.url,
    database: env['DATABASE_URL'] ?? 'sqlite (temp file)',
    agentToShopperMs: summary(toShopper.map((t) => t.receive)),
    agentPostResponseMs: summary(toShopper.map((t) => t.respond)),
    shopperToConsoleMs: summary(toConsole.map((t) => t.receive)),
    shopperPostResponseMs: summary(toConsole.map((t) => t.respond)),
    streams: STREAMS,
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
    heapUsedBeforeMb: mb(before.heapUsed),
    heapUsedAfterMb: mb(after.heapUsed),
    perStreamRssKb: Math.round((after.rss - before.rss) / STREAMS / 102.4) / 10,
    perStreamHeapKb: Math.round((after.heapUsed - before.heapUsed) / STREAMS / 102.4) / 10,
    fanoutToAllStreamsMs: Math.round(fanoutMs * 10) / 10,
  }
  console.log(JSON.stringify(report, null, 2))
  for (const req of open) req.destroy()
} finally {
  await server.stop()
}
