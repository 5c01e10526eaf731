import type { Selectable } from 'kysely'

/** One row per open console tab, refreshed by its heartbeats: presence across processes. */
export interface AgentPresenceTable {
  agent_id: string
  tab_id: string
  store_id: string
  seen_at: number
  /** The tab's last keyboard or pointer input (server time, from the idle time it reported). */
  input_at: number
}

export type AgentPresenceRow = Selectable<AgentPresenceTable>
