import { readFile } from 'node:fs/promises'
import {
  SETTINGS_SECTIONS,
  problemsOf,
  settingsDocumentSchema,
  type SettingsDocument,
} from '@porchlight/shared/settings/schema'
import { readSection } from '@porchlight/shared/settings/stored'
import { findStoreById } from '../db/stores.repository.ts'
import { systemClock } from '../clock.ts'
import { saveSections } from '../services/settings/section-settings.ts'
import { UsageError, type Command, type OptionValues } from './command.ts'

const storeOption = (values: OptionValues): string => {
  const v = values['store']
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError('--store is required')
  return v.trim()
}

const show: Command = {
  group: 'store',
  name: 'show',
  summary: "Print a store's settings as JSON (the file `store set` takes)",
  usage: [
    'porchlight store show --store <id> > settings.json',
    '',
    'Fields stored wrong are printed with their defaults (what shoppers get), and listed on',
    'standard error.',
  ].join('\n'),
  options: { store: { type: 'string' } },
  async run(values, ctx) {
    const storeId = storeOption(values)
    const { db } = await ctx.database()
    const store = await findStoreById(db, storeId)
    if (store === undefined) {
      ctx.err(`No store ${storeId} (store_not_found).`)
      return 1
    }
    const stored = {
      name: store.name,
      allowedOrigins: store.allowedOrigins,
      settings: store.settings,
    }
    const document: Record<string, unknown> = {}
    for (const section of SETTINGS_SECTIONS) {
      const { values: sectionValues, problems } = readSection(section, stored)
      document[section] = sectionValues
      for (const p of problems) ctx.err(`problem: ${section}.${p.field}: ${p.reason}`)
    }
    ctx.out(JSON.stringify(document, null, 2))
    return 0
  },
}

const set: Command = {
  group: 'store',
  name: 'set',
  summary: "Check and apply a settings file (any of its sections), with the console's rules",
  usage: [
    'porchlight store set --store <id> --file settings.json',
    '',
    'The file has the shape `store show` prints; each section given is replaced whole, the',
    'others are left alone. Nothing is saved unless every field is valid; each changed section',
    'is recorded in the settings history.',
  ].join('\n'),
  options: { store: { type: 'string' }, file: { type: 'string' } },
  async run(values, ctx) {
    const storeId = storeOption(values)
    const file = values['file']
    if (typeof file !== 'string' || file === '') throw new UsageError('--file is required')
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(file, 'utf8'))
    } catch (err) {
      ctx.err(`Cannot read ${file} as JSON: ${(err as Error).message}`)
      return 1
    }
    const parsed = settingsDocumentSchema.safeParse(raw)
    if (!parsed.success) {
      for (const p of problemsOf(parsed.error)) ctx.err(`${p.field || '(file)'}: ${p.reason}`)
      ctx.err('Nothing was saved.')
      return 1
    }
    const { db } = await ctx.database()
    const result = await saveSections(
      { db, clock: systemClock },
      {
        storeId,
        actor: { kind: 'cli', name: 'porchlight store set' },
        sections: parsed.data as SettingsDocument,
      },
    )
    if (!result.ok) {
      ctx.err(
        result.code === 'store_not_found'
          ? `No store ${storeId} (store_not_found).`
          : result.code === 'logo_not_found'
            ? 'store.logo: this store has no such logo; upload it in the console first. Nothing was saved.'
            : 'The settings changed while saving; run the command again. Nothing was saved.',
      )
      return 1
    }
    const sections = SETTINGS_SECTIONS.filter((s) => parsed.data[s] !== undefined)
    ctx.out(
      `Saved ${sections.join(', ') || 'nothing'} for ${storeId} (version ${result.store.settingsVersion}).`,
    )
    return 0
  },
}

/** `store show` and `store set`: settings as code. */
export const settingsCommands: Command[] = [show, set]
