import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { DeliveryError } from '../delivery-error.ts'
import {
  checkWebhookTarget,
  defaultTargetPolicy,
  type ResolvedAddress,
  type WebhookTargetPolicy,
} from './webhook-targets.ts'

export interface WebhookRequest {
  url: string
  body: string
  headers: Record<string, string>
}

/** Posts one webhook; resolves with the HTTP status of a 2xx answer, throws DeliveryError else. */
export interface WebhookSender {
  post(request: WebhookRequest): Promise<{ status: number }>
}

/** How long a receiver may take to answer before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000

/** A lookup that answers the address already checked, so the socket cannot go anywhere else. */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) callback(null, [address])
    else callback(null, address.address, address.family)
  }
}

/**
 * Webhooks over node:http(s). The host is resolved and checked at every delivery (an endpoint
 * that was public when it was created may point at loopback today), and the socket connects to
 * the address that was checked: the name stays in Host and in TLS SNI and certificate checks.
 * Redirects are not followed (node:http never does: a receiver that moved must be updated, and
 * a redirect must not steer our signed request somewhere else); any answer outside 2xx is a
 * failed attempt the outbox retries, carrying the status code for the delivery log.
 */
export function createHttpWebhookSender(
  options: { targets?: WebhookTargetPolicy; timeoutMs?: number } = {},
): WebhookSender {
  const targets = options.targets ?? defaultTargetPolicy
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  return {
    async post(request) {
      const url = new URL(request.url)
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new DeliveryError('rejected', true, `refused target: ${url.protocol} URL`)
      }
      const signal = AbortSignal.timeout(timeoutMs)
      const target = await Promise.race([
        checkWebhookTarget(url, targets),
        new Promise<never>((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('resolving timed out')))
        }),
      ]).catch((err: unknown) => {
        const why = err instanceof Error ? err.message : String(err)
        throw new DeliveryError('unavailable', false, `no answer: ${why}`)
      })
      if (!target.ok) {
        // A refused address stays refused until an owner changes the endpoint; a name that does
        // not resolve may be a passing DNS failure, so that one is retried.
        const refused = target.code === 'target_refused'
        throw new DeliveryError(refused ? 'rejected' : 'unavailable', refused, target.message)
      }
      const status = await send(url, target.host, target.address, request, signal).catch(
        (err: unknown) => {
          const why = err instanceof Error ? err.message : String(err)
          throw new DeliveryError('unavailable', false, `no answer: ${why}`)
        },
      )
      if (status >= 200 && status < 300) return { status }
      throw new DeliveryError(
        status === 429 ? 'throttled' : 'rejected',
        false,
        `answered HTTP ${status}`,
        status,
      )
    },
  }
}

function send(
  url: URL,
  host: string,
  address: ResolvedAddress,
  request: WebhookRequest,
  signal: AbortSignal,
): Promise<number> {
  const options: RequestOptions = {
    method: 'POST',
    host,
    port: url.port === '' ? undefined : Number(url.port),
    path: `${url.pathname}${url.search}`,
    headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
    lookup: pinnedLookup(address),
    // No pooled sockets: each delivery connects to the address checked for it.
    agent: false,
    signal,
  }
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      options,
      (res: IncomingMessage) => {
        // The answer's body is not ours to read; let the connection go.
        res.destroy()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end(request.body)
  })
}
