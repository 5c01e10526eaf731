import { describe, expect, it } from 'vitest'
import { makeKeyring } from './keyring.ts'
import { isSealed, openSecret, sealSecret } from './secret-box.ts'

const OLD = 'old-secret-key-0123456789abcdefghijklmnop'
const NEW = 'new-secret-key-0123456789abcdefghijklmnop'

describe('secret box (AES-256-GCM under SECRET_KEY)', () => {
  it('seals a secret so that only its purpose under a key of the ring opens it', () => {
    const ring = makeKeyring(NEW)
    const sealed = sealSecret(ring, 'shopify:st_a:clientSecret', 'shpss_very_secret')
    expect(isSealed(sealed)).toBe(true)
    expect(sealed).not.toContain('shpss_very_secret')
    // A fresh IV each time: the same secret never seals to the same text.
    expect(sealSecret(ring, 'shopify:st_a:clientSecret', 'shpss_very_secret')).not.toBe(sealed)
    expect(openSecret(ring, 'shopify:st_a:clientSecret', sealed)).toEqual({
      ok: true,
      plaintext: 'shpss_very_secret',
      stale: false,
    })
    // Copied to another store or field, it does not open.
    expect(openSecret(ring, 'shopify:st_b:clientSecret', sealed)).toEqual({
      ok: false,
      reason: 'tampered',
    })
    expect(openSecret(ring, 'shopify:st_a:accessToken', sealed)).toEqual({
      ok: false,
      reason: 'tampered',
    })
  })

  it('refuses an altered ciphertext, a foreign key id and garbage', () => {
    const ring = makeKeyring(NEW)
    const sealed = sealSecret(ring, 'p', 'value')
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    const altered = [...parts.slice(0, 3), body.toString('base64url')].join('.')
    expect(openSecret(ring, 'p', altered)).toEqual({ ok: false, reason: 'tampered' })
    expect(openSecret(makeKeyring(OLD), 'p', sealed)).toEqual({ ok: false, reason: 'unknown_key' })
    expect(openSecret(ring, 'p', 'pl1.x.y')).toEqual({ ok: false, reason: 'malformed' })
  })

  it('opens what the previous key sealed during a rotation, and says it is stale', () => {
    const before = sealSecret(makeKeyring(OLD), 'p', 'value')
    const rotating = makeKeyring(NEW, OLD)
    expect(openSecret(rotating, 'p', before)).toEqual({ ok: true, plaintext: 'value', stale: true })
    // Once SECRET_KEY_PREVIOUS is gone, it no longer opens.
    expect(openSecret(makeKeyring(NEW), 'p', before)).toEqual({ ok: false, reason: 'unknown_key' })
  })
})
