/**
 * Where each settings field lives in storage, both ways. The store's name and allowed origins
 * are columns; the rest is the `settings` JSON, at the paths its readers have always used
 * (theme.*, defaultLocale, orderRules.*, returns.*, chat.*, automation.*), so a save changes what they read
 * and keys this schema does not know (auth limits, two-factor policy) are kept as they are.
 */
import type { z } from 'zod'
import { DEFAULT_REVERT_HOURS } from '../chat/revert.ts'
import { locales } from '../i18n/locales.ts'
import { DEFAULT_ORDER_RULES } from '../orders/settings.ts'
import { AUTOMATION_DEFAULTS } from './automation-section.ts'
import {
  problemsOf,
  sectionSchemas,
  type SectionValues,
  type SettingsProblem,
  type SettingsSection,
} from './schema.ts'

/** What storage holds for a store, as the settings code reads and writes it. */
export interface StoredSettings {
  name: string
  allowedOrigins: string[]
  settings: Record<string, unknown>
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {}

export const DEFAULT_COLOUR = '#1f6feb'

/** The values a field takes when it was never set (or is broken): what shoppers get today. */
export function sectionDefaults(stored: StoredSettings): SectionValues {
  return {
    store: {
      name: stored.name,
      logo: null,
      allowedOrigins: stored.allowedOrigins,
      defaultLocale: 'en',
      locales: [...locales],
      timezone: 'UTC',
    },
    widget: { color: DEFAULT_COLOUR, position: 'right', greeting: {} },
    policies: {
      cancel: { enabled: DEFAULT_ORDER_RULES.cancel.enabled, withinHours: null },
      return: { enabled: DEFAULT_ORDER_RULES.return.enabled, windowDays: 30, from: 'delivery' },
      finalSaleTags: DEFAULT_ORDER_RULES.return.excludedTags,
      issueReasons: {},
      returnReasons: null,
      cancelReasons: null,
      loopPortalUrl: null,
      refundOn: 'receipt',
    },
    chat: {
      hours: null,
      closedDays: [],
      backAt: {},
      typicalReply: 'auto',
      revertHours: DEFAULT_REVERT_HOURS,
    },
    automation: AUTOMATION_DEFAULTS,
  }
}

const hoursOf = (w: unknown): number | null | undefined => {
  if (w === null) return null
  const { amount, unit } = obj(w)
  if (typeof amount !== 'number') return undefined
  return unit === 'days' ? amount * 24 : unit === 'hours' ? amount : undefined
}

/** Each field's raw stored value (undefined: never set). */
function rawFields(section: SettingsSection, stored: StoredSettings): Json {
  const s = stored.settings
  const theme = obj(s['theme'])
  const rules = obj(s['orderRules'])
  const returns = obj(s['returns'])
  const chat = obj(s['chat'])
  switch (section) {
    case 'store':
      return {
        name: stored.name,
        logo: s['logo'],
        allowedOrigins: stored.allowedOrigins,
        defaultLocale: s['defaultLocale'],
        locales: s['locales'],
        // Stores set up before the Store section kept their zone with the business hours.
        timezone: s['timezone'] ?? obj(obj(s['chat'])['businessHours'])['timezone'],
      }
    case 'widget':
      return { color: theme['color'], position: theme['position'], greeting: theme['greeting'] }
    case 'policies': {
      const cancel = rules['cancel'] === undefined ? undefined : obj(rules['cancel'])
      const ret = rules['return'] === undefined ? undefined : obj(rules['return'])
      const window = ret?.['window'] === undefined ? undefined : obj(ret['window'])
      const days = window && hoursOf(window)
      return {
        cancel: cancel && {
          enabled: cancel['enabled'] ?? DEFAULT_ORDER_RULES.cancel.enabled,
          withinHours: cancel['window'] === undefined ? null : hoursOf(cancel['window']),
        },
        return: ret && {
          enabled: ret['enabled'] ?? DEFAULT_ORDER_RULES.return.enabled,
          windowDays: window === undefined ? 30 : typeof days === 'number' ? days / 24 : days,
          from: window?.['from'] ?? 'delivery',
        },
        finalSaleTags: ret?.['excludedTags'],
        issueReasons: rules['issueReasons'],
        returnReasons: rules['returnReasons'],
        cancelReasons: rules['cancelReasons'],
        loopPortalUrl: returns['loopPortalUrl'],
        refundOn: returns['refundOn'],
      }
    }
    case 'chat': {
      const hours = chat['businessHours']
      return {
        hours: hours === undefined || hours === null ? hours : obj(hours)['weekly'],
        closedDays: chat['closedDays'],
        backAt: chat['backAt'],
        typicalReply: chat['typicalReply'],
        revertHours: chat['revertHours'],
      }
    }
    case 'automation': {
      const automation = obj(s['automation'])
      return {
        approveCancel: automation['approveCancel'],
        approveReturn: automation['approveReturn'],
      }
    }
  }
}

/**
 * A section as stored: each field that reads well under the schema, and each one that does not
 * replaced by its default and reported (shoppers get that default too, as the readers do).
 */
export function readSection<S extends SettingsSection>(
  section: S,
  stored: StoredSettings,
): { values: SectionValues[S]; problems: SettingsProblem[] } {
  const schema = sectionSchemas[section]
  const defaults = sectionDefaults(stored)[section] as unknown as Json
  const raw = rawFields(section, stored)
  const values: Json = {}
  const problems: SettingsProblem[] = []
  for (const [field, fieldSchema] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (raw[field] === undefined) {
      values[field] = defaults[field]
      continue
    }
    const parsed = fieldSchema.safeParse(raw[field])
    if (parsed.success) values[field] = parsed.data
    else {
      values[field] = defaults[field]
      for (const p of problemsOf(parsed.error)) {
        problems.push({ field: p.field === '' ? field : `${field}.${p.field}`, reason: p.reason })
      }
    }
  }
  // Rules across fields (the default language among those offered).
  const whole = schema.safeParse(values)
  if (!whole.success) problems.push(...problemsOf(whole.error))
  return { values: values as unknown as SectionValues[S], problems }
}

/** Storage after saving a section: its fields written where their readers look. */
export function writeSection<S extends SettingsSection>(
  section: S,
  values: SectionValues[S],
  stored: StoredSettings,
): StoredSettings {
  const s = { ...stored.settings }
  const out = { ...stored, settings: s }
  switch (section) {
    case 'store': {
      const v = values as SectionValues['store']
      out.name = v.name
      out.allowedOrigins = v.allowedOrigins
      Object.assign(s, { logo: v.logo, defaultLocale: v.defaultLocale, locales: v.locales })
      s['timezone'] = v.timezone
      // One zone for the store: hours that named their own now follow the store's.
      s['chat'] = withHoursZone(obj(s['chat']), undefined)
      break
    }
    case 'widget': {
      const v = values as SectionValues['widget']
      s['theme'] = {
        ...obj(s['theme']),
        color: v.color,
        position: v.position,
        greeting: v.greeting,
      }
      break
    }
    case 'policies': {
      const v = values as SectionValues['policies']
      const rules = obj(s['orderRules'])
      const { returnReasons, cancelReasons, ...kept } = rules
      s['orderRules'] = {
        ...kept,
        cancel: {
          ...obj(rules['cancel']),
          enabled: v.cancel.enabled,
          window:
            v.cancel.withinHours === null
              ? null
              : { amount: v.cancel.withinHours, unit: 'hours', from: 'order' },
        },
        return: {
          ...obj(rules['return']),
          enabled: v.return.enabled,
          window: { amount: v.return.windowDays, unit: 'days', from: v.return.from },
          excludedTags: v.finalSaleTags,
        },
        issueReasons: v.issueReasons,
        ...(v.returnReasons === null ? {} : { returnReasons: v.returnReasons }),
        ...(v.cancelReasons === null ? {} : { cancelReasons: v.cancelReasons }),
      }
      s['returns'] = { ...obj(s['returns']), loopPortalUrl: v.loopPortalUrl, refundOn: v.refundOn }
      break
    }
    case 'chat': {
      const v = values as SectionValues['chat']
      const chat = obj(s['chat'])
      // Hours are in the store's zone; an older store's zone, kept with its hours, moves there.
      const oldZone = obj(chat['businessHours'])['timezone']
      if (s['timezone'] === undefined && typeof oldZone === 'string') s['timezone'] = oldZone
      s['chat'] = {
        ...chat,
        businessHours: v.hours === null ? null : { weekly: v.hours },
        closedDays: v.closedDays,
        backAt: v.backAt,
        typicalReply: v.typicalReply,
        revertHours: v.revertHours,
      }
      break
    }
    case 'automation': {
      const v = values as SectionValues['automation']
      s['automation'] = {
        ...obj(s['automation']),
        approveCancel: v.approveCancel,
        approveReturn: v.approveReturn,
      }
      break
    }
  }
  return out
}

function withHoursZone(chat: Json, zone: string | undefined): Json {
  const hours = chat['businessHours']
  if (typeof hours !== 'object' || hours === null) return chat
  const { timezone: _old, ...rest } = hours as Json
  return { ...chat, businessHours: zone === undefined ? rest : { ...rest, timezone: zone } }
}

/** Field-by-field differences of two versions of a section, for the history. */
export function sectionChanges<S extends SettingsSection>(
  before: SectionValues[S],
  after: SectionValues[S],
): Array<{ field: string; old: unknown; new: unknown }> {
  const a = before as unknown as Json
  const b = after as unknown as Json
  return Object.keys(b)
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => ({ field, old: a[field] ?? null, new: b[field] }))
}
