import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const serverMain = fileURLToPath(new URL('../main.ts', import.meta.url))
const testMain = fileURLToPath(new URL('../testing/test-main.ts', import.meta.url))

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

export interface SpawnedServer {
  url: string
  child: ChildProcess
  output(): string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts `server/src/main.ts` as operators do (a real process, a real socket), for the tests
 * and benchmarks that must cross process boundaries. Defaults to a fresh SQLite file.
 */
export async function spawnServer(env: Record<string, string> = {}): Promise<SpawnedServer> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'pl-proc-'))
  let output = ''
  // The test switches are only honoured by the test entry; main.ts refuses them.
  const testSwitches = Object.keys(env).some((k) => k.startsWith('PORCHLIGHT_TEST_'))
  const child = spawn(process.execPath, [testSwitches ? testMain : serverMain], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `sqlite:${join(dir, 'porchlight.db')}`,
      LOG_LEVEL: 'warn',
      SECRET_KEY: 'spawned-secret-key-0123456789abcdef012345',
      ...env,
    },
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    try {
      if ((await fetch(`${url}/readyz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not become ready:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
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

/** A JSON POST to a spawned server, as the panel and the console send them. */
export function postJson(
  server: Pick<SpawnedServer, 'url'>,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** Signs the demo agent in over HTTP and returns headers for console requests. */
export async function agentSignIn(url: string, email: string, password: string) {
  const res = await fetch(`${url}/v1/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!res.ok) throw new Error(`agent login: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, 'x-csrf-token': csrfToken }
}
