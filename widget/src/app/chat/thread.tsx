import { useEffect, useRef } from 'preact/hooks'
import { readSystemMessage, systemMessageText } from '@porchlight/shared/chat/system-messages'
import { useI18n } from '../locale.ts'
import { messageTime } from './message-time.ts'
import type { ChatState, ThreadMessage } from './chat-session.ts'

/**
 * Up to two initials of an agent's name ("Maya Chen" → "MC"), for the avatar beside it; words
 * in brackets ("Dana (demo agent)") are a note, not a name.
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words
  return letters.map((w) => [...w][0]!.toLocaleUpperCase()).join('')
}

/** The thread, oldest first, announced politely as messages arrive (role="log"). */
export function Thread(props: { state: ChatState; onRetry: (clientId: string) => void }) {
  const { t, locale, catalog } = useI18n()
  const { messages, conversation, typing, ended } = props.state
  const end = useRef<HTMLDivElement>(null)
  useEffect(() => end.current?.scrollIntoView?.({ block: 'end' }), [messages.length, typing])
  // "Seen" goes under the shopper's last message an agent has read, as in most messengers.
  const seenId = messages.findLast(
    (m) => m.author.kind === 'shopper' && !m.state && m.seq <= (conversation?.agentReadSeq ?? 0),
  )?.id

  const text = (m: ThreadMessage) => {
    // System messages carry an English fallback; our own words for the kinds we know.
    const system = m.author.kind === 'system' ? readSystemMessage(m.systemKind, m.data) : undefined
    return system === undefined ? m.text : systemMessageText(t, system)
  }
  return (
    <>
      {ended && <p class="notice">{t('chat.closed')}</p>}
      <div role="log" aria-live="polite" aria-label={t('chat.thread_label')}>
        <ol class="thread">
          {messages.length === 0 && <li class="muted thread-empty">{t('chat.empty')}</li>}
          {messages.map((m) => (
            <li key={m.clientId ?? m.id} class={`msg msg-${m.author.kind}`} data-state={m.state}>
              {m.author.kind === 'agent' && (
                // The name beside it says who: the initials are for the eye only.
                <span class="avatar" aria-hidden="true">
                  {initials(m.author.name ?? t('chat.agent'))}
                </span>
              )}
              {m.author.kind !== 'system' && (
                <span class="msg-author">
                  {m.author.kind === 'shopper' ? t('chat.you') : (m.author.name ?? t('chat.agent'))}
                </span>
              )}
              <p class="msg-text">{text(m)}</p>
              <span class="msg-meta">
                <time dateTime={m.createdAt}>
                  {messageTime(m.createdAt, new Date(), locale, t)}
                </time>
                {m.id === seenId && <span class="msg-seen"> · {t('chat.seen')}</span>}
                {m.state === 'failed' && (
                  <>
                    {' · '}
                    <span class="error-text">{t('chat.not_sent')}</span>{' '}
                    <button type="button" class="link" onClick={() => props.onRetry(m.clientId!)}>
                      {t('common.retry')}
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <p class="typing" aria-live="polite">
        {typing ? t('chat.typing', { name: typing.name }) : ''}
      </p>
      <div ref={end} />
    </>
  )
}
