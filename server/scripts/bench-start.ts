/**
 * Start-up benchmark: how long `node server/src/main.ts` takes from launch to a healthy answer
 * on SQLite with the embedded defaults, and how much memory it holds once up, beside a bare
 * `node:http` server launched the same way in the same run (the machine's own cost of starting
 * Node, which no code of ours can go under).
 *
 *   pnpm bench:start [--runs 15] [--root <checkout>]
 *
 * `--root` times another checkout (say, the commit before a change) with the same script, in
 * the same run: its server/src/main.ts is launched instead. The database is migrated and seeded
 * by one launch before the timed ones, which then each start against it. Each timed launch is
 * checked: /healthz answers 200 and the loader script is served; a launch that does not is an
 * error, not a figure. Runs alternate server and bare launches so that both meet the same load.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { freePort } from '../src/test/spawn-server.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    root: { type: 'string', default: fileURLToPath(new URL('../..', import.meta.url)) },
  },
})
const RUNS = Number(values.runs)
const ROOT = resolve(values.root)
const MAIN = join(ROOT, 'server/src/main.ts')
const BARE = `require('node:http').createServer((q, r) => r.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`

interface Launch {
  ms: number
  /** CPU time (user and system) the process had used when it first answered. */
  cpuMs: number
  rssMb: number
}

async function healthy(port: number, exited: () => boolean): Promise<void> {
  for (;;) {
    if (exited()) throw new Error('the process exited before it answered')
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`)
      if (res.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 2))
  }
}

// utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN)
  return kb / 1024
}

async function launch(
  args: string[],
  env: Record<string, string>,
  check?: (port: number) => Promise<void>,
): Promise<Launch> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let exited = false
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += String(d)))
  child.once('exit', () => (exited = true))
  try {
    await healthy(port, () => exited)
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${stderr}`)
  }
  const ms = performance.now() - started
  const cpu = cpuMs(child.pid!)
  await check?.(port)
  const rss = rssMb(child.pid!)
  child.kill('SIGKILL')
  await new Promise((r) => (exited ? r(undefined) : child.once('exit', r)))
  return { ms, cpuMs: cpu, rssMb: rss }
}

async function servesLoader(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/porchlight.js`, {
    headers: { 'accept-encoding': 'br' },
  })
  const body = await res.arrayBuffer()
  if (res.status !== 200 || body.byteLength === 0) {
    throw new Error(`the loader was not served (${res.status}): run \`pnpm build\` in ${ROOT}`)
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
}

const dataDir = mkdtempSync(join(tmpdir(), 'pl-bench-start-'))
const serverEnv = {
  DATABASE_URL: `sqlite:${join(dataDir, 'porchlight.db')}`,
  LOG_LEVEL: 'warn',
}
// The first launch migrates, seeds the demo store and fills main.ts's compile cache: not timed.
const first = await launch([MAIN], serverEnv, servesLoader)
const server: Launch[] = []
const bare: Launch[] = []
for (let i = 0; i < RUNS; i++) {
  server.push(await launch([MAIN], serverEnv, servesLoader))
  bare.push(await launch(['-e', BARE], {}))
}
const row = (name: string, runs: Launch[]) => {
  const ms = runs.map((r) => r.ms)
  const cpu = runs.map((r) => r.cpuMs)
  const rss = runs.map((r) => r.rssMb)
  const f = (v: number) => v.toFixed(0).padStart(5)
  return `${name.padEnd(18)} wall median ${f(quantile(ms, 0.5))} ms, p90 ${f(quantile(ms, 0.9))} ms; CPU median ${f(quantile(cpu, 0.5))} ms, p90 ${f(quantile(cpu, 0.9))} ms; RSS median ${quantile(rss, 0.5).toFixed(0)} MB`
}
console.log(`${ROOT}: ${RUNS} launches each, alternating`)
console.log(`first launch (migrate, seed, cold compile cache): ${first.ms.toFixed(0)} ms`)
console.log(row('server (main.ts)', server))
console.log(row('bare node:http', bare))
const ratio = (key: 'ms' | 'cpuMs', q: number) =>
  quantile(
    server.map((r) => r[key]),
    q,
  ) /
  quantile(
    bare.map((r) => r[key]),
    q,
  )
console.log(
  `server / bare: wall median ${ratio('ms', 0.5).toFixed(1)}x, p90 ${ratio('ms', 0.9).toFixed(1)}x; ` +
    `CPU median ${ratio('cpuMs', 0.5).toFixed(1)}x, p90 ${ratio('cpuMs', 0.9).toFixed(1)}x`,
)
