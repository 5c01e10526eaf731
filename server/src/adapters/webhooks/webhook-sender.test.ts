import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startReceiver } from '../../test/webhook-receiver.ts'
import { DeliveryError } from '../delivery-error.ts'
import { createHttpWebhookSender } from './webhook-sender.ts'
import type { ResolvedAddress, WebhookTargetPolicy } from './webhook-targets.ts'

/** A resolver that answers from a script, one entry per lookup, and counts the lookups. */
function scriptedDns(...answers: ResolvedAddress[][]) {
  const asked: string[] = []
  const resolve = async (host: string) => {
    asked.push(host)
    const next = answers.length > 1 ? answers.shift() : answers[0]
    if (next === undefined) throw new Error(`ENOTFOUND ${host}`)
    return next
  }
  return { asked, resolve }
}

const loopback: ResolvedAddress = { address: '127.0.0.1', family: 4 }
const publicIp: ResolvedAddress = { address: '93.184.216.34', family: 4 }

/** `hooks.test` cannot resolve in real DNS: reaching the receiver proves the pinned address. */
const named = (receiverUrl: string) => receiverUrl.replace('127.0.0.1', 'hooks.test')

const post = (url: string, policy: WebhookTargetPolicy, timeoutMs?: number) =>
  createHttpWebhookSender({ targets: policy, timeoutMs }).post({
    url,
    body: '{"a":1}',
    headers: { 'content-type': 'application/json', 'x-porchlight-event': 'ticket.created' },
  })

describe('HTTP webhook sender', () => {
  it('resolves once, connects to the checked address, and keeps the name in Host', async () => {
    const receiver = await startReceiver([204])
    const dns = scriptedDns([loopback])
    const url = named(receiver.url)
    expect(await post(url, { allowPrivate: true, resolve: dns.resolve })).toEqual({ status: 204 })
    expect(dns.asked).toEqual(['hooks.test'])
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]).toMatchObject({
      body: '{"a":1}',
      headers: { host: new URL(url).host, 'x-porchlight-event': 'ticket.created' },
    })
  })

  it('refuses a name that resolves to loopback at delivery, without connecting', async () => {
    const receiver = await startReceiver()
    const dns = scriptedDns([loopback])
    const err = await post(named(receiver.url), { allowPrivate: false, resolve: dns.resolve })
      .then(() => null)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeliveryError)
    expect(err).toMatchObject({ reason: 'rejected', permanent: true })
    expect((err as Error).message).toMatch(/127\.0\.0\.1 is loopback/)
    expect(receiver.received).toHaveLength(0)
  })

  it('refuses a name with any private address among its answers', async () => {
    const receiver = await startReceiver()
    const dns = scriptedDns([publicIp, loopback])
    await expect(
      post(named(receiver.url), { allowPrivate: false, resolve: dns.resolve }),
    ).rejects.toMatchObject({ reason: 'rejected', permanent: true })
    expect(receiver.received).toHaveLength(0)
  })

  it.each(['127.0.0.1', '[::ffff:127.0.0.1]', '[::127.0.0.1]', '[64:ff9b::7f00:1]'])(
    'refuses the literal address %s at delivery',
    async (host) => {
      const receiver = await startReceiver()
      const dns = scriptedDns()
      const url = receiver.url.replace('127.0.0.1', host)
      await expect(post(url, { allowPrivate: false, resolve: dns.resolve })).rejects.toMatchObject({
        reason: 'rejected',
        permanent: true,
      })
      expect(dns.asked).toEqual([])
      expect(receiver.received).toHaveLength(0)
    },
  )

  it('does not follow a redirect', async () => {
    const target = await startReceiver()
    const mover = await redirectTo(target.url)
    const err = await post(mover.url, { allowPrivate: true, resolve: scriptedDns().resolve })
      .then(() => null)
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ reason: 'rejected', permanent: false, providerCode: '307' })
    expect(mover.hits()).toBe(1)
    expect(target.received).toHaveLength(0)
  })

  it.each([
    [410, 'rejected'],
    [429, 'throttled'],
    [500, 'rejected'],
  ])('counts HTTP %i as a failed attempt to retry', async (status, reason) => {
    const receiver = await startReceiver([status])
    const err = await post(receiver.url, { allowPrivate: true, resolve: scriptedDns().resolve })
      .then(() => null)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeliveryError)
    expect(err).toMatchObject({ reason, permanent: false, providerCode: String(status) })
  })

  it('reports no answer, and a name that does not resolve, as unavailable (retried)', async () => {
    const closed = await freePort()
    const allowAll = { allowPrivate: true, resolve: scriptedDns().resolve }
    await expect(post(`http://127.0.0.1:${closed}/hooks`, allowAll)).rejects.toMatchObject({
      reason: 'unavailable',
      permanent: false,
      providerCode: undefined,
    })
    await expect(post('https://nowhere.test/hooks', allowAll)).rejects.toMatchObject({
      reason: 'unavailable',
      permanent: false,
    })
  })

  it('gives up on a resolver that never answers', async () => {
    const stuck = { allowPrivate: true, resolve: () => new Promise<never>(() => undefined) }
    await expect(post('https://slow.test/hooks', stuck, 50)).rejects.toMatchObject({
      reason: 'unavailable',
      message: expect.stringMatching(/timed out/),
    })
  })
})

/** A port nobody listens on: bound, read, released. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A receiver that moved: answers every POST with a 307 to `location`. */
async function redirectTo(location: string) {
  let hits = 0
  const server = createHttpServer((req, res) => {
    hits++
    req.resume()
    res.writeHead(307, { location }).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return { url: `http://127.0.0.1:${port}/old`, hits: () => hits }
}
