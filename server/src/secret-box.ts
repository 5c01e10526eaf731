import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { keyById, type Keyring, type SecretKey } from './keyring.ts'

/**
 * Secrets Porchlight must keep and use again (a shop's client secret, access and refresh
 * tokens), sealed at rest with AES-256-GCM. The cipher key is derived from SECRET_KEY with
 * HKDF-SHA256, never SECRET_KEY itself, so one key can never be replayed as the other's MAC.
 * A sealed value is `pl1.<key id>.<iv>.<ciphertext+tag>` (base64url): the key id picks the key
 * of the ring, so a value sealed before a rotation opens while SECRET_KEY_PREVIOUS is set.
 *
 * `purpose` is bound to the ciphertext as associated data (say `shopify:<store>:accessToken`),
 * so a sealed value copied to another store or another field does not open there.
 */
const PREFIX = 'pl1'
const IV_BYTES = 12
const TAG_BYTES = 16

const derived = new Map<string, Buffer>()

function cipherKey(key: SecretKey): Buffer {
  let k = derived.get(key.id)
  if (k === undefined) {
    k = Buffer.from(hkdfSync('sha256', key.key, 'porchlight', 'porchlight/secret-box/v1', 32))
    derived.set(key.id, k)
  }
  return k
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${PREFIX}.`)
}

/** Seals a secret under the ring's current key. */
export function sealSecret(ring: Keyring, purpose: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', cipherKey(ring.current), iv)
  cipher.setAAD(Buffer.from(purpose, 'utf8'))
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ])
  return [PREFIX, ring.current.id, iv.toString('base64url'), body.toString('base64url')].join('.')
}

export type OpenResult =
  | {
      ok: true
      plaintext: string
      /** Sealed under a key other than the current one. */ stale: boolean
    }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'tampered' }

/** Opens a value sealed by sealSecret under any key still on the ring. */
export function openSecret(ring: Keyring, purpose: string, sealed: string): OpenResult {
  const parts = sealed.split('.')
  if (parts.length !== 4 || parts[0] !== PREFIX) return { ok: false, reason: 'malformed' }
  const [, keyId = '', ivText = '', bodyText = ''] = parts
  const key = keyById(ring, keyId)
  if (key === undefined) return { ok: false, reason: 'unknown_key' }
  const iv = Buffer.from(ivText, 'base64url')
  const body = Buffer.from(bodyText, 'base64url')
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return { ok: false, reason: 'malformed' }
  try {
    const decipher = createDecipheriv('aes-256-gcm', cipherKey(key), iv)
    decipher.setAAD(Buffer.from(purpose, 'utf8'))
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
    const plain = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ])
    return { ok: true, plaintext: plain.toString('utf8'), stale: key.id !== ring.current.id }
  } catch {
    return { ok: false, reason: 'tampered' }
  }
}
