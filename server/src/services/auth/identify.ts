import type { SessionResponse } from '@porchlight/shared/api/auth'
import { createHash } from 'node:crypto'
import { useIdentityToken } from '../../db/identity-secrets.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { AppDeps } from '../../deps.ts'
import { signInShopper } from '../sessions/shopper-sessions.ts'
import { openIdentitySecrets } from './identity-secrets.ts'
import { checkIdentityToken, type IdentityRefusal } from './identity-token.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>

export type IdentifyResult =
  { ok: true; session: SessionResponse } | { ok: false; reason: IdentityRefusal }

/**
 * Trades a merchant-signed identity token for a normal shopper session. A token works once:
 * its hash is recorded until it expires, in the same transaction that opens the session, so
 * two trades of one token at once open one session.
 */
export async function identifyShopper(
  deps: Deps,
  store: Store,
  token: string,
): Promise<IdentifyResult> {
  const now = deps.clock.now()
  const secrets = await openIdentitySecrets(deps, store.id)
  const check = await checkIdentityToken(token, {
    secrets,
    widgetKey: store.widgetKey,
    nowMs: now.getTime(),
  })
  if (!check.ok) return check
  const tokenHash = createHash('sha256').update(`identity\0${token}`).digest('base64url')
  return deps.db.transaction().execute(async (trx) => {
    const first = await useIdentityToken(
      trx,
      { tokenHash, storeId: store.id, expiresAt: check.expiresAt },
      now.getTime(),
    )
    if (!first) return { ok: false, reason: 'replayed' } as const
    const session = await signInShopper(trx, {
      storeId: store.id,
      identity: check.identity,
      now,
      ttlHours: deps.config.sessionTtlHours,
    })
    return { ok: true, session } as const
  })
}
