import type { FormErrors } from './field-errors.ts'

/** The words next to a field when the server refused it (linked by aria-describedby). */
export function FieldError(props: { id: string; errors: FormErrors; field: string }) {
  const message = props.errors.fields[props.field]
  if (message === undefined) return null
  return (
    <p id={`${props.id}-error`} class="field-error">
      {message}
    </p>
  )
}

/** The form-wide error, announced when it appears. */
export function FormError(props: { errors: FormErrors }) {
  if (props.errors.form === undefined) return null
  return (
    <p class="note note-error" role="alert">
      {props.errors.form}
    </p>
  )
}
