/**
 * Start-up benchmark: how long the server takes from launch to a healthy answer on SQLite with
 * the embedded defaults, and how much memory it holds once up, beside a bare `node:http`
 * server launched the same way in the same run (the machine's own cost of starting Node, which
 * no code of ours can go under). Two forms of the server are timed: the built one that
 * `pnpm start` and production run (`node server/dist/main.mjs`, run `pnpm build` first), and
 * the sources (`node server/src/main.ts`).
 *
 *   pnpm bench:start [--runs 15] [--root <checkout>]
 *
 * `--root` times another checkout (say, the commit before a change) with the same script: its
 * entries are launched instead (a checkout with no server bundle is timed from its sources). The database is migrated and seeded
 * by one launch before the timed ones, which then each start against it. Each timed launch is
 * checked: /healthz answers 200 and the loader script is served; a launch that does not is an
 * error, not a figure. Runs alternate server and bare launches so that both meet the same load.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
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
const SOURCES = join(ROOT, 'server/src/main.ts')
const BUNDLE = join(ROOT, 'server/dist/main.mjs')
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
// The first launch migrates, seeds the demo store and fills the compile cache: not timed.
const forms = [
  ...(existsSync(BUNDLE) ? [{ name: 'built (main.mjs)', entry: BUNDLE }] : []),
  { name: 'sources (main.ts)', entry: SOURCES },
]
const first = await launch([forms[0]!.entry], serverEnv, servesLoader)
for (const form of forms.slice(1)) await launch([form.entry], serverEnv, servesLoader)
const runs = new Map<string, Launch[]>(forms.map((f) => [f.name, []]))
const bare: Launch[] = []
for (let i = 0; i < RUNS; i++) {
  for (const form of forms) {
    runs.get(form.name)!.push(await launch([form.entry], serverEnv, servesLoader))
  }
  bare.push(await launch(['-e', BARE], {}))
}
const row = (name: string, launches: Launch[]) => {
  const ms = launches.map((r) => r.ms)
  const cpu = launches.map((r) => r.cpuMs)
  const rss = launches.map((r) => r.rssMb)
  const f = (v: number) => v.toFixed(0).padStart(5)
  return `${name.padEnd(18)} wall median ${f(quantile(ms, 0.5))} ms, p90 ${f(quantile(ms, 0.9))} ms; CPU median ${f(quantile(cpu, 0.5))} ms, p90 ${f(quantile(cpu, 0.9))} ms; RSS median ${quantile(rss, 0.5).toFixed(0)} MB`
}
console.log(`${ROOT}: ${RUNS} launches each, alternating`)
console.log(`first launch (migrate, seed, cold compile cache): ${first.ms.toFixed(0)} ms`)
for (const [name, launches] of runs) console.log(row(name, launches))
console.log(row('bare node:http', bare))
const at = (launches: Launch[], key: 'ms' | 'cpuMs', q: number) =>
  quantile(
    launches.map((r) => r[key]),
    q,
  )
for (const [name, launches] of runs) {
  const ratio = (key: 'ms' | 'cpuMs', q: number) =>
    (at(launches, key, q) / at(bare, key, q)).toFixed(1)
  console.log(
    `${name} / bare: wall median ${ratio('ms', 0.5)}x, p90 ${ratio('ms', 0.9)}x; ` +
      `CPU median ${ratio('cpuMs', 0.5)}x, p90 ${ratio('cpuMs', 0.9)}x`,
  )
}
