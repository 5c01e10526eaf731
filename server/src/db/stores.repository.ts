import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { NewStoreRow, StoreRow } from './stores.table.ts'

/** A store with its JSON columns parsed. */
export interface Store {
  id: string
  name: string
  widgetKey: string
  allowedOrigins: string[]
  settings: Record<string, unknown>
  adapterKind: StoreRow['adapter_kind']
  adapterConfig: Record<string, unknown>
}

export function toStore(row: StoreRow): Store {
  return {
    id: row.id,
    name: row.name,
    widgetKey: row.widget_key,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    adapterKind: row.adapter_kind,
    adapterConfig: JSON.parse(row.adapter_config) as Record<string, unknown>,
  }
}

export async function findStoreByWidgetKey(
  db: Kysely<Database>,
  widgetKey: string,
): Promise<Store | undefined> {
  const row = await db
    .selectFrom('stores')
    .selectAll()
    .where('widget_key', '=', widgetKey)
    .executeTakeFirst()
  return row && toStore(row)
}

export async function findStoreById(db: Kysely<Database>, id: string): Promise<Store | undefined> {
  const row = await db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toStore(row)
}

/** Every store, parsed; for housekeeping that visits each store in turn. */
export async function listStores(db: Kysely<Database>): Promise<Store[]> {
  const rows = await db.selectFrom('stores').selectAll().orderBy('id').execute()
  return rows.map(toStore)
}

export async function insertStore(db: Kysely<Database>, row: NewStoreRow): Promise<void> {
  await db.insertInto('stores').values(row).execute()
}

export async function updateStoreSettings(
  db: Kysely<Database>,
  id: string,
  settings: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable('stores')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', id)
    .execute()
}
