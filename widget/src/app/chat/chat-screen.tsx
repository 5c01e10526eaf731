import type { CurrentConversationResponse } from '@porchlight/shared/api/chat'
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks'
import { lazyScreen } from '../lazy-screen.tsx'
import { useI18n } from '../locale.ts'
import { problemText } from '../problem.ts'
import { useStore } from '../store.ts'
import './chat.css'
import { Availability, OfflineForm } from './offline-form.tsx'
import { createChatApi } from './chat-api.ts'
import { chatSession, type ChatSession } from './chat-session.ts'
import { Composer, VisitorForm } from './composer.tsx'
import { Thread } from './thread.tsx'

// Rating an ended chat shares the requests' rating chunk.
const Rating = lazyScreen(() => import('../rating/rating-form.tsx').then((m) => m.RatingForm))

interface Props {
  storeKey: string
  initial: CurrentConversationResponse | undefined
  onBack: () => void
  onUnread: (count: number) => void
}

/** Keeps the session told whether the thread is really on screen (the frame may be hidden). */
function useVisibility(session: ChatSession, target: { current: HTMLElement | null }) {
  useEffect(() => {
    let intersecting = true
    const update = () => session.setVisible(intersecting && document.visibilityState === 'visible')
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            intersecting = entries.some((e) => e.isIntersecting)
            update()
          })
        : undefined
    if (target.current) observer?.observe(target.current)
    document.addEventListener('visibilitychange', update)
    update()
    return () => {
      observer?.disconnect()
      document.removeEventListener('visibilitychange', update)
      session.setVisible(false)
    }
  }, [session])
}

/** The chat: who you are (visitors), the live thread, the composer, and the way back. */
export function ChatScreen({ storeKey, initial, onBack, onUnread }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const session = chatSession(storeKey, onUnread, initial)
  const rater = useMemo(() => createChatApi(storeKey), [storeKey])
  const s = useStore(session.state)
  const [offline, setOffline] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const id = useId()
  useVisibility(session, body)
  useEffect(() => heading.current?.focus(), [])

  return (
    <section class="screen chat" aria-labelledby={id}>
      <div class="chat-head">
        <button type="button" class="back chat-back" aria-label={t('chat.back')} onClick={onBack}>
          <svg viewBox="0 0 16 16" aria-hidden="true" class="back-icon">
            <path d="M10 3 5 8l5 5" />
          </svg>
        </button>
        <h2 id={id} tabIndex={-1} ref={heading}>
          {t(offline ? 'chat.email_offer' : 'chat.heading')}
        </h2>
        {s.phase === 'ready' && !s.live && s.conversation !== null && (
          <span class="chat-live muted">{t('chat.reconnecting')}</span>
        )}
      </div>
      <div ref={body} class="chat-body">
        {offline ? (
          <OfflineForm session={session} onBack={() => setOffline(false)} />
        ) : (
          <>
            <Availability availability={s.availability} onEmail={() => setOffline(true)} />
            {s.phase === 'loading' && (
              <p role="status" class="status" aria-busy="true">
                {t('common.loading')}
              </p>
            )}
            {s.phase === 'failed' && (
              <>
                <p role="alert" class="error">
                  {problemText(s.problem, i18n)}
                </p>
                <button type="button" class="primary" onClick={() => void session.start()}>
                  {t('common.retry')}
                </button>
              </>
            )}
            {s.phase === 'intro' && <VisitorForm session={session} problem={s.problem} />}
            {s.phase === 'ready' && (
              <>
                <Thread
                  state={s}
                  onRetry={(clientId) => void session.retry(clientId, i18n.locale)}
                />
                {s.endedId !== null && (
                  <Rating.Screen
                    key={s.endedId}
                    rated={null}
                    send={(body) => rater.rate(s.endedId ?? '', body)}
                  />
                )}
                <Composer session={session} problem={s.problem} />
              </>
            )}
          </>
        )}
      </div>
    </section>
  )
}
