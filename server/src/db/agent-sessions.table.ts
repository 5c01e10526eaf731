import type { Insertable, Selectable } from 'kysely'

/** Console sessions of agents; the cookie token and the CSRF token are stored as hashes only. */
export interface AgentSessionsTable {
  id: string
  agent_id: string
  store_id: string
  token_hash: string
  csrf_hash: string
  created_at: number
  expires_at: number
  revoked_at: number | null
}

export type AgentSessionRow = Selectable<AgentSessionsTable>
export type NewAgentSessionRow = Insertable<AgentSessionsTable>
