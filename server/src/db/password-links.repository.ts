import type { Kysely, Transaction } from 'kysely'
import type { AgentPasswordLinksTable } from './agents.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function insertPasswordLink(db: Db, row: AgentPasswordLinksTable): Promise<void> {
  await db.insertInto('agent_password_links').values(row).execute()
}

/** Ends the agent's unused links: only the newest link sent works. */
export async function dropUnusedPasswordLinks(db: Db, agentId: string): Promise<void> {
  await db
    .deleteFrom('agent_password_links')
    .where('agent_id', '=', agentId)
    .where('used_at', 'is', null)
    .execute()
}

/** The unused, unexpired link with this token hash, with its agent and store. */
export async function findLivePasswordLink(db: Db, tokenHash: string, now: number) {
  return db
    .selectFrom('agent_password_links as l')
    .innerJoin('agents as a', 'a.id', 'l.agent_id')
    .innerJoin('stores as s', 's.id', 'l.store_id')
    .select([
      'l.id as linkId',
      'l.purpose as purpose',
      'a.id as agentId',
      'a.email as email',
      'a.name as name',
      'a.deactivated_at as deactivatedAt',
      's.id as storeId',
      's.name as storeName',
    ])
    .where('l.token_hash', '=', tokenHash)
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', now)
    .executeTakeFirst()
}

/** Marks a link used if it still was unused and live: of two uses at once, one wins. */
export async function consumePasswordLink(db: Db, linkId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('agent_password_links')
    .set({ used_at: now })
    .where('id', '=', linkId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Sets an active agent's password (bumping their version); false when they were deactivated. */
export async function setAgentPassword(db: Db, agentId: string, hash: string): Promise<boolean> {
  const result = await db
    .updateTable('agents')
    .set((eb) => ({ password_hash: hash, version: eb('version', '+', 1) }))
    .where('id', '=', agentId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
