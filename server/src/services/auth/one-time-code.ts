import { createHmac, timingSafeEqual } from 'node:crypto'
import { generate } from 'otplib'

/**
 * The HOTP key of one challenge: HMAC-SHA256 of its id under the server secret. Nothing about
 * the code is stored; anyone holding the secret and the id can derive it again, nobody else.
 * The purpose prefix keeps this key apart from any other use of the same secret.
 */
function challengeKey(secret: string, challengeId: string): Uint8Array {
  return new Uint8Array(
    createHmac('sha256', secret).update(`porchlight/otp/v1\0${challengeId}`).digest(),
  )
}

/** The 6-digit code of a challenge at a counter (RFC 4226 HOTP, via otplib). */
export async function deriveCode(
  secret: string,
  challengeId: string,
  counter: number,
): Promise<string> {
  return generate({
    strategy: 'hotp',
    secret: challengeKey(secret, challengeId),
    counter,
    digits: 6,
  })
}

/** Compares two well-formed codes in time that does not depend on where they differ. */
export function codesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'ascii')
  const b = Buffer.from(given, 'ascii')
  return a.length === b.length && timingSafeEqual(a, b)
}

// ASCII digits only: \d in a JS regex never matches other scripts' digits (full-width, Arabic).
const codeShape = /^[ \t\r\n]*([0-9]{6})[ \t\r\n]*$/

/** The code a shopper typed, when it is six ASCII digits with optional surrounding spaces. */
export function parseCodeInput(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 64) return undefined
  return codeShape.exec(input)?.[1]
}
