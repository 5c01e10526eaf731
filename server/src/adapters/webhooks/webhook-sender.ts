import { DeliveryError } from '../delivery-error.ts'

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

/**
 * Webhooks over fetch. Redirects are not followed (a receiver that moved must be updated, and
 * a redirect must not steer our signed request somewhere else); any answer outside 2xx is a
 * failed attempt the outbox retries, carrying the status code for the delivery log.
 */
export function createHttpWebhookSender(
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): WebhookSender {
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  return {
    async post(request) {
      let res: Response
      try {
        res = await doFetch(request.url, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err)
        throw new DeliveryError('unavailable', false, `no answer: ${why}`)
      }
      // The answer's body is not ours to read; let the connection go.
      await res.body?.cancel().catch(() => undefined)
      if (res.status >= 200 && res.status < 300) return { status: res.status }
      throw new DeliveryError(
        res.status === 429 ? 'throttled' : 'rejected',
        false,
        `answered HTTP ${res.status}`,
        res.status,
      )
    },
  }
}
