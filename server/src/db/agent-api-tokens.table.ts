import type { Insertable, Selectable } from 'kysely'
import type { ApiTokenScope } from '@porchlight/shared/api/agent'

export { API_TOKEN_SCOPES, type ApiTokenScope } from '@porchlight/shared/api/agent'

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
