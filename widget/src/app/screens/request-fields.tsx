import type { LineItemView } from '@porchlight/shared/api/orders'
import type { ComponentChildren } from 'preact'
import { useId } from 'preact/hooks'
import { useI18n } from '../locale.ts'
import type { ReasonOption } from '../order-view.ts'
import { reasonLabel } from '../order-words.ts'
import { say } from '../words.ts'
import './request-forms.css'
import '../fields.css'

/** The steps of every request form: the form, the review of what will be sent, the confirmation. */
export type RequestStep = 'form' | 'review' | 'done'

/** The contract's limits (UTF-16 code units, as maxlength counts). */
export const COMMENT_MAX = 1000
export const MESSAGE_MAX = 5000

/** Which lines to return and how many of each (within what is still returnable). */
export function ReturnLines(props: {
  lines: LineItemView[]
  chosen: Record<string, number>
  invalid: boolean
  errorId: string
  onChange: (lineId: string, quantity: number) => void
  /** Drawn under a chosen line (the exchange choice of a return). */
  chosenExtra?: (lineId: string) => ComponentChildren
}) {
  const { lines, chosen, invalid, errorId, onChange, chosenExtra } = props
  const i18n = useI18n()
  const id = useId()
  return (
    <fieldset aria-describedby={invalid ? errorId : undefined}>
      <legend>{i18n.t('request.lines')}</legend>
      {lines.map((line, i) => {
        const max = line.returnableQuantity
        const quantity = chosen[line.id] ?? 0
        const box = `${id}-${i}`
        return (
          <div key={line.id} class="choice">
            <input
              type="checkbox"
              id={box}
              checked={quantity > 0}
              disabled={max === 0}
              onChange={(e) => onChange(line.id, e.currentTarget.checked ? max : 0)}
            />
            <label for={box} id={`${box}-l`}>
              {line.title}
              {line.variantTitle && <span class="line muted">{line.variantTitle}</span>}
              {max === 0 && line.notReturnableReason && (
                <span class="line muted">{say(i18n, `line.${line.notReturnableReason}`)}</span>
              )}
            </label>
            {quantity > 0 && max > 1 && (
              <span class="quantity">
                <label for={`${box}-q`}>{i18n.t('request.quantity')}</label>
                <select
                  id={`${box}-q`}
                  aria-describedby={`${box}-l`}
                  onChange={(e) => onChange(line.id, Number(e.currentTarget.value))}
                >
                  {Array.from({ length: max }, (_, n) => (
                    // `selected` rather than the select's value: that is set before its options exist.
                    <option key={n} value={n + 1} selected={n + 1 === quantity}>
                      {n + 1}
                    </option>
                  ))}
                </select>
              </span>
            )}
            {quantity > 0 && chosenExtra?.(line.id)}
          </div>
        )
      })}
    </fieldset>
  )
}

/** One reason from the order's list, as radio buttons (every choice visible at once). */
export function ReasonField(props: {
  legend: string
  reasons: ReasonOption[]
  value: string
  invalid: boolean
  errorId: string
  onChange: (code: string) => void
}) {
  const { legend, reasons, value, invalid, errorId, onChange } = props
  const i18n = useI18n()
  const id = useId()
  return (
    <fieldset aria-describedby={invalid ? errorId : undefined}>
      <legend>{legend}</legend>
      {reasons.map((reason, i) => (
        <div key={reason.code} class="choice">
          <input
            type="radio"
            id={`${id}-${i}`}
            name={id}
            value={reason.code}
            checked={value === reason.code}
            onChange={() => onChange(reason.code)}
          />
          <label for={`${id}-${i}`}>{reasonLabel(reason, i18n)}</label>
        </div>
      ))}
    </fieldset>
  )
}

/** Free text with a limit and a count of what is left. */
export function TextField(props: {
  label: string
  name?: string
  max?: number
  value: string
  required?: boolean
  invalid?: boolean
  errorId?: string
  onInput: (value: string) => void
}) {
  const { label, name, value, required, invalid, errorId, onInput, max = COMMENT_MAX } = props
  const { t } = useI18n()
  const id = useId()
  return (
    <>
      <label for={id}>
        {label}
        {!required && <span class="muted"> ({t('common.optional')})</span>}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        maxLength={max}
        value={value}
        required={required}
        aria-invalid={invalid}
        aria-describedby={`${id}-n${invalid && errorId ? ` ${errorId}` : ''}`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-n`} class="hint">
        {t('request.chars_left', { count: max - value.length })}
      </p>
    </>
  )
}
