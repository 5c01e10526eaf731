import { ApiError } from '../api.ts'
import { errorMessage } from '../messages.ts'

/** Errors of a form: each field's own, and one for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>
  form: string | undefined
}

export const NO_ERRORS: FormErrors = { fields: {}, form: undefined }

/**
 * Splits a refused save into the words shown next to each field (a 400 validation_failed
 * names them in `details`) and the one shown above the form (anything else).
 */
export function formErrors(err: unknown, known: readonly string[]): FormErrors {
  if (err instanceof ApiError && err.code === 'validation_failed' && Array.isArray(err.details)) {
    const fields: Record<string, string> = {}
    for (const issue of err.details as Array<{ path?: unknown; message?: unknown }>) {
      const field = typeof issue.path === 'string' ? issue.path.split('.')[0] : undefined
      if (field !== undefined && known.includes(field) && fields[field] === undefined) {
        fields[field] = String(issue.message)
      }
    }
    if (Object.keys(fields).length > 0) return { fields, form: undefined }
  }
  if (err instanceof ApiError && err.code === 'validation_failed') {
    // A rule the server checks beyond the schema names its field first ("url: ...").
    const m = /^(\w+): (.+)$/.exec(err.message)
    if (m?.[1] !== undefined && m[2] !== undefined && known.includes(m[1])) {
      return { fields: { [m[1]]: m[2] }, form: undefined }
    }
  }
  return { fields: {}, form: errorMessage(err) }
}

/** Props that tie an input to its error message (`aria-describedby`, `aria-invalid`). */
export function describedBy(id: string, errors: FormErrors, field: string) {
  return errors.fields[field] === undefined
    ? {}
    : { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` }
}
