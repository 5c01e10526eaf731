import { SignJWT, UnsecuredJWT, base64url } from 'jose'
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkIdentityToken, type IdentitySecret } from './identity-token.ts'

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0)
const KEY = 'pk_demo_lumen'
const current: IdentitySecret = {
  id: 'idk_current',
  secret: 'plid_current-secret-0123456789abcdef',
}
const previous: IdentitySecret = {
  id: 'idk_previous',
  secret: 'plid_previous-secret-0123456789abcd',
}
const encode = (s: string) => new TextEncoder().encode(s)

function token(
  claims: Record<string, unknown> = { email: 'Ada@Example.com' },
  options: { secret?: string; aud?: string; expInS?: number; kid?: string; alg?: string } = {},
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({
      alg: options.alg ?? 'HS256',
      ...(options.kid ? { kid: options.kid } : {}),
    })
    .setAudience(options.aud ?? KEY)
    .setIssuedAt(Math.floor(NOW / 1000))
  if (options.expInS !== undefined || !('noExp' in claims)) {
    jwt.setExpirationTime(Math.floor(NOW / 1000) + (options.expInS ?? 300))
  }
  return jwt.sign(encode(options.secret ?? current.secret))
}

const check = (t: string, secrets: IdentitySecret[] = [current, previous]) =>
  checkIdentityToken(t, { secrets, widgetKey: KEY, nowMs: NOW })

describe('identity tokens signed by the merchant', () => {
  it('accept an email or an E.164 phone, normalized, with the token’s expiry', async () => {
    expect(await check(await token())).toEqual({
      ok: true,
      identity: { kind: 'email', value: 'ada@example.com' },
      expiresAt: (Math.floor(NOW / 1000) + 300) * 1000,
    })
    expect(await check(await token({ phone: '+1 415 555 0100' }))).toMatchObject({
      ok: true,
      identity: { kind: 'phone', value: '+14155550100' },
    })
  })

  it('verify with the secret before a rotation, and pick the secret `kid` names', async () => {
    expect(
      (await check(await token({ email: 'a@example.com' }, { secret: previous.secret }))).ok,
    ).toBe(true)
    const named = await token(
      { email: 'a@example.com' },
      { kid: 'idk_previous', secret: previous.secret },
    )
    expect((await check(named)).ok).toBe(true)
    // The kid names a secret the token was not signed with.
    const wrongKid = await token(
      { email: 'a@example.com' },
      { kid: 'idk_current', secret: previous.secret },
    )
    expect(await check(wrongKid)).toEqual({ ok: false, reason: 'signature' })
    const unknownKid = await token({ email: 'a@example.com' }, { kid: 'idk_gone' })
    expect(await check(unknownKid)).toEqual({ ok: false, reason: 'unknown_key' })
  })

  it('refuse alg none', async () => {
    const none = new UnsecuredJWT({ email: 'a@example.com' })
      .setAudience(KEY)
      .setExpirationTime(Math.floor(NOW / 1000) + 60)
      .encode()
    expect(await check(none)).toEqual({ ok: false, reason: 'algorithm' })
    // The same with a made-up signature appended.
    expect(await check(`${none}${base64url.encode('x')}`)).toEqual({
      ok: false,
      reason: 'algorithm',
    })
  })

  it('refuse RS256 and HS512, and an HS256 token keyed with something public', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const rs = await new SignJWT({ email: 'a@example.com' })
      .setProtectedHeader({ alg: 'RS256' })
      .setAudience(KEY)
      .setExpirationTime(Math.floor(NOW / 1000) + 60)
      .sign(privateKey)
    expect(await check(rs)).toEqual({ ok: false, reason: 'algorithm' })
    const hs512 = await new SignJWT({ email: 'a@example.com' })
      .setProtectedHeader({ alg: 'HS512' })
      .setAudience(KEY)
      .setExpirationTime(Math.floor(NOW / 1000) + 60)
      .sign(encode(current.secret))
    expect(await check(hs512)).toEqual({ ok: false, reason: 'algorithm' })
    // Keyed with the widget key, which every storefront page shows.
    expect(await check(await token(undefined, { secret: KEY }))).toEqual({
      ok: false,
      reason: 'signature',
    })
  })

  it('refuse another store’s audience, an expired token and one that lives too long', async () => {
    expect(await check(await token(undefined, { aud: 'pk_other_store' }))).toEqual({
      ok: false,
      reason: 'audience',
    })
    expect(await check(await token(undefined, { expInS: -31 }))).toEqual({
      ok: false,
      reason: 'expired',
    })
    expect((await check(await token(undefined, { expInS: 600 }))).ok).toBe(true)
    expect(await check(await token(undefined, { expInS: 631 }))).toEqual({
      ok: false,
      reason: 'expiry_too_far',
    })
    expect(await check(await token({ email: 'a@example.com', noExp: true }))).toEqual({
      ok: false,
      reason: 'expiry_missing',
    })
  })

  it('refuse a token with no identity, a bad one, garbage, and any token when the store has no secret', async () => {
    expect(await check(await token({ name: 'Ada' }))).toEqual({ ok: false, reason: 'no_identity' })
    expect(await check(await token({ email: 'not an address' }))).toEqual({
      ok: false,
      reason: 'invalid_identity',
    })
    expect(await check(await token({ phone: '4155550100' }))).toEqual({
      ok: false,
      reason: 'invalid_identity',
    })
    expect(await check(await token({ email: ['a@example.com'] }))).toEqual({
      ok: false,
      reason: 'invalid_identity',
    })
    for (const garbage of ['', 'abc', 'a.b.c', '.'.repeat(5), 'x'.repeat(5000)]) {
      expect(await check(garbage)).toEqual({ ok: false, reason: 'malformed' })
    }
    expect(await check(await token(), [])).toEqual({ ok: false, reason: 'no_secret' })
  })
})
