import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// scrypt with N=2^15, r=8, p=1: about 32 MiB and tens of milliseconds per check, the OWASP
// baseline; parameters live in the stored string so they can be raised later.
const N = 2 ** 15
const r = 8
const p = 1
const keyLength = 32

function derive(
  password: string,
  salt: Buffer,
  n: number,
  rr: number,
  pp: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { N: n, r: rr, p: pp, maxmem: 128 * n * rr * 2 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
}

/** Hashes an agent's password as `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, N, r, p)
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Checks a password against a stored hash in constant time; malformed hashes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [n, rr, pp] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![n, rr, pp].every((v) => Number.isInteger(v) && v > 0) || n > 2 ** 20) return false
  const expected = Buffer.from(parts[5] ?? '', 'base64url')
  if (expected.length !== keyLength) return false
  const actual = await derive(password, Buffer.from(parts[4] ?? '', 'base64url'), n, rr, pp)
  return timingSafeEqual(actual, expected)
}

/** A hash to compare against when the agent does not exist, so timing does not tell. */
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'))
  return decoy
}
