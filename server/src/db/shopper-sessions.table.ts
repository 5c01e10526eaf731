import type { Insertable, Selectable } from 'kysely'

/** Signed-in shoppers. Only the SHA-256 of the bearer token is stored. */
export interface ShopperSessionsTable {
  id: string
  store_id: string
  token_hash: string
  identity_kind: 'email' | 'phone'
  /** Normalized email (lower case) or E.164 phone number. */
  identity_value: string
  created_at: number
  expires_at: number
  revoked_at: number | null
}

export type ShopperSessionRow = Selectable<ShopperSessionsTable>
export type NewShopperSessionRow = Insertable<ShopperSessionsTable>
