import type { Selectable } from 'kysely'

/** A store's expiring Admin API token (see migration 0016); tokens are sealed. */
export interface ShopifyTokensTable {
  store_id: string
  domain: string
  access_token: string | null
  refresh_token: string | null
  issued_at: number
  expires_at: number
  refresh_expires_at: number | null
  version: number
  lease_owner: string | null
  lease_until: number
  failure: string | null
  failure_message: string | null
  failed_at: number | null
  renewals: number
}

/** An OAuth install in flight, by the hash of its `state`. */
export interface ShopifyInstallStatesTable {
  state_hash: string
  store_id: string
  session_id: string
  domain: string
  created_at: number
  expires_at: number
  used_at: number | null
}

export type ShopifyTokenRow = Selectable<ShopifyTokensTable>
export type ShopifyInstallStateRow = Selectable<ShopifyInstallStatesTable>
