/**
 * The console's settings sections (store, widget, policies, chat), their history and the logo.
 *
 *   GET /v1/agent/settings/<section>   -> 200 SectionAnswer          (any agent of the store)
 *   PUT /v1/agent/settings/<section>   SectionSave -> 200 SectionAnswer (owners only)
 *   POST /v1/agent/settings/store/logo image bytes -> 201 LogoUploaded (owners only)
 *   GET /v1/agent/settings/history     -> 200 { entries: SettingsHistoryItem[] }
 *   GET /logos/<id>                    the image, cached for good (the id changes with it)
 *
 * A save names the version it read: when another save came first the answer is 409
 * settings_stale with `details.current` (the fresh SectionAnswer) and nothing is written. A
 * field the schema refuses is a 400 validation_failed whose details name it (`values.color`).
 */
import type { SectionValues, SettingsProblem, SettingsSection } from '../settings/schema.ts'

/** A section as stored: its values, what is broken in storage, and the version to save at. */
export interface SectionAnswer<S extends SettingsSection = SettingsSection> {
  section: S
  version: number
  values: SectionValues[S]
  /** Fields stored wrong: shoppers get the default shown in `values` until an owner saves. */
  problems: SettingsProblem[]
  /** Whether the signed-in agent may save (owners only). */
  canEdit: boolean
}

/** The body of PUT /v1/agent/settings/<section>. */
export interface SectionSave<S extends SettingsSection = SettingsSection> {
  version: number
  values: SectionValues[S]
}

export interface LogoUploaded {
  /** Name it as `logo` in the store section to use it. */
  logo: string
  url: string
}

/** One saved change, as the console's history lists it. */
export interface SettingsHistoryItem {
  id: string
  at: string
  actor: { kind: 'agent' | 'cli'; name: string }
  section: string
  /** A secret's old and new read 'changed'. */
  changes: Array<{ field: string; old: unknown; new: unknown; secret?: boolean }>
}

/** Logo uploads: the accepted types (sniffed from the bytes, never the name) and the size. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
export type LogoType = (typeof LOGO_TYPES)[number]
export const MAX_LOGO_BYTES = 512 * 1024

/** Stable error codes of the settings sections. */
export const STORE_SETTINGS_ERROR_CODES = [
  'settings_stale', // 409: details.current holds the fresh section
  'logo_invalid', // 400: not a PNG, JPEG, WebP or GIF (an SVG is refused too)
  'logo_too_large', // 413: over 512 KB
  'logo_not_found', // 400: the store section names a logo this store never uploaded
] as const
export type StoreSettingsErrorCode = (typeof STORE_SETTINGS_ERROR_CODES)[number]
