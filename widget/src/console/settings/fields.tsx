import type { ComponentChildren, JSX } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { locales, type Locale } from '@porchlight/shared/i18n/locales'
import type { SettingsSection } from '@porchlight/shared/settings/schema'
import { LANGUAGE_NAMES } from './languages.ts'
import type { FieldErrors, SectionForm } from './use-section.ts'

/** The error of a field and of anything under it (`locales` for `locales.2`). */
export function errorOf(errors: FieldErrors, field: string): string | undefined {
  if (errors[field] !== undefined) return errors[field]
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`))
  return key === undefined ? undefined : errors[key]
}

/** A labelled control with its hint and its error beside it (announced, and linked by id). */
export function Field(props: {
  id: string
  label: string
  hint?: string
  error?: string | undefined
  children: (aria: {
    id: string
    'aria-invalid': boolean | undefined
    'aria-describedby': string | undefined
  }) => JSX.Element
}) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(' ')
  return (
    <div class="settings-field">
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        'aria-invalid': props.error !== undefined ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {props.hint && (
        <small id={`${props.id}-hint`} class="muted">
          {props.hint}
        </small>
      )}
      {props.error && (
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  )
}

/**
 * A section's form: problems found in storage, the outcome of the last save (focused, so a
 * keyboard or screen-reader user hears it), the fields, and the save button (owners only).
 */
export function SectionFormShell<S extends SettingsSection>(props: {
  form: SectionForm<S>
  title: string
  intro?: string
  children: ComponentChildren
  aside?: ComponentChildren
}) {
  const { form } = props
  const outcomeRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (form.outcome !== undefined) outcomeRef.current?.focus()
  }, [form.outcome])
  if (form.loadError !== undefined) return <p class="note note-error">{form.loadError}</p>
  if (form.answer === null || form.draft === null) return <p class="muted">Loading…</p>
  const canEdit = form.answer.canEdit
  return (
    <div class={props.aside ? 'settings-split' : undefined}>
      <form
        class="settings-form"
        aria-labelledby="section-title"
        aria-busy={form.busy}
        onSubmit={(e) => {
          e.preventDefault()
          void form.save()
        }}
      >
        <h2 id="section-title">{props.title}</h2>
        {props.intro && <p class="muted">{props.intro}</p>}
        {form.answer.problems.length > 0 && (
          <div class="note note-warn" role="note" aria-label="Problems in the saved settings">
            <p>
              These saved settings are broken; shoppers get the default shown below until you save:
            </p>
            <ul>
              {form.answer.problems.map((p) => (
                <li key={p.field}>
                  <strong>{p.field}</strong>: {p.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {!canEdit && (
          <p class="note note-info">Only an owner of the store can change these settings.</p>
        )}
        <p
          id="section-outcome"
          ref={outcomeRef}
          tabIndex={-1}
          role={form.outcome?.ok === false ? 'alert' : 'status'}
          class={
            form.outcome === undefined
              ? 'sr-empty'
              : form.outcome.ok
                ? 'note note-ok'
                : 'note note-error'
          }
        >
          {form.outcome?.text ?? ''}
        </p>
        <fieldset disabled={!canEdit} class="plain-fieldset">
          <legend class="sr-only">{props.title}</legend>
          {props.children}
          {canEdit && (
            <button type="submit" disabled={form.busy}>
              {form.busy ? 'Saving…' : 'Save'}
            </button>
          )}
        </fieldset>
      </form>
      {props.aside}
    </div>
  )
}

/** One text per language (a greeting, the "back at" words); an emptied one is left out. */
export function PerLanguageText(props: {
  id: string
  legend: string
  hint?: string
  field: string
  value: Partial<Record<Locale, string>>
  max: number
  errors: FieldErrors
  onChange(value: Partial<Record<Locale, string>>): void
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.hint && <p class="muted">{props.hint}</p>}
      {locales.map((l) => (
        <Field
          key={l}
          id={`${props.id}-${l}`}
          label={LANGUAGE_NAMES[l]}
          error={errorOf(props.errors, `${props.field}.${l}`)}
        >
          {(aria) => (
            <input
              {...aria}
              lang={l}
              dir="auto"
              maxLength={props.max}
              value={props.value[l] ?? ''}
              onInput={(ev) => {
                const text = ev.currentTarget.value
                const { [l]: _gone, ...rest } = props.value
                props.onChange(text.trim() === '' ? rest : { ...rest, [l]: text })
              }}
            />
          )}
        </Field>
      ))}
    </fieldset>
  )
}
