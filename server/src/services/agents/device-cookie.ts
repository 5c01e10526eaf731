import { randomBytes } from 'node:crypto'
import { signWithKeyring, verifyWithKeyring, type Keyring } from '../../keyring.ts'

/**
 * A device cookie (OWASP's defence against lockout abuse): a browser that signed in to an
 * account gets a signed note saying so. Its attempts count apart from everyone else's and go
 * first in the hashing queue, so a stranger's guesses neither lock the agent out of their own
 * browser nor starve it. It proves nothing else: the password is still checked.
 */
export const DEVICE_COOKIE = 'pl_agent_device'
export const DEVICE_COOKIE_DAYS = 180
const PURPOSE = 'porchlight/agent-device/v1'

export function makeDeviceCookie(ring: Keyring, email: string): string {
  const nonce = randomBytes(12).toString('base64url')
  return `${nonce}.${signWithKeyring(ring, PURPOSE, `${nonce}\0${email}`)}`
}

export function deviceCookieValid(ring: Keyring, email: string, cookie: string | undefined) {
  if (cookie === undefined || cookie.length > 200) return false
  const dot = cookie.indexOf('.')
  if (dot < 1) return false
  return verifyWithKeyring(
    ring,
    PURPOSE,
    `${cookie.slice(0, dot)}\0${email}`,
    cookie.slice(dot + 1),
  )
}
