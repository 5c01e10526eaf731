import type { Insertable, Selectable } from 'kysely'

/** One saved change of a store's settings: who, when, which section, and each field's change. */
export interface SettingsHistoryTable {
  id: string
  store_id: string
  at: number
  /** 'agent' (the console or the API) or 'cli' (an operator on the server). */
  actor_kind: 'agent' | 'cli'
  actor_id: string | null
  /** The agent's name (or email) at the time, or the operator's description. */
  actor_name: string
  section: string
  /** JSON array of { field, old, new, secret? }; a secret's old and new are 'changed'. */
  changes: string
}

export type SettingsHistoryRow = Selectable<SettingsHistoryTable>
export type NewSettingsHistoryRow = Insertable<SettingsHistoryTable>

/** An uploaded logo (the bytes as base64) and its sniffed type. */
export interface StoreLogosTable {
  id: string
  store_id: string
  content_type: string
  data: string
  created_at: number
}
