import type { Kysely } from 'kysely'
import { newId } from '../ids.ts'
import type { Database } from './schema.ts'

/** One field's change. A secret's values are never stored: both sides read 'changed'. */
export interface SettingsFieldChange {
  field: string
  old: unknown
  new: unknown
  secret?: boolean
}

/** Who made a change: an agent (console or API) or an operator through the CLI. */
export type SettingsActor =
  { kind: 'agent'; id: string; name: string } | { kind: 'cli'; name: string }

export interface SettingsChange {
  storeId: string
  actor: SettingsActor
  section: string
  changes: SettingsFieldChange[]
  /** Epoch ms, from the app's clock. */
  at: number
}

/** A recorded change, as the console's history lists it. */
export interface SettingsHistoryEntry {
  id: string
  at: number
  actor: SettingsActor
  section: string
  changes: SettingsFieldChange[]
}

const CHANGED = 'changed'

/**
 * Records one save. Call it in the transaction of the write it describes, so a save and its
 * history entry land (or fail) together. Secret fields keep only the fact they changed.
 */
export async function recordSettingsChange(
  db: Kysely<Database>,
  change: SettingsChange,
): Promise<string> {
  const id = newId('sh')
  const changes = change.changes.map((c) =>
    c.secret === true ? { field: c.field, old: CHANGED, new: CHANGED, secret: true } : c,
  )
  await db
    .insertInto('settings_history')
    .values({
      id,
      store_id: change.storeId,
      at: change.at,
      actor_kind: change.actor.kind,
      actor_id: change.actor.kind === 'agent' ? change.actor.id : null,
      actor_name: change.actor.name,
      section: change.section,
      changes: JSON.stringify(changes),
    })
    .execute()
  return id
}

/** A store's changes, newest first; `before` (epoch ms) pages back. */
export async function listSettingsHistory(
  db: Kysely<Database>,
  storeId: string,
  options: { limit: number; before?: number },
): Promise<SettingsHistoryEntry[]> {
  let query = db
    .selectFrom('settings_history')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
  if (options.before !== undefined) query = query.where('at', '<', options.before)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    at: Number(row.at),
    actor:
      row.actor_kind === 'agent' && row.actor_id !== null
        ? { kind: 'agent', id: row.actor_id, name: row.actor_name }
        : { kind: 'cli', name: row.actor_name },
    section: row.section,
    changes: JSON.parse(row.changes) as SettingsFieldChange[],
  }))
}
