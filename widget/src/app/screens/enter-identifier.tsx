import type { Channel, ChallengeResponse } from '@porchlight/shared/api/auth'
import { useId, useRef, useState } from 'preact/hooks'
import type { ApiClient } from '../api-client.ts'
import { useI18n } from '../locale.ts'
import { problemFor, problemText, type Problem } from '../problem.ts'
import { ScreenView } from './screen-view.tsx'
import '../fields.css'

interface Props {
  api: ApiClient
  channel: Channel
  /** What the shopper typed before, when they come back to change it. */
  initialValue: string
  /** ISO region guessed from the shopper's locale, to read national phone numbers. */
  country: string | undefined
  focus: boolean
  onBack: () => void
  onSent: (identifier: string, challenge: ChallengeResponse) => void
}

const emailField = {
  name: 'email',
  type: 'email',
  autocomplete: 'email',
  inputMode: 'email',
} as const
const phoneField = { name: 'phone', type: 'tel', autocomplete: 'tel', inputMode: 'tel' } as const

/** Second step: the email address or phone number to send the code to. */
export function EnterIdentifier(props: Props) {
  const { api, channel, country, focus, onBack, onSent } = props
  const i18n = useI18n()
  const { t } = i18n
  const [value, setValue] = useState(props.initialValue)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // State updates land on the next render; this guards double submits within one.
  const pending = useRef(false)
  const id = useId()
  const email = channel === 'email'

  const fail = (next: Problem) => {
    setProblem(next)
    input.current?.focus()
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (pending.current) return
    const identifier = value.trim()
    if (identifier === '') {
      return fail({
        key: email ? 'auth.identifier.required_email' : 'auth.identifier.required_phone',
      })
    }
    // Only the obvious slip is caught here; the server decides what a valid address is.
    if (email && !/^[^\s@]+@[^\s@]+$/.test(identifier)) return fail({ key: 'error.invalid_email' })
    pending.current = true
    setBusy(true)
    setProblem(null)
    const result = await api.askCode({
      channel,
      identifier,
      locale: i18n.locale,
      ...(email || country === undefined ? {} : { country }),
    })
    pending.current = false
    setBusy(false)
    if (result.ok) onSent(identifier, result.value)
    else fail(problemFor(result.error))
  }

  return (
    <ScreenView
      title={t(email ? 'auth.identifier.heading_email' : 'auth.identifier.heading_sms')}
      focus={focus}
      onBack={onBack}
    >
      <form onSubmit={submit} noValidate>
        <label for={`${id}-input`}>
          {t(email ? 'auth.identifier.label_email' : 'auth.identifier.label_phone')}
        </label>
        <p id={`${id}-hint`} class="hint">
          {t(email ? 'auth.identifier.hint_email' : 'auth.identifier.hint_phone')}
        </p>
        <input
          ref={input}
          id={`${id}-input`}
          {...(email ? emailField : phoneField)}
          autoCapitalize="off"
          spellcheck={false}
          dir="ltr"
          required
          value={value}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-hint ${id}-error`}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <p id={`${id}-error`} role="alert" class="error">
          {problemText(problem, i18n)}
        </p>
        <button type="submit" class="primary" aria-disabled={busy}>
          {t(busy ? 'auth.identifier.sending' : 'auth.identifier.submit')}
        </button>
      </form>
    </ScreenView>
  )
}
