import { createHmac } from 'node:crypto'

/**
 * The mailbox an identifier counts against: `name+tag@domain` is `name@domain`, since most
 * providers deliver every tag to the one mailbox and each tag would otherwise get fresh limits.
 * Phones and untagged addresses are returned as they are. Sessions keep the address as typed.
 */
export function foldForLimits(identifier: string): string {
  const at = identifier.lastIndexOf('@')
  if (at < 0) return identifier
  const local = identifier.slice(0, at)
  const plus = local.indexOf('+')
  // A local part that starts with '+' has no base name to fold into.
  if (plus <= 0) return identifier.toLowerCase()
  return `${local.slice(0, plus)}${identifier.slice(at)}`.toLowerCase()
}

/**
 * The name a limit key gives an identifier: a keyed hash of its folded form, so the limit
 * tables hold no email or phone and every tag of one mailbox shares one bucket.
 */
export function limitIdentity(secret: string, identifier: string): string {
  return createHmac('sha256', secret)
    .update(`porchlight/rate/v1\0${foldForLimits(identifier)}`)
    .digest('base64url')
}
