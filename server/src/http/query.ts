import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError } from '../errors.ts'

/**
 * Reads and validates the query string at the edge, like readJson for bodies. A repeated
 * parameter is refused rather than guessed at, and every mismatch is a 400 validation_failed
 * that names the parameter.
 */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries()
  const raw: Record<string, string> = {}
  for (const [name, values] of Object.entries(all)) {
    if (values.length > 1) {
      throw new AppError('validation_failed', `${name}: give this parameter once`, [
        { path: name, message: 'repeated parameter' },
      ])
    }
    raw[name] = values[0] ?? ''
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.slice(0, 10).map((i) => ({
    // An unknown key is reported by zod at the root; name the key itself.
    path: i.code === 'unrecognized_keys' ? (i.keys as string[]).join(', ') : i.path.join('.'),
    message: i.message,
  }))
  const first = issues[0]
  throw new AppError(
    'validation_failed',
    `${first && first.path !== '' ? `${first.path}: ` : ''}${first?.message ?? 'invalid query'}`,
    issues,
  )
}
