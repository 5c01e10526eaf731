import { useId, useRef, useState } from 'preact/hooks'
import { useI18n } from '../locale.ts'
import { problemText, type Problem } from '../problem.ts'
import type { ChatSession } from './chat-session.ts'
import '../fields.css'

const MAX_CHARS = 5000

/** Name and email before a signed-out shopper's first message, so an agent can answer later. */
export function VisitorForm(props: { session: ChatSession; problem: Problem | null }) {
  const i18n = useI18n()
  const { t } = i18n
  const id = useId()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const shown = error ?? (props.problem ? problemText(props.problem, i18n) : '')
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        if (busy) return
        if (name.trim() === '') return setError(t('chat.name_required'))
        if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) return setError(t('error.invalid_email'))
        setError(null)
        setBusy(true)
        await props.session.startVisitor(name.trim(), email.trim())
        setBusy(false)
      }}
    >
      <p>{t('chat.intro')}</p>
      <label for={`${id}-name`}>{t('chat.name_label')}</label>
      <input
        id={`${id}-name`}
        name="name"
        autocomplete="name"
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for={`${id}-email`}>{t('chat.email_label')}</label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        autocomplete="email"
        dir="ltr"
        value={email}
        onInput={(e) => setEmail(e.currentTarget.value)}
      />
      <p role="alert" class="error">
        {shown}
      </p>
      <button type="submit" class="primary" aria-disabled={busy}>
        {t('chat.start')}
      </button>
    </form>
  )
}

/** The message box: Enter sends, Shift+Enter adds a line; up to 5,000 characters. */
export function Composer(props: { session: ChatSession; problem: Problem | null }) {
  const i18n = useI18n()
  const { t } = i18n
  const id = useId()
  const [text, setText] = useState('')
  const [tooLong, setTooLong] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)

  function submit() {
    const trimmed = text.trim()
    if (trimmed === '') return
    // Counted in code points, as the server counts them (an emoji is one character).
    if ([...trimmed].length > MAX_CHARS) return setTooLong(true)
    setTooLong(false)
    setText('')
    void props.session.send(trimmed, i18n.locale)
    field.current?.focus()
  }

  const error = tooLong ? t('chat.too_long') : problemText(props.problem, i18n)
  return (
    <form
      class="composer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <label for={`${id}-text`} class="sr-only">
        {t('chat.composer_label')}
      </label>
      <textarea
        ref={field}
        id={`${id}-text`}
        name="message"
        rows={2}
        value={text}
        data-autofocus
        aria-invalid={tooLong}
        aria-describedby={`${id}-hint ${id}-error`}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault()
            submit()
          }
        }}
      />
      <p id={`${id}-hint`} class="hint">
        {t('chat.composer_hint')}
      </p>
      <p id={`${id}-error`} role="alert" class="error">
        {error}
      </p>
      <button type="submit" class="primary">
        {t('chat.send')}
      </button>
    </form>
  )
}
