import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll } from 'vitest'

export interface Received {
  headers: IncomingHttpHeaders
  body: string
}

const open: Array<() => Promise<void>> = []
afterAll(async () => {
  await Promise.all(open.splice(0).map((close) => close()))
})

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests: records each request's headers and raw
 * body, and answers the scripted statuses in turn (then 200).
 */
export async function startReceiver(script: number[] = []) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.statusCode = script.shift() ?? 200
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  open.push(close)
  return { url: `http://127.0.0.1:${port}/hooks`, received, script }
}
