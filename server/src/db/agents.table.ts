import type { Insertable, Selectable } from 'kysely'

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
  /** Set away by hand (presence); null while the agent is in. */
  away_since: number | null
}

export type AgentRow = Selectable<AgentsTable>
export type NewAgentRow = Insertable<AgentsTable>
