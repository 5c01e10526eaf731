import type { IdentityGrant, SessionResponse } from '@porchlight/shared/api/auth'
import { createHash, randomBytes } from 'node:crypto'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import {
  isFreshProxyTimestamp,
  verifyAppProxySignature,
} from '../../adapters/store/shopify/app-proxy-signature.ts'
import { customerIdentity } from '../../adapters/store/shopify/customer-identity.ts'
import { shopifyRuntime } from '../../adapters/store/shopify/shopify-runtime.ts'
import {
  consumeIdentityGrant,
  findIdentityGrant,
  insertIdentityGrant,
} from '../../db/identity-grants.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, type ErrorCode } from '../../errors.ts'
import { signInShopper } from '../sessions/shopper-sessions.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger' | 'shopify' | 'shutdownSignal'>

/** A grant lives this long: the loader asks for it as the panel opens and hands it over at once. */
export const GRANT_TTL_MS = 60_000
const GRANT_SHAPE = /^plg_[A-Za-z0-9_-]{43}$/

const hashGrant = (grant: string) =>
  createHash('sha256').update(`grant\0${grant}`).digest('base64url')

/**
 * Shopify's app proxy forwarded a storefront request: checks it is Shopify's (signature with the
 * app's client secret, fresh timestamp, the store's own shop), looks the signed-in customer up
 * and answers a one-time grant for them. Each refusal is logged with its reason.
 */
export async function grantFromAppProxy(
  deps: Deps,
  store: Store,
  query: URLSearchParams,
): Promise<IdentityGrant> {
  const refuse = (code: ErrorCode, why: string, message: string) => {
    deps.logger.info('app proxy identity refused', { storeId: store.id, why })
    return new AppError(code, message)
  }
  const runtime = shopifyRuntime(deps)
  const connection = runtime.connectionOf(store)
  // Only an app has an app proxy, and Shopify signs it with the app's client secret.
  if (connection === undefined || connection.mode === 'legacy') {
    throw refuse('proxy_not_configured', 'no_app', 'This store has no Shopify app proxy.')
  }
  if (!verifyAppProxySignature(query, connection.clientSecret)) {
    throw refuse('proxy_signature_invalid', 'bad_signature', 'The proxy signature is not valid.')
  }
  const now = deps.clock.now()
  if (!isFreshProxyTimestamp(query.get('timestamp'), now.getTime())) {
    throw refuse('proxy_request_stale', 'stale_timestamp', 'This proxy request is too old.')
  }
  if (query.get('shop')?.toLowerCase() !== connection.domain) {
    throw refuse('proxy_shop_mismatch', 'other_shop', 'This request comes from another shop.')
  }
  const customerId = query.get('logged_in_customer_id') ?? ''
  if (!/^\d{1,20}$/.test(customerId)) {
    throw refuse('customer_signed_out', 'no_customer', 'Nobody is signed in to the store.')
  }
  const found = await customerIdentity(runtime.clientFor(store.id, connection), customerId)
  if (!found.ok && found.reason === 'shopify_unavailable') {
    throw refuse('store_not_answering', found.reason, 'The store did not answer; try again.')
  }
  if (!found.ok) {
    throw refuse('customer_unknown', found.reason, 'This customer cannot be signed in here.')
  }
  return issueGrant(deps, store, found.identity, now)
}

async function issueGrant(
  deps: Deps,
  store: Store,
  identity: ShopperIdentity,
  now: Date,
): Promise<IdentityGrant> {
  const grant = `plg_${randomBytes(32).toString('base64url')}`
  await insertIdentityGrant(deps.db, {
    grant_hash: hashGrant(grant),
    store_id: store.id,
    identity_kind: identity.kind,
    identity_value: identity.value,
    created_at: now.getTime(),
    expires_at: now.getTime() + GRANT_TTL_MS,
  })
  return { grant, expiresInSeconds: GRANT_TTL_MS / 1000 }
}

/**
 * Trades a grant for a normal shopper session. The grant is deleted in the same transaction
 * that opens the session, by one statement that only matches an unexpired grant of this store:
 * of two trades at once, one opens a session; a refused trade changes nothing.
 */
export async function redeemIdentityGrant(
  deps: Deps,
  store: Store,
  grant: string,
): Promise<SessionResponse> {
  const now = deps.clock.now()
  const grantHash = GRANT_SHAPE.test(grant) ? hashGrant(grant) : undefined
  const session =
    grantHash === undefined
      ? undefined
      : await deps.db.transaction().execute(async (trx) => {
          const used = await consumeIdentityGrant(trx, {
            grantHash,
            storeId: store.id,
            now: now.getTime(),
          })
          if (used === undefined) return undefined
          return signInShopper(trx, {
            storeId: store.id,
            identity: { kind: used.identity_kind, value: used.identity_value } as ShopperIdentity,
            now,
            ttlHours: deps.config.sessionTtlHours,
          })
        })
  if (session !== undefined) return session
  const why = grantHash === undefined ? 'malformed' : await refusalOf(deps, store, grantHash, now)
  deps.logger.info('identity grant refused', { storeId: store.id, why })
  throw new AppError('grant_invalid', 'This sign-in did not work. Sign in with a code.')
}

async function refusalOf(deps: Deps, store: Store, grantHash: string, now: Date) {
  const row = await findIdentityGrant(deps.db, grantHash)
  if (row === undefined) return 'unknown_or_used'
  if (row.store_id !== store.id) return 'other_store'
  return row.expires_at <= now.getTime() ? 'expired' : 'unknown_or_used'
}
