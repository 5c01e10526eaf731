import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const main = fileURLToPath(new URL('./main.ts', import.meta.url))

/** Runs the real server process; resolves with its exit code and output. */
function run(env: Record<string, string>, whileUp?: (url: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'pl-main-'))
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      SECRET_KEY: 'process-test-secret-0123456789abcdef',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d))
  child.stderr.on('data', (d: Buffer) => (out += d))
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, out }))
    if (whileUp !== undefined) {
      const wait = setInterval(() => {
        const m = /running on (http:\/\/\S+)/.exec(out)
        if (m?.[1] === undefined) return
        clearInterval(wait)
        void whileUp(m[1]).finally(() => child.kill('SIGTERM'))
      }, 50)
    }
  })
}

// Process-level checks do not depend on the database; run them once, in the SQLite pass.
describe.skipIf(process.env['PORCHLIGHT_TEST_DB'] === 'postgres')('the server process', () => {
  it('stops at start with a message naming a wrong variable', async () => {
    const { code, out } = await run({ PORT: 'eighty' })
    expect(code).toBe(78)
    expect(out).toContain('PORT: expected a whole number')
  })

  it('refuses the test switches, which only the test entry honours', async () => {
    const { code, out } = await run({ PORCHLIGHT_TEST_SEED: 'true', PORCHLIGHT_TEST_CLOCK: 'true' })
    expect(code).toBe(78)
    expect(out).toContain(
      'PORCHLIGHT_TEST_CLOCK, PORCHLIGHT_TEST_SEED: test switches need the test entry',
    )
  })

  it('serves, then shuts down gracefully on SIGTERM with exit code 0', async () => {
    let ready = 0
    const { code, out } = await run({}, async (url) => {
      ready = (await fetch(`${url}/readyz`)).status
    })
    expect(ready).toBe(200)
    expect(code).toBe(0)
    expect(out).toContain('"msg":"shutting down","reason":"SIGTERM"')
    expect(out).toContain('"msg":"stopped"')
  })
})
