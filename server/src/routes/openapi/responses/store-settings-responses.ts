import type { PoliciesPreview } from '@porchlight/shared/api/policies-preview'
import type { LogoUploaded, SettingsHistoryItem } from '@porchlight/shared/api/store-settings'
import { INELIGIBLE_CODES } from '@porchlight/shared/orders/eligibility'
import { ISSUE_SCENARIO_CODES } from '@porchlight/shared/orders/issue-scenarios'
import { sectionSchemas, type SettingsSection } from '@porchlight/shared/settings/schema'
import { z } from 'zod'

/** The answers of the settings sections, built on the same schema the saves are checked with. */
export const sectionAnswerSchema = (section: SettingsSection) =>
  z.strictObject({
    section: z.literal(section),
    version: z.number().int().describe('Send it back with the save'),
    values: sectionSchemas[section],
    problems: z
      .array(z.strictObject({ field: z.string(), reason: z.string() }))
      .describe('Fields stored wrong; shoppers get the default shown in values'),
    canEdit: z.boolean().describe('Whether you may save (owners only)'),
  })

export const logoUploaded: z.ZodType<LogoUploaded> = z.strictObject({
  logo: z.string().describe('Name it as values.logo in the store section'),
  url: z.string(),
})

const historyItem: z.ZodType<SettingsHistoryItem> = z.strictObject({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  actor: z.strictObject({ kind: z.enum(['agent', 'cli']), name: z.string() }),
  section: z.string(),
  changes: z.array(
    z.strictObject({
      field: z.string(),
      old: z.unknown(),
      new: z.unknown(),
      secret: z.boolean().optional().describe("Old and new read 'changed'"),
    }),
  ),
})

export const settingsHistoryResponse = z.strictObject({ entries: z.array(historyItem) })

const previewOffer = z.union([
  z.strictObject({ offered: z.literal(true), until: z.iso.datetime({ offset: true }).nullable() }),
  z.strictObject({
    offered: z.literal(false),
    reason: z
      .object({
        code: z.enum(INELIGIBLE_CODES),
        data: z.record(z.string(), z.unknown()).optional(),
      })
      .describe('Why not, as the panel says it (ineligible.<code>)'),
  }),
])

export const policiesPreviewResponse: z.ZodType<PoliciesPreview> = z.strictObject({
  orders: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      cancel: previewOffer,
      return: previewOffer,
      issue: z.strictObject({
        scenario: z.enum(ISSUE_SCENARIO_CODES),
        reasons: z.array(z.string()),
      }),
    }),
  ),
}) as unknown as z.ZodType<PoliciesPreview>
