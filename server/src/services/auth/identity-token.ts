import type { ShopperIdentity } from '@porchlight/shared/api/auth'
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose'
import { normalizeEmail, normalizePhone } from './identifier.ts'

/** The longest life an identity token may claim: `exp` at most this far ahead. */
export const MAX_IDENTITY_TOKEN_LIFE_S = 600
/** Clock difference allowed between the merchant's server and ours. */
const SKEW_S = 30
/** Longer than any honest HS256 token with an email claim; refused before any parsing. */
export const MAX_IDENTITY_TOKEN_LENGTH = 4096

export interface IdentitySecret {
  id: string
  secret: string
}

/** Why a token was refused: logged for the operator, never told to the browser. */
export type IdentityRefusal =
  | 'malformed'
  | 'algorithm'
  | 'no_secret'
  | 'unknown_key'
  | 'signature'
  | 'audience'
  | 'expired'
  | 'expiry_missing'
  | 'expiry_too_far'
  | 'no_identity'
  | 'invalid_identity'
  | 'replayed'

export type IdentityCheck =
  | { ok: true; identity: ShopperIdentity; expiresAt: number }
  | { ok: false; reason: IdentityRefusal }

/**
 * Checks an identity token a merchant's backend signed for a signed-in customer: HS256 only
 * (no `none`, no RS/HS confusion: a public key can never be taken as the HMAC secret), signed
 * by one of the store's live secrets (`kid` picks it; without `kid` each is tried), `aud` the
 * store's widget key (a token made for another store does not work here), `exp` present and at
 * most 10 minutes ahead, and an `email` or `phone` claim that is one.
 */
export async function checkIdentityToken(
  token: string,
  input: { secrets: readonly IdentitySecret[]; widgetKey: string; nowMs: number },
): Promise<IdentityCheck> {
  if (token.length > MAX_IDENTITY_TOKEN_LENGTH) return { ok: false, reason: 'malformed' }
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(token)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (header.alg !== 'HS256') return { ok: false, reason: 'algorithm' }
  if (input.secrets.length === 0) return { ok: false, reason: 'no_secret' }
  const candidates =
    header.kid === undefined ? input.secrets : input.secrets.filter((s) => s.id === header.kid)
  if (candidates.length === 0) return { ok: false, reason: 'unknown_key' }

  let payload: JWTPayload | undefined
  let refusal: IdentityRefusal = 'signature'
  for (const candidate of candidates) {
    try {
      const verified = await jwtVerify(token, new TextEncoder().encode(candidate.secret), {
        algorithms: ['HS256'],
        audience: input.widgetKey,
        currentDate: new Date(input.nowMs),
        clockTolerance: SKEW_S,
      })
      payload = verified.payload
      break
    } catch (err) {
      refusal = refusalOf(err)
      // Only a wrong signature is worth trying the next secret for.
      if (refusal !== 'signature') return { ok: false, reason: refusal }
    }
  }
  if (payload === undefined) return { ok: false, reason: refusal }
  if (payload.exp === undefined) return { ok: false, reason: 'expiry_missing' }
  if (payload.exp * 1000 > input.nowMs + (MAX_IDENTITY_TOKEN_LIFE_S + SKEW_S) * 1000) {
    return { ok: false, reason: 'expiry_too_far' }
  }
  const identity = identityOf(payload)
  if (identity === 'none') return { ok: false, reason: 'no_identity' }
  if (identity === 'invalid') return { ok: false, reason: 'invalid_identity' }
  return { ok: true, identity, expiresAt: payload.exp * 1000 }
}

function refusalOf(err: unknown): IdentityRefusal {
  if (err instanceof errors.JWTExpired) return 'expired'
  if (err instanceof errors.JWTClaimValidationFailed) {
    return err.claim === 'aud' ? 'audience' : 'malformed'
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature'
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm'
  return 'malformed'
}

/** The email claim if there is one, else the phone claim (E.164). */
function identityOf(payload: JWTPayload): ShopperIdentity | 'none' | 'invalid' {
  const { email, phone } = payload
  if (email !== undefined) {
    if (typeof email !== 'string') return 'invalid'
    const normalized = normalizeEmail(email)
    return normalized.ok ? { kind: 'email', value: normalized.value } : 'invalid'
  }
  if (phone !== undefined) {
    if (typeof phone !== 'string' || !phone.trim().startsWith('+')) return 'invalid'
    const normalized = normalizePhone(phone)
    return normalized.ok ? { kind: 'phone', value: normalized.value } : 'invalid'
  }
  return 'none'
}
