import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { AvailabilityResponse } from '@porchlight/shared/api/chat'
import { useId, useState } from 'preact/hooks'
import { useI18n } from '../locale.ts'
import { problemFor, problemText, type Problem } from '../problem.ts'
import type { ChatSession } from './chat-session.ts'
import { backAt } from './message-time.ts'
import '../fields.css'

/**
 * Outside business hours or with no agent online: say so, and when the team is back, and offer
 * "get replies by email". Live chat stays usable; the message waits in the queue either way.
 */
export function Availability(props: {
  availability: AvailabilityResponse | null
  onEmail: () => void
}) {
  const { t, locale } = useI18n()
  const a = props.availability
  if (a === null) return null
  if (a.open) {
    if (a.expectedReply === null) return null
    return <p class="muted chat-reply">{t(`chat.reply_${a.expectedReply}`)}</p>
  }
  // The usual reply time is that of a staffed chat: while no one is in, it would promise what
  // the away line denies ("away … reply in under a minute"). Say when the team is back instead.
  return (
    <div class="notice chat-away">
      <p>
        {t(a.withinBusinessHours ? 'chat.no_agents' : 'chat.away')}
        {a.backAt?.[locale] !== undefined
          ? ` ${a.backAt[locale]}`
          : a.nextOpenAt !== null && ` ${backAt(a.nextOpenAt, new Date(), locale, t)}`}
      </p>
      <button type="button" class="link" onClick={props.onEmail}>
        {t('chat.email_offer')}
      </button>
    </div>
  )
}

/** Offline capture: the message becomes a ticket, answered by email. */
export function OfflineForm(props: { session: ChatSession; onBack: () => void }) {
  const i18n = useI18n()
  const { t } = i18n
  const id = useId()
  const signedIn = props.session.api.signedIn()
  const [fields, setFields] = useState({ name: '', email: '', message: '' })
  const [problem, setProblem] = useState<Problem | null>(null)
  const [sent, setSent] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof fields) => (e: { currentTarget: { value: string } }) =>
    setFields({ ...fields, [k]: e.currentTarget.value })

  if (sent !== null) {
    return (
      <>
        <p role="status">{t('chat.offline_sent', { reference: ticketReference(sent) })}</p>
        <button type="button" class="link" onClick={props.onBack}>
          {t('chat.offline_back')}
        </button>
      </>
    )
  }
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        if (busy) return
        const message = fields.message.trim()
        if (!signedIn && fields.name.trim() === '') return setProblem({ key: 'chat.name_required' })
        if (!signedIn && !/^[^\s@]+@[^\s@]+$/.test(fields.email.trim()))
          return setProblem({ key: 'error.invalid_email' })
        if (message === '') return setProblem({ key: 'error.validation_failed' })
        setBusy(true)
        const result = await props.session.api.offline({
          message,
          locale: i18n.locale,
          ...(signedIn ? {} : { name: fields.name.trim(), email: fields.email.trim() }),
        })
        setBusy(false)
        if (result.ok) setSent(result.value.ticketNumber)
        else setProblem(problemFor(result.error))
      }}
    >
      <p>{t('chat.offline_intro')}</p>
      {!signedIn && (
        <>
          <label for={`${id}-name`}>{t('chat.name_label')}</label>
          <input id={`${id}-name`} autocomplete="name" value={fields.name} onInput={set('name')} />
          <label for={`${id}-email`}>{t('chat.email_label')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autocomplete="email"
            dir="ltr"
            value={fields.email}
            onInput={set('email')}
          />
        </>
      )}
      <label for={`${id}-message`}>{t('chat.offline_message_label')}</label>
      <textarea id={`${id}-message`} rows={4} value={fields.message} onInput={set('message')} />
      <p role="alert" class="error">
        {problemText(problem, i18n)}
      </p>
      <div class="actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          {t('chat.send')}
        </button>
        <button type="button" class="link" onClick={props.onBack}>
          {t('chat.offline_back')}
        </button>
      </div>
    </form>
  )
}
