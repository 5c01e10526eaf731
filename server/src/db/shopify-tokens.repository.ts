import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { ShopifyInstallStateRow, ShopifyTokenRow } from './shopify-tokens.table.ts'

export async function findShopifyToken(
  db: Kysely<Database>,
  storeId: string,
): Promise<ShopifyTokenRow | undefined> {
  return db
    .selectFrom('shopify_tokens')
    .selectAll()
    .where('store_id', '=', storeId)
    .executeTakeFirst()
}

export interface SealedGrant {
  domain: string
  accessToken: string
  refreshToken: string | null
  issuedAt: number
  expiresAt: number
  refreshExpiresAt: number | null
}

/** The first token of a connection (connect or install): replaces whatever the store had. */
export async function replaceShopifyToken(
  db: Kysely<Database>,
  storeId: string,
  grant: SealedGrant,
): Promise<void> {
  const values = {
    domain: grant.domain,
    access_token: grant.accessToken,
    refresh_token: grant.refreshToken,
    issued_at: grant.issuedAt,
    expires_at: grant.expiresAt,
    refresh_expires_at: grant.refreshExpiresAt,
    lease_owner: null,
    lease_until: 0,
    failure: null,
    failure_message: null,
    failed_at: null,
  }
  await db
    .insertInto('shopify_tokens')
    .values({ store_id: storeId, version: 1, renewals: 0, ...values })
    .onConflict((oc) =>
      oc.column('store_id').doUpdateSet((eb) => ({
        ...values,
        version: eb('shopify_tokens.version', '+', 1),
      })),
    )
    .execute()
}

/**
 * Takes the renewal lease if nobody renewed since `version` was read and no live lease is
 * held: one UPDATE, so of several processes exactly one wins.
 */
export async function takeRenewalLease(
  db: Kysely<Database>,
  input: { storeId: string; version: number; owner: string; now: number; leaseMs: number },
): Promise<boolean> {
  const r = await db
    .updateTable('shopify_tokens')
    .set({ lease_owner: input.owner, lease_until: input.now + input.leaseMs })
    .where('store_id', '=', input.storeId)
    .where('version', '=', input.version)
    .where('lease_until', '<=', input.now)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Stores a renewed token and frees the lease; false when the lease was lost meanwhile. */
export async function saveRenewedToken(
  db: Kysely<Database>,
  storeId: string,
  owner: string,
  grant: Omit<SealedGrant, 'domain'>,
): Promise<boolean> {
  const r = await db
    .updateTable('shopify_tokens')
    .set((eb) => ({
      access_token: grant.accessToken,
      refresh_token: grant.refreshToken,
      issued_at: grant.issuedAt,
      expires_at: grant.expiresAt,
      refresh_expires_at: grant.refreshExpiresAt,
      version: eb('version', '+', 1),
      renewals: eb('renewals', '+', 1),
      lease_owner: null,
      lease_until: 0,
      failure: null,
      failure_message: null,
      failed_at: null,
    }))
    .where('store_id', '=', storeId)
    .where('lease_owner', '=', owner)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Records why a renewal failed and frees the lease (the token, if any, is kept). */
export async function recordRenewalFailure(
  db: Kysely<Database>,
  storeId: string,
  owner: string,
  failure: { code: string; message: string; at: number },
): Promise<void> {
  await db
    .updateTable('shopify_tokens')
    .set({
      lease_owner: null,
      lease_until: 0,
      failure: failure.code,
      failure_message: failure.message,
      failed_at: failure.at,
    })
    .where('store_id', '=', storeId)
    .where('lease_owner', '=', owner)
    .execute()
}

export async function deleteShopifyToken(db: Kysely<Database>, storeId: string): Promise<void> {
  await db.deleteFrom('shopify_tokens').where('store_id', '=', storeId).execute()
}

export async function insertInstallState(
  db: Kysely<Database>,
  row: Omit<ShopifyInstallStateRow, 'used_at'>,
): Promise<void> {
  await db
    .insertInto('shopify_install_states')
    .values({ ...row, used_at: null })
    .execute()
}

/**
 * Uses up an install state: marks it used only if it was unused and unexpired, so a replayed
 * callback finds nothing. Returns the row as it was.
 */
export async function consumeInstallState(
  db: Kysely<Database>,
  stateHash: string,
  now: number,
): Promise<ShopifyInstallStateRow | undefined> {
  const r = await db
    .updateTable('shopify_install_states')
    .set({ used_at: now })
    .where('state_hash', '=', stateHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) return undefined
  return db
    .selectFrom('shopify_install_states')
    .selectAll()
    .where('state_hash', '=', stateHash)
    .executeTakeFirst()
}

export async function pruneInstallStates(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('shopify_install_states').where('expires_at', '<', now).execute()
}
