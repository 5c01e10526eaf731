import { z } from 'zod'
import { AppError } from '../../errors.ts'

/** Longest chat message, counted in characters as people see them (code points). */
export const MAX_MESSAGE_CHARS = 5000

// NUL cannot be stored in PostgreSQL text and no person types it: refuse it at the edge.
const noNul = (s: string) => !s.includes('\u0000')

export const messageText = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, 'the message is empty')
  .refine((s) => [...s].length <= MAX_MESSAGE_CHARS, `at most ${MAX_MESSAGE_CHARS} characters`)
  .refine(noNul, 'the message contains a NUL character')

export const clientId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _.:- only, at most 64')

export const locale = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag')

export const personName = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0 && s.length <= 100, '1 to 100 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters')

export const email = z.string().trim().max(254).pipe(z.email())

export const postMessageBody = z.strictObject({
  text: messageText,
  clientId: clientId.optional(),
  locale: locale.optional(),
})

export const readBody = z.strictObject({
  throughSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
})

/** `Last-Event-ID` (or `lastEventId` when a client reopens a stream itself). */
export function parseLastEventId(header: string | undefined, query: string | undefined) {
  const raw = header ?? query
  if (raw === undefined || raw === '') return null
  // A cursor we never issued cannot be resumed: the stream answers with resync.
  return /^\d{1,15}$/.test(raw) ? Number(raw) : Number.MAX_SAFE_INTEGER
}

/** Reads a query parameter through a schema; a bad value is a 400, never a 500. */
export function queryParam<S extends z.ZodType>(
  name: string,
  value: string | undefined,
  schema: S,
): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    )
  }
  return parsed.data
}
