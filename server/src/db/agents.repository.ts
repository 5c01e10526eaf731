import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The agents of one store as the console lists them (for assignment and names in history). */
export async function listStoreAgents(db: Db, storeId: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'name', 'email', 'role'])
    .where('store_id', '=', storeId)
    .orderBy('name')
    .orderBy('id')
    .execute()
}

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
