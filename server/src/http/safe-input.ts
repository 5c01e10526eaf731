import type { Context, Next } from 'hono'
import { z } from 'zod'
import { AppError } from '../errors.ts'

/** The largest value of an `integer` column on PostgreSQL (int4); SQLite holds more. */
export const DB_INT_MAX = 2_147_483_647

/** A whole number an `integer` column can hold, at least `min`. */
export const dbInteger = (min = 0) => z.number().int().min(min).max(DB_INT_MAX)

/** JSON nested deeper than this is no request of ours, and walking it costs stack. */
const MAX_DEPTH = 32

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export interface UnsafeValue {
  code: 'invalid_characters' | 'number_out_of_range' | 'nesting_too_deep'
  path: string
  message: string
}

/** Why a string cannot be stored as text (PostgreSQL refuses NUL; lone surrogates are no UTF-8). */
export function unsafeText(value: string): string | undefined {
  if (value.includes('\u0000')) return 'contains a NUL character'
  if (loneSurrogate.test(value)) return 'contains an unpaired surrogate (not valid Unicode)'
  return undefined
}

/**
 * The first value in a parsed JSON body that no database column can take: a string (or key)
 * with NUL or an unpaired surrogate, a whole number past 2^53 (it has already lost digits), or
 * nesting past MAX_DEPTH. Walks with its own stack so a deep body cannot overflow ours.
 */
export function findUnsafeValue(root: unknown): UnsafeValue | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: root, path: '', depth: 0 },
  ]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (typeof value === 'string') {
      const why = unsafeText(value)
      if (why !== undefined) return { code: 'invalid_characters', path, message: why }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
        return { code: 'number_out_of_range', path, message: 'is out of range' }
      }
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) {
        return { code: 'nesting_too_deep', path, message: `nests deeper than ${MAX_DEPTH}` }
      }
      const entries = Array.isArray(value) ? value.entries() : Object.entries(value)
      for (const [key, child] of entries) {
        const at = path === '' ? String(key) : `${path}.${String(key)}`
        if (typeof key === 'string') {
          const why = unsafeText(key)
          if (why !== undefined)
            return { code: 'invalid_characters', path: at, message: `key ${why}` }
        }
        stack.push({ value: child, path: at, depth: depth + 1 })
      }
    }
  }
  return undefined
}

/**
 * Throws the 400 for an unsafe value, naming where it is. The code is the one every schema
 * mismatch has (validation_failed), so clients need nothing new; `details[0].reason` says which.
 */
export function refuseUnsafe(found: UnsafeValue | undefined): void {
  if (found === undefined) return
  const where = found.path === '' ? '' : `${found.path}: `
  throw new AppError('validation_failed', `${where}${found.message}`, [
    { path: found.path, message: found.message, reason: found.code },
  ])
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    // Not valid percent-encoded UTF-8: Hono leaves such text as it is, so it is only odd bytes.
    return text
  }
}

/**
 * Every route's URL, before any handler reads a parameter: a NUL in the path or the query
 * (which many handlers pass to the database as they are) is a 400, on both databases alike.
 * Bodies are checked by readJson, which sees the parsed values.
 */
export async function rejectUnsafeUrl(c: Context, next: Next) {
  const url = new URL(c.req.url)
  refuseUnsafeText('path', decoded(url.pathname))
  for (const [name, value] of url.searchParams) {
    refuseUnsafeText(name, name)
    refuseUnsafeText(name, value)
  }
  await next()
}

function refuseUnsafeText(path: string, value: string) {
  const why = unsafeText(value)
  if (why !== undefined) refuseUnsafe({ code: 'invalid_characters', path, message: why })
}
