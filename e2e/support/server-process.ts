import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const entries = {
  /** main.ts with the test switches (server/src/testing/test-main.ts). */
  test: fileURLToPath(new URL('../../server/src/testing/test-main.ts', import.meta.url)),
  /** What `pnpm start` runs: builds the widget and the server when stale, then starts the build. */
  start: fileURLToPath(new URL('../../server/src/start.ts', import.meta.url)),
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/**
 * How long a start may take before it counts as hung. Starting is CPU-bound (loading the
 * modules, migrating, seeding): about half a second on an idle machine and over 20 s on a
 * machine shared by several test runs, so this bounds only a hang, not speed (the start-up
 * budget is measured by the benchmarks). Below the suites' 60 s hookTimeout so this error,
 * with the server's output, comes first.
 */
const START_HANG_MS = 50_000

/** Resolves once the server says it is listening (main.ts prints its URL); rejects if it exits. */
function listening(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      if (err) reject(err)
      else resolve()
    }
    const onData = () => {
      if (output().includes('Porchlight is running on')) done()
    }
    const onExit = () => done(new Error(`server exited early:\n${output()}`))
    const timer = setTimeout(
      () => done(new Error(`server did not start within ${START_HANG_MS} ms:\n${output()}`)),
      START_HANG_MS,
    )
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts the server (by default its test entry), on a free port and a fresh SQLite file. */
export async function startServerProcess(
  env: Record<string, string> = {},
  options: { port?: number; entry?: keyof typeof entries } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const dir = mkdtempSync(join(tmpdir(), 'pl-e2e-'))
  let output = ''
  const child = spawn(process.execPath, [entries[options.entry ?? 'test']], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `sqlite:${join(dir, 'porchlight.db')}`,
      LOG_LEVEL: 'warn',
      SECRET_KEY: 'e2e-secret-key-0123456789abcdef0123456789',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  try {
    await listening(child, () => output)
    const ready = await fetch(`${url}/readyz`)
    if (!ready.ok) throw new Error(`server is not ready (${ready.status}):\n${output}`)
  } catch (err) {
    // A server that failed to start must not outlive the run (it held a port and a CPU).
    child.kill('SIGKILL')
    throw err
  }
  return {
    url,
    port,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill(signal)
      }),
  }
}
