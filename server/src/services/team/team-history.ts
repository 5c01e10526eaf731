import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

/** One changed field of a team or webhook setting; a secret's value is never recorded. */
export interface TeamChange {
  field: string
  old: unknown
  new: unknown
  secret?: boolean
}

/** Who made a change from the console. */
export interface Actor {
  id: string
  name: string
}

/**
 * The one place the Agents and Webhooks sections write the settings history, in the
 * transaction of the change itself (so a change and its entry commit together).
 */
export async function recordTeamChange(
  _trx: Kysely<Database>,
  _entry: { storeId: string; actor: Actor; section: 'agents' | 'webhooks'; changes: TeamChange[] },
): Promise<void> {
  // Wired to the settings history (db/settings-history.repository.ts) once that lands.
}
