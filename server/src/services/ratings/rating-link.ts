import { createHmac, timingSafeEqual } from 'node:crypto'

/** How long the link in a resolution email keeps working. */
export const RATING_LINK_DAYS = 30

const TICKET_ID = /^tk_[A-Za-z0-9_-]{1,64}$/

function signature(secret: string, ticketId: string, expires: number): Buffer {
  return createHmac('sha256', secret)
    .update(`porchlight/rating/v1\0${ticketId}\0${expires}`)
    .digest()
    .subarray(0, 24)
}

/**
 * The token of a ticket's rating link: the ticket id, when the link expires, and a keyed
 * signature of both. Only the server can make one, so a shopper can rate only the ticket the
 * email was about; "once" is the ratings table's primary key, not the token.
 */
export function ratingToken(secret: string, ticketId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + RATING_LINK_DAYS * 86400
  return `${ticketId}.${expires}.${signature(secret, ticketId, expires).toString('base64url')}`
}

export type TokenCheck = { ok: true; ticketId: string } | { ok: false; why: 'invalid' | 'expired' }

/** Checks a token against the current key and, after a rotation, the previous one. */
export function readRatingToken(secrets: readonly string[], token: string, now: Date): TokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, why: 'invalid' }
  const [ticketId, expiresText, sig] = parts as [string, string, string]
  if (!TICKET_ID.test(ticketId) || !/^\d{1,12}$/.test(expiresText))
    return { ok: false, why: 'invalid' }
  const given = Buffer.from(sig, 'base64url')
  const expires = Number(expiresText)
  const valid = secrets.some((secret) => {
    const expected = signature(secret, ticketId, expires)
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  if (!valid) return { ok: false, why: 'invalid' }
  if (expires * 1000 <= now.getTime()) return { ok: false, why: 'expired' }
  return { ok: true, ticketId }
}
