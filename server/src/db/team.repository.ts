import type { Kysely, Transaction } from 'kysely'
import type { AgentRow, NewAgentRow } from './agents.table.ts'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** An agent as the team settings read them: never the password hash, only whether one is set. */
export interface TeamMemberRow {
  id: string
  storeId: string
  name: string
  email: string
  role: AgentRow['role']
  hasPassword: boolean
  deactivatedAt: number | null
  version: number
  createdAt: number
}

const columns = [
  'id',
  'store_id',
  'name',
  'email',
  'role',
  'password_hash',
  'deactivated_at',
  'version',
  'created_at',
] as const

type Picked = Pick<AgentRow, (typeof columns)[number]>

const toMember = (r: Picked): TeamMemberRow => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  email: r.email,
  role: r.role,
  hasPassword: r.password_hash !== null,
  deactivatedAt: r.deactivated_at,
  version: r.version,
  createdAt: r.created_at,
})

/** Every agent of the store, deactivated ones too (their names stay in tickets' history). */
export async function listTeamMembers(db: Db, storeId: string): Promise<TeamMemberRow[]> {
  const rows = await db
    .selectFrom('agents')
    .select(columns)
    .where('store_id', '=', storeId)
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map(toMember)
}

export async function findTeamMember(
  db: Db,
  storeId: string,
  id: string,
): Promise<TeamMemberRow | undefined> {
  const row = await db
    .selectFrom('agents')
    .select(columns)
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toMember(row)
}

/**
 * Adds an agent; false when the store has one with this email already (the unique index
 * decides, so two invitations of one address at once make one agent).
 */
export async function insertTeamMember(db: Db, row: NewAgentRow): Promise<boolean> {
  const inserted = await db
    .insertInto('agents')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'email']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/**
 * Takes the store's row lock for the rest of the transaction, so a check over several rows and
 * the write it allows run one store-wide change at a time: without it, two owners demoting each
 * other at once on PostgreSQL would each still see the other as owner and the store would keep
 * none; two endpoints added at once could pass a limit together. (SQLite writes one
 * transaction at a time anyway.)
 */
export async function lockStoreRow(trx: Transaction<Database>, storeId: string): Promise<void> {
  await trx
    .updateTable('stores')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', storeId)
    .execute()
}

/** Active owners of the store other than `exceptId`; read under lockStoreRow. */
export async function countOtherActiveOwners(
  trx: Transaction<Database>,
  storeId: string,
  exceptId: string,
): Promise<number> {
  const row = await trx
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('store_id', '=', storeId)
    .where('role', '=', 'owner')
    .where('deactivated_at', 'is', null)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Changes an agent if it is still at `version` (the one the owner saw), bumping it; false
 * when another change came first.
 */
export async function changeTeamMember(
  db: Db,
  where: { storeId: string; id: string; version: number },
  changes: Partial<Pick<AgentRow, 'role' | 'deactivated_at' | 'password_hash'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('agents')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('store_id', '=', where.storeId)
    .where('id', '=', where.id)
    .where('version', '=', where.version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Ends every live console session of the agent now, and their API tokens unless told not to. */
export async function revokeAgentCredentials(
  db: Db,
  agentId: string,
  at: number,
  options: { tokens: boolean } = { tokens: true },
): Promise<void> {
  await db
    .updateTable('agent_sessions')
    .set({ revoked_at: at })
    .where('agent_id', '=', agentId)
    .where('revoked_at', 'is', null)
    .execute()
  if (!options.tokens) return
  await db
    .updateTable('agent_api_tokens')
    .set({ revoked_at: at })
    .where('agent_id', '=', agentId)
    .where('revoked_at', 'is', null)
    .execute()
}
