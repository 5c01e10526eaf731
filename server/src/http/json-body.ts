import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError } from '../errors.ts'
import { findUnsafeValue, refuseUnsafe } from './safe-input.ts'

/**
 * Reads and validates a JSON body at the edge. Wrong content type, broken JSON, values no
 * database can store (NUL, unpaired surrogates, numbers past 2^53, deep nesting) and schema
 * mismatches each get their own stable code; nothing here can surface as a 500.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.')
  }
  let raw: unknown
  try {
    raw = JSON.parse(await c.req.text())
  } catch {
    throw new AppError('invalid_json', 'The body is not valid JSON.')
  }
  // Before the schema, so no route's schema has to remember it.
  refuseUnsafe(findUnsafeValue(raw))
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({
      path: i.path.join('.'),
      message: i.message,
    }))
    const first = issues[0]
    const where = first && first.path !== '' ? `${first.path}: ` : ''
    throw new AppError('validation_failed', `${where}${first?.message ?? 'invalid body'}`, issues)
  }
  return parsed.data
}
