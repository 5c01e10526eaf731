import type { Generated, Insertable, Selectable } from 'kysely'

/** People who work a store's queue in the console. */
export interface AgentsTable {
  id: string
  store_id: string
  email: string
  name: string
  /** scrypt hash in the form `scrypt$N$r$p$salt$hash`; null until a password is set. */
  password_hash: string | null
  role: 'owner' | 'agent'
  created_at: number
  /** Base32 TOTP secret; pending until `totp_enabled_at` is set. */
  totp_secret: string | null
  totp_enabled_at: number | null
  /** The last TOTP time step accepted (codes are single use). */
  totp_last_step: number | null
  /** Set when an owner deactivated the agent: no sign-in, no session, no token from then on. */
  deactivated_at: number | null
  /** Bumped by every change from the console (optimistic saves). */
  version: Generated<number>
  /** Set away by hand (presence); null while the agent is in. */
  away_since: number | null
}

/** Set-password links (an invitation or a reset); only the token's hash is stored. */
export interface AgentPasswordLinksTable {
  id: string
  store_id: string
  agent_id: string
  token_hash: string
  purpose: 'invite' | 'reset'
  /** The owner who sent it. */
  created_by: string | null
  created_at: number
  expires_at: number
  /** Links work once. */
  used_at: number | null
}

export type AgentRow = Selectable<AgentsTable>
export type NewAgentRow = Insertable<AgentsTable>
