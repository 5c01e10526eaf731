import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A tab's heartbeat: one upsert, so two processes beating for the same tab cannot collide. */
export async function beatTab(
  db: Db,
  row: { storeId: string; agentId: string; tabId: string; at: number; inputAt: number },
): Promise<void> {
  await db
    .insertInto('agent_presence')
    .values({
      agent_id: row.agentId,
      tab_id: row.tabId,
      store_id: row.storeId,
      seen_at: row.at,
      input_at: row.inputAt,
    })
    .onConflict((oc) =>
      oc.columns(['agent_id', 'tab_id']).doUpdateSet({ seen_at: row.at, input_at: row.inputAt }),
    )
    .execute()
}

/** Tabs whose event stream is open here: still there, whatever their timers do in the background. */
export async function touchTabs(
  db: Db,
  tabs: { agentId: string; tabId: string }[],
  at: number,
): Promise<void> {
  for (const tab of tabs) {
    await db
      .updateTable('agent_presence')
      .set({ seen_at: at })
      .where('agent_id', '=', tab.agentId)
      .where('tab_id', '=', tab.tabId)
      .execute()
  }
}

export async function dropTab(db: Db, agentId: string, tabId: string): Promise<void> {
  await db
    .deleteFrom('agent_presence')
    .where('agent_id', '=', agentId)
    .where('tab_id', '=', tabId)
    .execute()
}

/** Sets or clears an agent's own away switch (scoped to their store). */
export async function setAgentAway(
  db: Db,
  storeId: string,
  agentId: string,
  awaySince: number | null,
): Promise<void> {
  await db
    .updateTable('agents')
    .set({ away_since: awaySince })
    .where('id', '=', agentId)
    .where('store_id', '=', storeId)
    .execute()
}

/** The store's agents with their away switch and their tabs heard from since `since`. */
export async function storePresence(
  db: Db,
  storeId: string,
  since: number,
  agentId?: string,
): Promise<
  { agentId: string; awaySince: number | null; tabs: { seenAt: number; lastInputAt: number }[] }[]
> {
  let agents = db.selectFrom('agents').select(['id', 'away_since']).where('store_id', '=', storeId)
  let tabs = db
    .selectFrom('agent_presence')
    .select(['agent_id', 'seen_at', 'input_at'])
    .where('store_id', '=', storeId)
    .where('seen_at', '>', since)
  if (agentId !== undefined) {
    agents = agents.where('id', '=', agentId)
    tabs = tabs.where('agent_id', '=', agentId)
  }
  const [agentRows, tabRows] = await Promise.all([agents.execute(), tabs.execute()])
  return agentRows.map((a) => ({
    agentId: a.id,
    awaySince: a.away_since === null ? null : Number(a.away_since),
    tabs: tabRows
      .filter((t) => t.agent_id === a.id)
      .map((t) => ({ seenAt: Number(t.seen_at), lastInputAt: Number(t.input_at) })),
  }))
}

export async function pruneStaleTabs(db: Db, before: number): Promise<void> {
  await db.deleteFrom('agent_presence').where('seen_at', '<', before).execute()
}
