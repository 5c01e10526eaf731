import type { Kysely } from 'kysely'
import {
  recordSettingsChange,
  type SettingsFieldChange,
} from '../../db/settings-history.repository.ts'
import type { Database } from '../../db/schema.ts'

/** One changed field of a team or webhook setting; a secret's value is never recorded. */
export type TeamChange = SettingsFieldChange

/** Who made a change from the console. */
export interface Actor {
  id: string
  name: string
}

/**
 * The one place the Agents and Webhooks sections write the settings history, in the
 * transaction of the change itself (so a change and its entry commit together). Fields name
 * the agent by email (`agents.<email>.role`) and the endpoint by id (`webhooks.<id>.events`).
 */
export async function recordTeamChange(
  trx: Kysely<Database>,
  entry: {
    storeId: string
    actor: Actor
    section: 'agents' | 'webhooks'
    changes: TeamChange[]
    at: number
  },
): Promise<void> {
  await recordSettingsChange(trx, {
    storeId: entry.storeId,
    actor: { kind: 'agent', id: entry.actor.id, name: entry.actor.name },
    section: entry.section,
    changes: entry.changes,
    at: entry.at,
  })
}
