import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import { toStore, type Store } from './stores.repository.ts'

/**
 * Writes a store's adapter config only over the one the caller read (compare-and-set): of two
 * deliveries of app/uninstalled, or a disconnect racing a reconnect, exactly one write lands.
 */
export async function replaceAdapterConfigIf(
  db: Kysely<Database>,
  storeId: string,
  before: string,
  config: Record<string, unknown>,
): Promise<boolean> {
  const result = await db
    .updateTable('stores')
    .set({ adapter_config: JSON.stringify(config) })
    .where('id', '=', storeId)
    .where('adapter_config', '=', before)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The store's adapter config as stored (the text a compare-and-set compares with). */
export async function storedAdapterConfig(
  db: Kysely<Database>,
  storeId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('stores')
    .select('adapter_config')
    .where('id', '=', storeId)
    .executeTakeFirst()
  return row?.adapter_config
}

/**
 * The Shopify stores whose config names this shop domain (connected or disconnected): the one
 * webhook address of an OAuth app serving many stores finds its store this way. The domain
 * sits inside the JSON config (text on SQLite, not on PostgreSQL), so the match is made on the
 * parsed rows.
 */
export async function findShopifyStoresByDomain(
  db: Kysely<Database>,
  domain: string,
): Promise<Store[]> {
  const rows = await db
    .selectFrom('stores')
    .selectAll()
    .where('adapter_kind', '=', 'shopify')
    .execute()
  return rows.map(toStore).filter((s) => s.adapterConfig['domain'] === domain)
}
