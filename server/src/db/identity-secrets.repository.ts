import type { Kysely, Transaction } from 'kysely'
import type { StoreIdentitySecretRow } from './identity-secrets.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The store's secrets that still verify at `now`: the current one first, then any in their grace. */
export async function liveIdentitySecrets(
  db: Db,
  storeId: string,
  now: number,
): Promise<StoreIdentitySecretRow[]> {
  return (
    db
      .selectFrom('store_identity_secrets')
      .selectAll()
      .where('store_id', '=', storeId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .orderBy('created_at', 'desc')
      .execute()
      // The current one first, also when a rotation happened within the same millisecond.
      .then((rows) =>
        rows.sort((a, b) => Number(a.expires_at !== null) - Number(b.expires_at !== null)),
      )
  )
}

/**
 * Makes `row` the store's current secret; the one before keeps working until `graceUntil`.
 * One transaction, and the store's row is locked first, so two rotations at once leave one
 * current secret.
 */
export async function rotateIdentitySecret(
  db: Kysely<Database>,
  row: StoreIdentitySecretRow,
  graceUntil: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // A no-op write that takes the store's row lock (SQLite's writer lock covers it anyway).
    await trx
      .updateTable('stores')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', row.store_id)
      .execute()
    await trx
      .updateTable('store_identity_secrets')
      .set({ expires_at: graceUntil })
      .where('store_id', '=', row.store_id)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', graceUntil)]))
      .execute()
    await trx.insertInto('store_identity_secrets').values(row).execute()
  })
}

/** Ends one secret at once; false when the store has no such secret. */
export async function revokeIdentitySecret(
  db: Db,
  storeId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('store_identity_secrets')
    .set({ expires_at: now })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Records an identity token as used. True the first time; false when it was used before (the
 * primary key makes two trades of one token at once end with one true).
 */
export async function useIdentityToken(
  db: Db,
  use: { tokenHash: string; storeId: string; expiresAt: number },
  now: number,
): Promise<boolean> {
  await db.deleteFrom('identity_token_uses').where('expires_at', '<=', now).execute()
  const result = await db
    .insertInto('identity_token_uses')
    .values({ token_hash: use.tokenHash, store_id: use.storeId, expires_at: use.expiresAt })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}
