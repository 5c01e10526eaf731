import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'X-Porchlight-Signature'
export const EVENT_HEADER = 'X-Porchlight-Event'
export const DELIVERY_HEADER = 'X-Porchlight-Delivery'

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the endpoint's
 * secret. The timestamp is inside the signed text, so a receiver that refuses old timestamps
 * cannot be fed a captured delivery again later.
 */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
  return `t=${t},v1=${v1}`
}

/**
 * Checks a signature header the way a receiver should: the HMAC over the raw body (before any
 * JSON parsing), compared in constant time, and a timestamp within `toleranceSec` of `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  now: Date,
  toleranceSec = 300,
): boolean {
  if (!header) return false
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=')
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const
    }),
  )
  const t = Number(parts.get('t'))
  const v1 = parts.get('v1') ?? ''
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSec) return false
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest()
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'))
}
