import type { Selectable } from 'kysely'

/** Long-lived tokens for the agent API (helpdesk integrations); stored as hashes only. */
export interface AgentApiTokensTable {
  id: string
  agent_id: string
  store_id: string
  name: string
  token_hash: string
  created_at: number
  last_used_at: number | null
  revoked_at: number | null
}

export type AgentApiTokenRow = Selectable<AgentApiTokensTable>
