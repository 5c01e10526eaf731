import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/**
 * The server secret. Production must configure SECRET_KEY (config refuses to start without it);
 * in development one is generated once and kept in ./data so codes and sessions survive restarts.
 */
export function resolveSecret(configured: string | undefined, file = './data/secret.key'): string {
  if (configured !== undefined) return configured
  const path = resolve(file)
  if (existsSync(path)) return readFileSync(path, 'utf8').trim()
  const secret = randomBytes(32).toString('base64url')
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, secret + '\n', { mode: 0o600 })
  return secret
}
