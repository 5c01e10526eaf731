import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'
import type { NewShopperSessionRow } from './shopper-sessions.table.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function insertShopperSession(db: Db, row: NewShopperSessionRow): Promise<void> {
  await db.insertInto('shopper_sessions').values(row).execute()
}

/** The session holding this token hash; revoked or expired ones too (the caller says which). */
export async function findShopperSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('shopper_sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/** Revokes a session once; a session already revoked keeps its first revocation time. */
export async function revokeShopperSessionRow(
  db: Db,
  sessionId: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('shopper_sessions')
    .set({ revoked_at: at })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}
