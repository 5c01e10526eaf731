import { analyse } from './strength.ts'

/**
 * Estimated bits of entropy in a secret key. zxcvbn finds the guessable parts (repeats,
 * sequences, dictionary words, keyboard walks) and prices them; the parts it cannot explain
 * it prices as ten choices a character, which is right for a PIN and far too low for a random
 * key. So those parts are priced here by the key's own alphabet instead (16 a character for
 * hex, 64 for base64url), and the guessable parts keep zxcvbn's price.
 */
export function estimateSecretBits(key: string): number {
  const alphabet = alphabetSize(key)
  let bits = 0
  for (const match of analyse(key).sequence) {
    bits +=
      match.pattern === 'bruteforce'
        ? match.token.length * Math.log2(alphabet)
        : Math.log2(Math.max(1, match.guesses))
  }
  return bits
}

function alphabetSize(key: string): number {
  if (/^[0-9a-f]+$/.test(key) || /^[0-9A-F]+$/.test(key)) return 16
  let size = 0
  if (/[0-9]/.test(key)) size += 10
  if (/[a-z]/.test(key)) size += 26
  if (/[A-Z]/.test(key)) size += 26
  if (/[^0-9a-zA-Z]/.test(key)) size += 33
  return size
}

export const MIN_SECRET_BITS = 128
