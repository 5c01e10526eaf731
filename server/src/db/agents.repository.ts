import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** True when `agentId` is an agent of this store; another store's agent is not. */
export async function isStoreAgent(db: Db, storeId: string, agentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('agents')
    .select('id')
    .where('id', '=', agentId)
    .where('store_id', '=', storeId)
    .executeTakeFirst()
  return row !== undefined
}
