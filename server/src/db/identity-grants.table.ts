import type { Insertable, Selectable } from 'kysely'

/** A one-time identity grant (migration 0019): the hash of the grant, never the grant. */
export interface IdentityGrantsTable {
  grant_hash: string
  store_id: string
  identity_kind: 'email' | 'phone'
  identity_value: string
  created_at: number
  expires_at: number
}

export type IdentityGrantRow = Selectable<IdentityGrantsTable>
export type NewIdentityGrantRow = Insertable<IdentityGrantsTable>
