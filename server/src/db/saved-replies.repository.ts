import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'
import type { SavedReplyRow } from './saved-replies.table.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function listSavedReplies(db: Db, storeId: string): Promise<SavedReplyRow[]> {
  return db
    .selectFrom('saved_replies')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('shortcut')
    .execute()
}

/** Inserts unless the store already has the shortcut (one atomic statement): false then. */
export async function insertSavedReply(db: Db, row: SavedReplyRow): Promise<boolean> {
  const made = await db
    .insertInto('saved_replies')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'shortcut']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return made !== undefined
}

/** A unique index refusing a write, on either database. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/**
 * Changes a reply of the store; 'not_found' for another store's id, 'taken' when the new
 * shortcut is another reply's (the unique index decides, so two racing edits cannot both win).
 */
export async function updateSavedReply(
  db: Db,
  storeId: string,
  id: string,
  change: Pick<SavedReplyRow, 'shortcut' | 'title' | 'body' | 'translations' | 'updated_at'>,
): Promise<'updated' | 'not_found' | 'taken'> {
  try {
    const result = await db
      .updateTable('saved_replies')
      .set(change)
      .where('store_id', '=', storeId)
      .where('id', '=', id)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0 ? 'updated' : 'not_found'
  } catch (err) {
    if (isUniqueViolation(err)) return 'taken'
    throw err
  }
}

export async function deleteSavedReply(db: Db, storeId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_replies')
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
