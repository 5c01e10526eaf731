import { enForms } from '@porchlight/shared/i18n/en-forms'
import { locales } from '@porchlight/shared/i18n/locales'
import type { PoliciesSection } from '@porchlight/shared/settings/schema'
import { useState } from 'preact/hooks'
import { errorOf } from './fields.tsx'
import type { FieldErrors } from './use-section.ts'

export type ReasonList = NonNullable<PoliciesSection['returnReasons']>
type Reason = ReasonList[number]

/** The built-in English words of a reason code, or the code when it is the store's own. */
export function builtinLabel(code: string): string | undefined {
  const words = (enForms as Record<string, unknown>)[`reason.${code}`]
  return typeof words === 'string' ? words : undefined
}

/**
 * One list of reasons: the built-in ones until the store customizes it; then each reason can be
 * renamed or translated per language, moved, hidden or removed, and the store's own added.
 */
export function ReasonListEditor(props: {
  id: string
  title: string
  list: ReasonList | null | undefined
  defaults: readonly string[]
  errors: FieldErrors
  field: string
  onChange(list: ReasonList | null): void
}) {
  const { list, id } = props
  const [newCode, setNewCode] = useState('')
  const [newLabel, setNewLabel] = useState('')
  const listError = props.errors[props.field]
  if (list === null || list === undefined) {
    return (
      <fieldset>
        <legend>{props.title}</legend>
        <p class="muted">
          The built-in reasons: {props.defaults.map((c) => builtinLabel(c) ?? c).join(', ')}.
        </p>
        <button
          type="button"
          onClick={() =>
            props.onChange(props.defaults.map((code) => ({ code, labels: {}, hidden: false })))
          }
        >
          Customize {props.title.toLowerCase()}
        </button>
      </fieldset>
    )
  }
  const replace = (i: number, r: Reason) => props.onChange(list.map((x, j) => (j === i ? r : x)))
  const move = (i: number, by: number) => {
    const next = [...list]
    const [r] = next.splice(i, 1)
    if (r !== undefined) next.splice(i + by, 0, r)
    props.onChange(next)
  }
  return (
    <fieldset>
      <legend>{props.title}</legend>
      {listError && <p class="field-error">{listError}</p>}
      <ol class="plain">
        {list.map((r, i) => {
          const base = builtinLabel(r.code)
          const name = r.labels.en ?? base ?? r.code
          return (
            <li key={r.code} class="reason-row" aria-label={name}>
              <strong>{name}</strong>
              <small class="muted">({r.code})</small>
              {locales.map((l) => {
                const inputId = `${id}-${i}-${l}`
                const err = errorOf(props.errors, `${props.field}.${i}.labels.${l}`)
                return (
                  <span key={l}>
                    <label for={inputId}>
                      {l.toUpperCase()}
                      <span class="sr-only"> words for {name}</span>
                    </label>{' '}
                    <input
                      id={inputId}
                      lang={l}
                      dir="auto"
                      maxLength={200}
                      placeholder={l === 'en' ? base : undefined}
                      aria-invalid={err ? true : undefined}
                      value={r.labels[l] ?? ''}
                      onInput={(ev) => {
                        const text = ev.currentTarget.value
                        const { [l]: _gone, ...rest } = r.labels
                        replace(i, { ...r, labels: text.trim() ? { ...rest, [l]: text } : rest })
                      }}
                    />
                  </span>
                )
              })}
              <label class="choice">
                <input
                  type="checkbox"
                  checked={r.hidden}
                  onChange={(ev) => replace(i, { ...r, hidden: ev.currentTarget.checked })}
                />
                Hidden<span class="sr-only"> ({name})</span>
              </label>
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
                Up<span class="sr-only"> ({name})</span>
              </button>
              <button type="button" disabled={i === list.length - 1} onClick={() => move(i, 1)}>
                Down<span class="sr-only"> ({name})</span>
              </button>
              <button type="button" onClick={() => props.onChange(list.filter((_, j) => j !== i))}>
                Remove<span class="sr-only"> ({name})</span>
              </button>
              {errorOf(props.errors, `${props.field}.${i}`) && (
                <p class="field-error">{errorOf(props.errors, `${props.field}.${i}`)}</p>
              )}
            </li>
          )
        })}
      </ol>
      <div class="reason-row" role="group" aria-label={`Add to ${props.title.toLowerCase()}`}>
        <label for={`${id}-new-label`}>New reason (English words)</label>
        <input
          id={`${id}-new-label`}
          maxLength={200}
          value={newLabel}
          onInput={(ev) => {
            const text = ev.currentTarget.value
            setNewLabel(text)
            setNewCode(
              text
                .toLowerCase()
                .normalize('NFKD')
                .replace(/[^a-z0-9]+/g, '_')
                .replace(/^_+|_+$/g, '')
                .replace(/^(\d)/, 'r_$1')
                .slice(0, 48),
            )
          }}
        />
        <button
          type="button"
          disabled={newCode === '' || list.some((r) => r.code === newCode)}
          onClick={() => {
            props.onChange([
              ...list,
              { code: newCode, labels: { en: newLabel.trim() }, hidden: false },
            ])
            setNewLabel('')
            setNewCode('')
          }}
        >
          Add the reason
        </button>
        <button type="button" class="link-button" onClick={() => props.onChange(null)}>
          Back to the built-in reasons
        </button>
      </div>
    </fieldset>
  )
}
