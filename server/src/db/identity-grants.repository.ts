import type { Kysely } from 'kysely'
import type { IdentityGrantRow, NewIdentityGrantRow } from './identity-grants.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database>

/** Records a new grant, and sweeps the expired ones on the way (they can never be used). */
export async function insertIdentityGrant(db: Db, row: NewIdentityGrantRow): Promise<void> {
  await db.deleteFrom('identity_grants').where('expires_at', '<=', row.created_at).execute()
  await db.insertInto('identity_grants').values(row).execute()
}

/**
 * Uses a grant: one statement deletes it and returns it, only while it is the store's and
 * unexpired, so of two uses at once exactly one gets it (the other finds no row).
 */
export async function consumeIdentityGrant(
  db: Db,
  input: { grantHash: string; storeId: string; now: number },
): Promise<Pick<IdentityGrantRow, 'identity_kind' | 'identity_value'> | undefined> {
  return db
    .deleteFrom('identity_grants')
    .where('grant_hash', '=', input.grantHash)
    .where('store_id', '=', input.storeId)
    .where('expires_at', '>', input.now)
    .returning(['identity_kind', 'identity_value'])
    .executeTakeFirst()
}

/** A grant by its hash, whatever its state: after a refused use, to log why. */
export async function findIdentityGrant(
  db: Db,
  grantHash: string,
): Promise<Pick<IdentityGrantRow, 'store_id' | 'expires_at'> | undefined> {
  return db
    .selectFrom('identity_grants')
    .select(['store_id', 'expires_at'])
    .where('grant_hash', '=', grantHash)
    .executeTakeFirst()
}
