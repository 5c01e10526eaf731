import { useState } from 'preact/hooks'
import { useSavedReplyPicker, type FillContext } from './saved-reply-picker.tsx'

/** A titled textarea with one button: replies and internal notes. */
export function TextForm(props: {
  id: string
  title: string
  hint: string
  submit: string
  busy: boolean
  /** Inside another titled section: the title is one heading level down. */
  nested?: boolean
  /** Inside a tab that names it (the composer's): the form alone, its title the field's label. */
  bare?: boolean
  /** Resolves true when saved; the draft is kept otherwise. */
  onSubmit: (body: string) => Promise<boolean>
  /** Saved replies: `/` in the field lists them, filled from this ticket. */
  savedReplies?: FillContext
}) {
  const [body, setBody] = useState('')
  const [invalid, setInvalid] = useState(false)
  const fieldId = `${props.id}-body`
  const picker = useSavedReplyPicker(props.savedReplies, body, setBody, fieldId)
  const form = (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        if (body.trim() === '') {
          setInvalid(true)
          document.getElementById(fieldId)?.focus()
          return
        }
        setInvalid(false)
        if (await props.onSubmit(body.trim())) setBody('')
      }}
    >
      <label for={fieldId} class="sr-only">
        {props.title}
      </label>
      <textarea
        id={fieldId}
        rows={4}
        maxLength={5000}
        value={body}
        aria-invalid={invalid}
        aria-describedby={`${props.id}-hint${invalid ? ` ${props.id}-error` : ''}`}
        {...(props.savedReplies ? picker.fieldProps : {})}
        onInput={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => picker.onKeyDown(e)}
      />
      {picker.list}
      <small id={`${props.id}-hint`} class="muted">
        {props.hint}
      </small>
      {props.savedReplies && <small class="muted"> Type / for saved replies.</small>}
      {invalid && (
        <p id={`${props.id}-error`} class="field-error">
          Write something first.
        </p>
      )}
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submit}
      </button>
    </form>
  )
  if (props.bare) return form
  return (
    <section class="card" aria-labelledby={`${props.id}-title`}>
      {props.nested ? (
        <h3 id={`${props.id}-title`}>{props.title}</h3>
      ) : (
        <h2 id={`${props.id}-title`}>{props.title}</h2>
      )}
      {form}
    </section>
  )
}
