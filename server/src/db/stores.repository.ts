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
  /** Bumped by every settings write (optimistic versioning of the console's saves). */
  settingsVersion: number
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
    settingsVersion: Number(row.settings_version),
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
    .set((eb) => ({
      settings: JSON.stringify(settings),
      settings_version: eb('settings_version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

/** What a settings save writes: the JSON settings, and the columns the Store section owns. */
export interface StoreSettingsWrite {
  settings: Record<string, unknown>
  name?: string
  allowedOrigins?: string[]
}

/**
 * Writes a store's settings only if they are still at `expectedVersion`, bumping it: one
 * UPDATE, so of two saves made from the same version exactly one lands. Returns the new
 * version, or null when another save came first (or the store is gone).
 */
export async function saveStoreSettingsAt(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  write: StoreSettingsWrite,
): Promise<number | null> {
  const result = await db
    .updateTable('stores')
    .set((eb) => ({
      settings: JSON.stringify(write.settings),
      ...(write.name !== undefined ? { name: write.name } : {}),
      ...(write.allowedOrigins !== undefined
        ? { allowed_origins: JSON.stringify(write.allowedOrigins) }
        : {}),
      settings_version: eb('settings_version', '+', 1),
    }))
    .where('id', '=', id)
    .where('settings_version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1 ? expectedVersion + 1 : null
}
