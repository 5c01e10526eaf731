import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** A store is the tenant: everything a shopper or agent touches belongs to exactly one store. */
export interface StoresTable {
  id: string
  name: string
  /** Public key named by the merchant's script tag (`data-store="pk_..."`). */
  widget_key: string
  /** JSON array of origins allowed to embed the widget and call the API from the browser. */
  allowed_origins: string
  /** JSON object of store settings (eligibility rules, issue reasons, colours, ...). */
  settings: string
  adapter_kind: 'demo' | 'shopify'
  /** JSON object with the store adapter's configuration (for Shopify: domain, token, secret). */
  adapter_config: string
  /** Bumped by every settings write; a console save names the version it read. */
  settings_version: Generated<number>
  created_at: number
}

export type StoreRow = Selectable<StoresTable>
export type NewStoreRow = Insertable<StoresTable>
export type StoreUpdate = Updateable<StoresTable>
