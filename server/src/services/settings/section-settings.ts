import type { SectionAnswer } from '@porchlight/shared/api/store-settings'
import {
  SETTINGS_SECTIONS,
  type SectionValues,
  type SettingsSection,
} from '@porchlight/shared/settings/schema'
import {
  readSection,
  sectionChanges,
  writeSection,
  type StoredSettings,
} from '@porchlight/shared/settings/stored'
import {
  recordSettingsChange,
  type SettingsActor,
  type SettingsFieldChange,
} from '../../db/settings-history.repository.ts'
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

/** Saves one section at the version it was read at (see saveSections). */
export async function saveSection<S extends SettingsSection>(
  deps: SettingsDeps,
  input: SaveInput<S>,
): Promise<SaveResult<S>> {
  const result = await saveSections(deps, {
    storeId: input.storeId,
    actor: input.actor,
    version: input.version,
    sections: { [input.section]: input.values },
  })
  if (!result.ok) {
    return result.code === 'settings_stale'
      ? {
          ok: false,
          code: 'settings_stale',
          current: sectionAnswer(result.store, input.section, true),
        }
      : result
  }
  return { ok: true, answer: sectionAnswer(result.store, input.section, true) }
}

export type SectionsResult =
  | { ok: true; store: Store }
  /** Another save came first; `store` is as it is now. */
  | { ok: false; code: 'settings_stale'; store: Store }
  | { ok: false; code: 'logo_not_found' | 'store_not_found' }

/**
 * Saves sections at the version they were read at (or, without one, at the version found), with
 * a history entry per changed section, in one transaction: all land or none. A save that
 * changes nothing still bumps the version (the owner saved what they saw) but records nothing.
 */
export async function saveSections(
  deps: SettingsDeps,
  input: {
    storeId: string
    actor: SettingsActor
    version?: number
    sections: Partial<SectionValues>
  },
): Promise<SectionsResult> {
  return deps.db.transaction().execute(async (trx) => {
    const store = await findStoreById(trx, input.storeId)
    if (store === undefined) return { ok: false, code: 'store_not_found' }
    const version = input.version ?? store.settingsVersion
    if (store.settingsVersion !== version) return { ok: false, code: 'settings_stale', store }
    const logo = input.sections.store?.logo ?? null
    if (logo !== null && !(await storeOwnsLogo(trx, store.id, logo))) {
      return { ok: false, code: 'logo_not_found' }
    }
    let stored = storedOf(store)
    const entries: Array<{ section: SettingsSection; changes: SettingsFieldChange[] }> = []
    for (const section of SETTINGS_SECTIONS) {
      const values = input.sections[section]
      if (values === undefined) continue
      const before = readSection(section, stored).values
      stored = writeSection(section, values, stored)
      entries.push({ section, changes: sectionChanges(before, values) })
    }
    const next = await saveStoreSettingsAt(trx, store.id, version, {
      settings: stored.settings,
      ...(input.sections.store !== undefined
        ? { name: stored.name, allowedOrigins: stored.allowedOrigins }
        : {}),
    })
    // Read and write were in one transaction, but a concurrent one may have won in between.
    if (next === null) {
      const fresh = await findStoreById(trx, store.id)
      return fresh === undefined
        ? { ok: false, code: 'store_not_found' }
        : { ok: false, code: 'settings_stale', store: fresh }
    }
    const at = deps.clock.now().getTime()
    for (const { section, changes } of entries) {
      if (changes.length === 0) continue
      await recordSettingsChange(trx, {
        storeId: store.id,
        actor: input.actor,
        section,
        changes,
        at,
      })
    }
    return { ok: true, store: { ...store, ...stored, settingsVersion: next } }
  })
}
