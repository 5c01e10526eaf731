import type { Selectable } from 'kysely'

/** A store's secret for signed shopper identities; `secret` is sealed (secret-box.ts). */
export interface StoreIdentitySecretsTable {
  /** Public id, the JWT's `kid`. */
  id: string
  store_id: string
  secret: string
  created_at: number
  /** The agent who made it; null from the CLI. */
  created_by: string | null
  /** Null while current; after a rotation, the end of its grace period. */
  expires_at: number | null
}

/** Identity tokens already traded for a session, kept until they expire. */
export interface IdentityTokenUsesTable {
  token_hash: string
  store_id: string
  expires_at: number
}

export type StoreIdentitySecretRow = Selectable<StoreIdentitySecretsTable>
