import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'

/**
 * The README's start command, `pnpm start` (server/src/start.ts), as a merchant runs it: the
 * product comes up with the embedded defaults and serves the widget the build compressed.
 * (Once, start.ts imported main.ts without running it, and the command exited at once, quietly.)
 */
const dist = fileURLToPath(new URL('../../widget/dist/', import.meta.url))

describe('pnpm start', () => {
  let server: ServerProcess

  beforeAll(async () => {
    server = await startServerProcess({}, { entry: 'start' })
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('answers healthy and ready, and serves the console', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
    const console = await fetch(`${server.url}/console`)
    expect(console.status).toBe(200)
    expect(await console.text()).toContain('<script')
  })

  it('sends the loader as the build compressed it, in the encoding the browser asked for', async () => {
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      // fetch would decode the body; node:http's raw bytes are what went over the wire.
      const { request } = await import('node:http')
      const body = await new Promise<Buffer>((resolve, reject) => {
        request(
          `${server.url}/porchlight.js`,
          { headers: { 'accept-encoding': encoding } },
          (res) => {
            expect(res.headers['content-encoding']).toBe(encoding)
            const parts: Buffer[] = []
            res.on('data', (d: Buffer) => parts.push(d))
            res.on('end', () => resolve(Buffer.concat(parts)))
          },
        )
          .on('error', reject)
          .end()
      })
      expect(body.equals(readFileSync(`${dist}porchlight.js${suffix}`))).toBe(true)
    }
  })

  it('stops cleanly on SIGTERM', async () => {
    expect(await server.stop('SIGTERM')).toBe(0)
  })
})
