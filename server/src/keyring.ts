import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The server's secret keys: the current one, which makes every new code and cookie, and while
 * a rotation runs the previous one, which still verifies what it made. Each key has a short
 * public id (a hash of the key) that derived values carry, so verification picks the right key
 * instead of trying each.
 */
export interface SecretKey {
  id: string
  key: string
}

export interface Keyring {
  current: SecretKey
  previous: SecretKey | undefined
}

/** A key's public id: 8 base64url characters of a hash; it reveals nothing usable of the key. */
export function keyIdOf(key: string): string {
  return createHash('sha256').update(`porchlight/key-id/v1\0${key}`).digest('base64url').slice(0, 8)
}

export function makeKeyring(current: string, previous?: string): Keyring {
  return {
    current: { id: keyIdOf(current), key: current },
    previous:
      previous === undefined || previous === current
        ? undefined
        : { id: keyIdOf(previous), key: previous },
  }
}

/** The key with this id, or undefined once it has left the ring. */
export function keyById(ring: Keyring, id: string): SecretKey | undefined {
  if (ring.current.id === id) return ring.current
  if (ring.previous?.id === id) return ring.previous
  return undefined
}

/**
 * A value's MAC under the current key, as `<key id>.<mac>`: the id says which key to check
 * it with later, so a value made before a rotation still verifies until the old key goes.
 */
export function signWithKeyring(ring: Keyring, purpose: string, value: string): string {
  return `${ring.current.id}.${mac(ring.current.key, purpose, value)}`
}

/** Checks a `<key id>.<mac>` made by signWithKeyring, in constant time. */
export function verifyWithKeyring(
  ring: Keyring,
  purpose: string,
  value: string,
  signed: string,
): boolean {
  const dot = signed.indexOf('.')
  const key = dot < 0 ? undefined : keyById(ring, signed.slice(0, dot))
  if (key === undefined) return false
  const a = Buffer.from(signed.slice(dot + 1))
  const b = Buffer.from(mac(key.key, purpose, value))
  return a.length === b.length && timingSafeEqual(a, b)
}

function mac(key: string, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\0${value}`).digest('base64url')
}

const rings = new WeakMap<object, Keyring>()

/** The keyring of a resolved configuration (SECRET_KEY and SECRET_KEY_PREVIOUS). */
export function keyringOf(config: {
  secretKey: string | undefined
  secretKeyPrevious?: string | undefined
}): Keyring {
  let ring = rings.get(config)
  if (ring === undefined) {
    if (config.secretKey === undefined) throw new Error('secretKey must be resolved first')
    ring = makeKeyring(config.secretKey, config.secretKeyPrevious)
    rings.set(config, ring)
  }
  return ring
}
