import type { Channel, ChallengeResponse, SessionResponse } from '@porchlight/shared/api/auth'
import { useId, useRef, useState } from 'preact/hooks'
import type { ApiClient } from '../api-client.ts'
import { asciiDigits } from '../digits.ts'
import { useI18n } from '../locale.ts'
import { problemFor, problemText, type Problem } from '../problem.ts'
import { ScreenView } from './screen-view.tsx'
import { useSecondsUntil } from './use-seconds-until.ts'
import '../fields.css'

interface Props {
  api: ApiClient
  channel: Channel
  identifier: string
  challenge: ChallengeResponse
  /** Epoch ms when the challenge arrived, so the countdown survives a language re-render. */
  receivedAt: number
  focus: boolean
  onChangeIdentifier: () => void
  onSignedIn: (session: SessionResponse) => void
}

const CODE_LENGTH = 6

/** Third step: the 6-digit code, with a resend countdown and a way back to change the address. */
export function EnterCode(props: Props) {
  const { api, channel, identifier, focus, onChangeIdentifier, onSignedIn } = props
  const i18n = useI18n()
  const { t } = i18n
  const [challenge, setChallenge] = useState(props.challenge)
  const [resendAt, setResendAt] = useState(
    props.receivedAt + props.challenge.resendAfterSeconds * 1000,
  )
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const [resent, setResent] = useState(false)
  const [busy, setBusy] = useState(false)
  // The last code the server called wrong: sending it again would only burn one of the tries.
  const rejected = useRef('')
  // State updates land on the next render; this guards double submits within one.
  const pending = useRef(false)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  const wait = useSecondsUntil(resendAt)

  async function verify(candidate: string) {
    if (pending.current) return
    if (candidate.length !== CODE_LENGTH) {
      setProblem({ key: 'error.invalid_code_format' })
      input.current?.focus()
      return
    }
    if (candidate === rejected.current) {
      setProblem({ key: 'error.code_incorrect' })
      input.current?.focus()
      return
    }
    pending.current = true
    setBusy(true)
    setProblem(null)
    setResent(false)
    const result = await api.verifyCode(challenge.challengeId, candidate)
    pending.current = false
    setBusy(false)
    if (result.ok) return onSignedIn(result.value)
    if (result.error.code === 'code_incorrect') rejected.current = candidate
    setProblem(problemFor(result.error))
    // Select the wrong code so typing replaces it.
    input.current?.focus()
    input.current?.select()
  }

  // Typing, pasting and the phone's one-time-code autofill all end here. A complete code is
  // sent at once: the shopper has nothing left to do.
  function accept(raw: string) {
    const digits = asciiDigits(raw).slice(0, CODE_LENGTH)
    setCode(digits)
    if (input.current && input.current.value !== digits) input.current.value = digits
    if (digits.length === CODE_LENGTH && digits !== rejected.current) void verify(digits)
  }

  async function resend() {
    if (wait > 0 || pending.current) return
    pending.current = true
    setBusy(true)
    setProblem(null)
    setResent(false)
    const result = await api.resendCode(challenge.challengeId)
    pending.current = false
    setBusy(false)
    if (result.ok) {
      setChallenge(result.value)
      setResendAt(Date.now() + result.value.resendAfterSeconds * 1000)
      setCode('')
      rejected.current = ''
      setResent(true)
      return
    }
    if (result.error.code === 'resend_too_soon' && result.error.retryAfterSeconds !== undefined) {
      setResendAt(Date.now() + result.error.retryAfterSeconds * 1000)
    }
    setProblem(problemFor(result.error))
  }

  const minutes = Math.max(1, Math.ceil(challenge.expiresInSeconds / 60))
  return (
    <ScreenView title={t('auth.code.heading')} focus={focus}>
      <p>
        {t(channel === 'email' ? 'auth.code.sent_email' : 'auth.code.sent_sms', { identifier })}{' '}
        {t('auth.code.expires', { count: minutes })}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void verify(code)
        }}
        noValidate
      >
        <label for={`${id}-code`}>{t('auth.code.label')}</label>
        <input
          ref={input}
          id={`${id}-code`}
          class="code"
          name="code"
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={CODE_LENGTH}
          dir="ltr"
          value={code}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-error`}
          onInput={(e) => accept(e.currentTarget.value)}
          onPaste={(e) => {
            // maxlength would cut "123 456" to "123 45" before we see it: take the digits first.
            const text = e.clipboardData?.getData('text') ?? ''
            if (asciiDigits(text).length === 0) return
            e.preventDefault()
            accept(text)
          }}
        />
        <p id={`${id}-error`} role="alert" class="error">
          {problemText(problem, i18n)}
        </p>
        <button type="submit" class="primary" aria-disabled={busy}>
          {t(busy ? 'auth.code.checking' : 'auth.code.submit')}
        </button>
      </form>
      <p role="status" class="status">
        {resent ? t('auth.code.resent') : ''}
      </p>
      <div class="actions">
        <button type="button" class="link" aria-disabled={wait > 0 || busy} onClick={resend}>
          {wait > 0 ? t('auth.code.resend_in', { count: wait }) : t('auth.code.resend')}
        </button>
        <button type="button" class="link" onClick={onChangeIdentifier}>
          {t(channel === 'email' ? 'auth.code.change_email' : 'auth.code.change_phone')}
        </button>
      </div>
    </ScreenView>
  )
}
