import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Whether a ticket may be given to this agent: one of the store's, and not deactivated (a
 * deactivated agent can no longer sign in, so a ticket handed to them would sit unseen).
 */
export async function isAssignableAgent(
  db: Db,
  storeId: string,
  agentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('agents')
    .select('id')
    .where('id', '=', agentId)
    .where('store_id', '=', storeId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst()
  return row !== undefined
}
