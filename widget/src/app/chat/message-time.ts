import type { Translator } from '@porchlight/shared/i18n/index'

const DAY = 86_400_000

/** Whole calendar days between two instants, in the shopper's own time zone. */
function daysBetween(then: Date, now: Date): number {
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  return Math.round((midnight(now) - midnight(then)) / DAY)
}

/**
 * When a chat message was sent, as a messenger says it: the time alone today, "Yesterday, 14:05",
 * the weekday within the week, else the date, so a message from another day never reads as
 * today's.
 */
export function messageTime(iso: string, now: Date, locale: string, t: Translator): string {
  const date = new Date(iso)
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date)
  const days = daysBetween(date, now)
  if (days <= 0) return time
  if (days === 1) return t('chat.yesterday_at', { time })
  const day: Intl.DateTimeFormatOptions =
    days < 7
      ? { weekday: 'long' }
      : {
          day: 'numeric',
          month: 'short',
          ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
        }
  return t('chat.day_at', { day: new Intl.DateTimeFormat(locale, day).format(date), time })
}

/** When the team is back, from the store's next opening: "Back tomorrow at 9:00 AM." */
export function backAt(iso: string, now: Date, locale: string, t: Translator): string {
  const date = new Date(iso)
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date)
  const days = daysBetween(date, now)
  if (days >= 0) return t('chat.back_today', { time })
  if (days === -1) return t('chat.back_tomorrow', { time })
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    ...(days < -6 ? { day: 'numeric', month: 'long' } : {}),
  }).format(date)
  return t('chat.back_on', { day, time })
}
