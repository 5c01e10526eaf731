import type { IdentitySecretInfo } from '@porchlight/shared/api/auth'
import { randomBytes } from 'node:crypto'
import {
  liveIdentitySecrets,
  revokeIdentitySecret,
  rotateIdentitySecret,
} from '../../db/identity-secrets.repository.ts'
import type { AppDeps } from '../../deps.ts'
import { newId } from '../../ids.ts'
import { keyringOf } from '../../keyring.ts'
import { openSecret, sealSecret } from '../../secret-box.ts'
import type { IdentitySecret } from './identity-token.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>

/** How long the secret before a rotation keeps verifying, so servers can move over. */
export const IDENTITY_SECRET_GRACE_MS = 24 * 3600_000

/** Bound to the store and the secret's id: a sealed secret copied elsewhere does not open. */
const purposeOf = (storeId: string, id: string) => `identity:${storeId}:${id}`

/**
 * Makes a new current identity secret for the store and returns it: the only time it is shown.
 * The one before keeps verifying for IDENTITY_SECRET_GRACE_MS.
 */
export async function createIdentitySecret(
  deps: Deps,
  storeId: string,
  createdBy: string | null,
): Promise<{ info: IdentitySecretInfo; secret: string }> {
  const now = deps.clock.now().getTime()
  const id = newId('idk')
  const secret = `plid_${randomBytes(32).toString('base64url')}`
  await rotateIdentitySecret(
    deps.db,
    {
      id,
      store_id: storeId,
      secret: sealSecret(keyringOf(deps.config), purposeOf(storeId, id), secret),
      created_at: now,
      created_by: createdBy,
      expires_at: null,
    },
    now + IDENTITY_SECRET_GRACE_MS,
  )
  return { info: { id, createdAt: new Date(now).toISOString(), expiresAt: null }, secret }
}

/** The store's secrets that still verify, newest first, without their values. */
export async function listIdentitySecrets(
  deps: Deps,
  storeId: string,
): Promise<IdentitySecretInfo[]> {
  const rows = await liveIdentitySecrets(deps.db, storeId, deps.clock.now().getTime())
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at).toISOString(),
  }))
}

/** Stops a secret at once (a leak): false when the store has no such live secret. */
export async function endIdentitySecret(deps: Deps, storeId: string, id: string) {
  return revokeIdentitySecret(deps.db, storeId, id, deps.clock.now().getTime())
}

/** The live secrets, opened, for checking a token. One that does not open is logged and skipped. */
export async function openIdentitySecrets(deps: Deps, storeId: string): Promise<IdentitySecret[]> {
  const rows = await liveIdentitySecrets(deps.db, storeId, deps.clock.now().getTime())
  const ring = keyringOf(deps.config)
  const opened: IdentitySecret[] = []
  for (const row of rows) {
    const result = openSecret(ring, purposeOf(storeId, row.id), row.secret)
    if (result.ok) opened.push({ id: row.id, secret: result.plaintext })
    else
      deps.logger.warn('identity secret does not open', { storeId, id: row.id, why: result.reason })
  }
  return opened
}
