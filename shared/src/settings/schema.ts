/**
 * The one schema of a store's settings, as the console edits them, the API takes them and
 * `porchlight store show/set` prints and reads them: five sections (store, widget, policies,
 * chat, automation), each a strict object whose every field is checked with words a merchant can act on.
 * How each field is kept in the database is stored.ts's business.
 */
import { z } from 'zod'
import { WEEKDAYS } from '../chat/availability.ts'
import { locales } from '../i18n/locales.ts'
import { ISSUE_SCENARIO_CODES } from '../orders/issue-scenarios.ts'
import { ACTION_WINDOW_ANCHORS } from '../orders/settings.ts'
import { automationSectionSchema, type AutomationSection } from './automation-section.ts'
import { MIN_LABEL_CONTRAST, isHexColour, launcherLabelContrast } from './contrast.ts'
import { readStoreOrigin } from './origins.ts'

export const SETTINGS_SECTIONS = ['store', 'widget', 'policies', 'chat', 'automation'] as const
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]

const locale = z.enum(locales)

/** Text per offered language; a language left out falls back to the built-in words. */
const perLanguage = (max: number) =>
  z.partialRecord(locale, z.string().trim().min(1, 'Write something or leave it out.').max(max))

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const origin = z.string().transform((raw, ctx) => {
  const read = readStoreOrigin(raw.trim())
  if ('problem' in read) {
    ctx.addIssue({ code: 'custom', message: read.problem })
    return z.NEVER
  }
  return read.origin
})

/** A logo uploaded to this server (POST /v1/agent/settings/store/logo gives the id). */
export const LOGO_ID = /^lg_[A-Za-z0-9_-]{22}$/

export const storeSectionSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the store a name.').max(100),
    logo: z.string().regex(LOGO_ID, 'Upload the logo first.').nullable(),
    allowedOrigins: z
      .array(origin)
      .max(50, 'At most 50 websites.')
      .transform((list) => [...new Set(list)]),
    defaultLocale: locale,
    locales: z
      .array(locale)
      .min(1, 'Offer at least one language.')
      .transform((list) => [...new Set(list)]),
    timezone: z.string().refine(validZone, 'Not a time zone (use one like Europe/Paris).'),
  })
  .superRefine((v, ctx) => {
    if (!v.locales.includes(v.defaultLocale)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLocale'],
        message: 'The default language must be one of the languages offered.',
      })
    }
  })

const colour = z
  .string()
  .refine(isHexColour, 'Use a colour like #1f6feb.')
  .transform((c) => c.toLowerCase())
  .superRefine((c, ctx) => {
    const ratio = launcherLabelContrast(c)
    if (ratio < MIN_LABEL_CONTRAST) {
      ctx.addIssue({
        code: 'custom',
        message: `The launcher's label would have a contrast of ${ratio.toFixed(2)}:1 on this colour; it needs at least ${MIN_LABEL_CONTRAST}:1.`,
        params: { ratio },
      })
    }
  })

export const LAUNCHER_SIDES = ['right', 'left'] as const

export const widgetSectionSchema = z.strictObject({
  color: colour,
  position: z.enum(LAUNCHER_SIDES),
  greeting: perLanguage(200),
})

const reasonCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'Use lower-case letters, digits and _ (starting with a letter).')

/** One reason a shopper picks from; labels replace (or, for a store's own code, give) its words. */
const reason = z.strictObject({
  code: reasonCode,
  labels: perLanguage(200).default({}),
  hidden: z.boolean().default(false),
})

const reasonList = z
  .array(reason)
  .min(1, 'Keep at least one reason.')
  .max(30, 'At most 30 reasons.')
  .superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((r, i) => {
      if (seen.has(r.code)) {
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${r.code} is listed twice.` })
      }
      seen.add(r.code)
    })
    if (list.every((r) => r.hidden)) {
      ctx.addIssue({ code: 'custom', message: 'Keep at least one reason shown.' })
    }
  })

const httpsUrl = z
  .url({ protocol: /^https$/, error: 'Use the https address of your Loop Returns portal.' })
  .max(500)

export const policiesSectionSchema = z.strictObject({
  cancel: z.strictObject({
    enabled: z.boolean(),
    /** Hours after the order during which cancelling is offered; null: while unfulfilled. */
    withinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 365)
      .nullable(),
  }),
  return: z.strictObject({
    enabled: z.boolean(),
    windowDays: z.number().int().min(1, 'At least one day.').max(3650),
    from: z.enum(ACTION_WINDOW_ANCHORS).exclude(['order']),
  }),
  /** Orders tagged with any of these are final sale: no return offered. */
  finalSaleTags: z
    .array(z.string().trim().min(1).max(100).toLowerCase())
    .max(100)
    .transform((list) => [...new Set(list)]),
  issueReasons: z.partialRecord(z.enum(ISSUE_SCENARIO_CODES), reasonList),
  returnReasons: reasonList.nullable(),
  cancelReasons: reasonList.nullable(),
  loopPortalUrl: httpsUrl.nullable(),
  refundOn: z.enum(['approval', 'receipt']),
})

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time like 09:30.')
const interval = z
  .tuple([clock, clock])
  .refine(([from, to]) => from < to, 'The end must be after the start.')

export const TYPICAL_REPLY_TIMES = [
  'auto',
  'under_a_minute',
  'a_few_minutes',
  'a_few_hours',
] as const

export const chatSectionSchema = z.strictObject({
  /** Opening hours per weekday in the store's time zone; null: always open. */
  hours: z.partialRecord(z.enum(WEEKDAYS), z.array(interval).max(6)).nullable(),
  /** Whole days closed (holidays), as YYYY-MM-DD in the store's time zone. */
  closedDays: z
    .array(z.iso.date({ error: 'Use a date like 2026-12-25.' }))
    .max(200)
    .transform((list) => [...new Set(list)].sort()),
  /** What the shopper reads while the chat is closed, per language (else the next opening). */
  backAt: perLanguage(120),
  /** 'auto': measured from recent conversations. */
  typicalReply: z.enum(TYPICAL_REPLY_TIMES),
  revertHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
})

export const sectionSchemas = {
  store: storeSectionSchema,
  widget: widgetSectionSchema,
  policies: policiesSectionSchema,
  chat: chatSectionSchema,
  automation: automationSectionSchema,
} as const

export type StoreSection = z.output<typeof storeSectionSchema>
export type WidgetSection = z.output<typeof widgetSectionSchema>
export type PoliciesSection = z.output<typeof policiesSectionSchema>
export type ChatSection = z.output<typeof chatSectionSchema>
export type { AutomationSection }

export interface SectionValues {
  store: StoreSection
  widget: WidgetSection
  policies: PoliciesSection
  chat: ChatSection
  automation: AutomationSection
}

/** The settings document of `store show` / `store set`: any sections, each whole. */
export const settingsDocumentSchema = z.strictObject({
  store: storeSectionSchema.optional(),
  widget: widgetSectionSchema.optional(),
  policies: policiesSectionSchema.optional(),
  chat: chatSectionSchema.optional(),
  automation: automationSectionSchema.optional(),
})
export type SettingsDocument = z.output<typeof settingsDocumentSchema>

/** A field that was refused or that is broken in storage, and why, in plain words. */
export interface SettingsProblem {
  field: string
  reason: string
}

/** The problems of a failed parse, one per field (paths joined with dots). */
export function problemsOf(error: z.ZodError): SettingsProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    reason: issue.message,
  }))
}
