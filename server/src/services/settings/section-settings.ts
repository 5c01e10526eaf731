import type { SectionAnswer } from '@porchlight/shared/api/store-settings'
import type { SectionValues, SettingsSection } from '@porchlight/shared/settings/schema'
import {
  readSection,
  sectionChanges,
  writeSection,
  type StoredSettings,
} from '@porchlight/shared/settings/stored'
import { recordSettingsChange, type SettingsActor } from '../../db/settings-history.repository.ts'
import { storeOwnsLogo } from '../../db/store-logos.repository.ts'
import { findStoreById, saveStoreSettingsAt, type Store } from '../../db/stores.repository.ts'
import type { AppDeps } from '../../deps.ts'

export type SettingsDeps = Pick<AppDeps, 'db' | 'clock'>

const storedOf = (store: Store): StoredSettings => ({
  name: store.name,
  allowedOrigins: store.allowedOrigins,
  settings: store.settings,
})

/** A section of a store as the console shows it. */
export function sectionAnswer<S extends SettingsSection>(
  store: Store,
  section: S,
  canEdit: boolean,
): SectionAnswer<S> {
  const { values, problems } = readSection(section, storedOf(store))
  return { section, version: store.settingsVersion, values, problems, canEdit }
}

export type SaveResult<S extends SettingsSection> =
  | { ok: true; answer: SectionAnswer<S> }
  /** Another save came first: nothing was written; `current` is the section now. */
  | { ok: false; code: 'settings_stale'; current: SectionAnswer<S> }
  | { ok: false; code: 'logo_not_found' }
  | { ok: false; code: 'store_not_found' }

export interface SaveInput<S extends SettingsSection> {
  storeId: string
  actor: SettingsActor
  section: S
  /** The version the values were read at. */
  version: number
  /** Already checked with the section's schema. */
  values: SectionValues[S]
}

/**
 * Saves one section at the version it was read at, with its history entry, in one transaction:
 * both land or neither. A save that changes nothing still bumps the version (the owner pressed
 * save on what they saw) but records no history entry.
 */
export async function saveSection<S extends SettingsSection>(
  deps: SettingsDeps,
  input: SaveInput<S>,
): Promise<SaveResult<S>> {
  return deps.db.transaction().execute(async (trx) => {
    const store = await findStoreById(trx, input.storeId)
    if (store === undefined) return { ok: false, code: 'store_not_found' }
    const stale = (): SaveResult<S> => ({
      ok: false,
      code: 'settings_stale',
      current: sectionAnswer(store, input.section, true),
    })
    if (store.settingsVersion !== input.version) return stale()
    const logo = input.section === 'store' ? (input.values as SectionValues['store']).logo : null
    if (logo !== null && !(await storeOwnsLogo(trx, store.id, logo))) {
      return { ok: false, code: 'logo_not_found' }
    }
    const stored = storedOf(store)
    const before = readSection(input.section, stored).values
    const after = writeSection(input.section, input.values, stored)
    const version = await saveStoreSettingsAt(trx, store.id, input.version, {
      settings: after.settings,
      ...(input.section === 'store'
        ? { name: after.name, allowedOrigins: after.allowedOrigins }
        : {}),
    })
    // Read and write were in one transaction, but a concurrent one may have won in between.
    if (version === null) {
      const fresh = await findStoreById(trx, store.id)
      return fresh === undefined
        ? { ok: false, code: 'store_not_found' }
        : { ok: false, code: 'settings_stale', current: sectionAnswer(fresh, input.section, true) }
    }
    const changes = sectionChanges(before, input.values)
    if (changes.length > 0) {
      await recordSettingsChange(trx, {
        storeId: store.id,
        actor: input.actor,
        section: input.section,
        changes,
        at: deps.clock.now().getTime(),
      })
    }
    const saved = {
      ...store,
      ...after,
      settingsVersion: version,
    }
    return { ok: true, answer: sectionAnswer(saved, input.section, true) }
  })
}
