import { REQUEST_CHANNELS, REQUEST_TYPES } from '@porchlight/shared/api/requests'
/**
 * Edge validation of the request contract (shared/src/api/requests.ts). Strict objects: an
 * unknown field is a 400, never silently dropped. Shopper text is kept exactly as given; the
 * only character refused is NUL, which PostgreSQL cannot store in text.
 */
import type { ContactMessage, FileRequest } from '@porchlight/shared/api/requests'
import { z } from 'zod'

export const MAX_COMMENT = 1000
export const MAX_MESSAGE = 5000

const noNul = (s: string) => !s.includes('\u0000')

const text = (max: number) =>
  z.string().max(max, `at most ${max} characters`).refine(noNul, 'must not contain NUL')

const locale = z
  .string()
  .max(35)
  .refine((v) => {
    try {
      return Intl.getCanonicalLocales(v).length === 1
    } catch {
      return false
    }
  }, 'expected a BCP 47 language tag such as en or pt-BR')
  // Stored in its canonical form ('FR-fr' -> 'fr-FR'), so later messages read one spelling.
  .transform((v) => Intl.getCanonicalLocales(v)[0] ?? v)

const line = z.strictObject({
  lineItemId: z.string().min(1).max(200),
  quantity: z.number().int('expected a whole number').positive('expected at least 1').max(10_000),
  exchangeVariantId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a variant id')
    .optional(),
})

// Types are checked here; which fields a country needs, and their shapes, are the domain's
// (checkAddress): a field left out reads as empty, so it is refused as `address_invalid` with
// the field named, the same as one left blank.
const part = text(200).nullable().optional()
const address = z.strictObject({
  name: text(200).default(''),
  company: part,
  line1: text(200).default(''),
  line2: part,
  city: text(200).default(''),
  region: part,
  postalCode: part,
  country: text(200).default(''),
  phone: part,
})

export const fileRequestBody = z
  .strictObject({
    type: z.enum(REQUEST_TYPES),
    reason: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'expected a reason code'),
    comment: text(MAX_COMMENT).optional(),
    lines: z.array(line).min(1, 'pick at least one line').max(250).optional(),
    address: address.optional(),
    channel: z.enum(REQUEST_CHANNELS),
    locale,
  })
  .superRefine((body, ctx) => {
    if (body.type === 'return' && body.lines === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'a return needs its lines' })
    }
    if (body.type !== 'return' && body.lines !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'only returns have lines' })
    }
    if (body.type === 'address_change' && body.address === undefined) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'an address change needs one' })
    }
    if (body.type !== 'address_change' && body.address !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'only address changes have one' })
    }
    const ids = (body.lines ?? []).map((l) => l.lineItemId)
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'name each line once' })
    }
  }) satisfies z.ZodType<FileRequest>

export const contactBody = z.strictObject({
  message: text(MAX_MESSAGE).refine((s) => s.trim() !== '', 'write a message'),
  name: text(200)
    .refine((s) => s.trim() !== '', 'must not be blank')
    .optional(),
  email: z.string().max(254).optional(),
  orderId: z.string().max(64).optional(),
  locale,
}) satisfies z.ZodType<ContactMessage>
