import type { Insertable, Selectable } from 'kysely'

export const API_TOKEN_SCOPES = ['read', 'read_write'] as const
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number]

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
  /** The token stops working at this instant. */
  expires_at: number
  /** `read` tokens may only use safe methods (GET, HEAD). */
  scope: ApiTokenScope
}

export type AgentApiTokenRow = Selectable<AgentApiTokensTable>
export type NewAgentApiTokenRow = Insertable<AgentApiTokensTable>
