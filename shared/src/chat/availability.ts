/**
 * Whether a store's chat is staffed: business hours in the store's time zone, and how soon a
 * shopper can expect an answer. Pure: the clock comes in as an argument.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Opening hours: per weekday, a list of ["HH:MM", "HH:MM"] intervals in the store's zone. */
export interface BusinessHours {
  timezone: string
  weekly: Partial<Record<Weekday, Array<[string, string]>>>
  /** Whole days closed (holidays), YYYY-MM-DD on the store's calendar. */
  closedDays?: readonly string[]
}

const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']]
const isoDate = /^\d{4}-\d{2}-\d{2}$/

const hhmm = /^([01]\d|2[0-4]):([0-5]\d)$/

function minutes(value: string): number | undefined {
  const m = hhmm.exec(value)
  if (m === null) return undefined
  const total = Number(m[1]) * 60 + Number(m[2])
  return total <= 24 * 60 ? total : undefined
}

function validZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone })
    return true
  } catch {
    return false
  }
}

/**
 * Reads `settings.chat.businessHours` (in the store's time zone, `settings.timezone`, unless the
 * hours name their own) and `settings.chat.closedDays`. No hours means always open, but for
 * closed days; present but malformed is reported as `invalid` so the server can log it instead
 * of silently closing the chat.
 */
export function businessHoursFrom(
  settings: Record<string, unknown>,
): { ok: true; hours: BusinessHours | null } | { ok: false; reason: string } {
  const chat =
    typeof settings['chat'] === 'object' && settings['chat'] !== null
      ? (settings['chat'] as Record<string, unknown>)
      : {}
  const raw = chat['businessHours']
  const closed = chat['closedDays']
  if (
    closed !== undefined &&
    !(Array.isArray(closed) && closed.every((d) => typeof d === 'string' && isoDate.test(d)))
  ) {
    return { ok: false, reason: 'closedDays is not a list of YYYY-MM-DD dates' }
  }
  const closedDays = (closed ?? []) as string[]
  const storeZone = typeof settings['timezone'] === 'string' ? settings['timezone'] : 'UTC'
  if (raw === undefined || raw === null) {
    if (closedDays.length === 0) return { ok: true, hours: null }
    if (!validZone(storeZone)) return { ok: false, reason: `unknown time zone ${storeZone}` }
    const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, ALL_DAY]))
    return { ok: true, hours: { timezone: storeZone, weekly, closedDays } }
  }
  if (typeof raw !== 'object') return { ok: false, reason: 'businessHours is not an object' }
  const { weekly } = raw as Record<string, unknown>
  const timezone = (raw as Record<string, unknown>)['timezone'] ?? storeZone
  if (typeof timezone !== 'string' || !validZone(timezone)) {
    return { ok: false, reason: `unknown time zone ${String(timezone)}` }
  }
  if (typeof weekly !== 'object' || weekly === null) {
    return { ok: false, reason: 'businessHours.weekly is not an object' }
  }
  const result: BusinessHours = {
    timezone,
    weekly: {},
    ...(closedDays.length > 0 ? { closedDays } : {}),
  }
  for (const [day, intervals] of Object.entries(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      return { ok: false, reason: `unknown weekday ${day}` }
    }
    if (!Array.isArray(intervals)) return { ok: false, reason: `${day} is not a list` }
    const parsed: Array<[string, string]> = []
    for (const interval of intervals) {
      const [from, to] = Array.isArray(interval) ? interval : []
      const start = typeof from === 'string' ? minutes(from) : undefined
      const end = typeof to === 'string' ? minutes(to) : undefined
      if (start === undefined || end === undefined || end <= start) {
        return { ok: false, reason: `${day}: bad interval ${JSON.stringify(interval)}` }
      }
      parsed.push([from as string, to as string])
    }
    result.weekly[day as Weekday] = parsed
  }
  return { ok: true, hours: result }
}

/** The weekday and minute of the day at `now` on the wall clocks of `timezone`. */
export function localTime(now: Date, timezone: string): { day: Weekday; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const day = get('weekday').slice(0, 3).toLowerCase() as Weekday
  return { day, minute: Number(get('hour')) * 60 + Number(get('minute')) }
}

/** The date (YYYY-MM-DD) at `now` on the calendar of `timezone`. */
export function localDate(now: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

const closedOn = (hours: BusinessHours, at: Date) =>
  (hours.closedDays?.length ?? 0) > 0 &&
  (hours.closedDays as readonly string[]).includes(localDate(at, hours.timezone))

/** True when `now` falls in one of the store's opening intervals (no hours: always open). */
export function isWithinBusinessHours(hours: BusinessHours | null, now: Date): boolean {
  if (hours === null) return true
  if (closedOn(hours, now)) return false
  const { day, minute } = localTime(now, hours.timezone)
  return (hours.weekly[day] ?? []).some(([from, to]) => {
    const start = minutes(from) ?? 0
    const end = minutes(to) ?? 0
    return minute >= start && minute < end
  })
}

const MINUTE = 60_000

/**
 * When the store next opens after `now`: the start of the first opening interval still ahead,
 * looking a week on (null when the store has no hours, is always open, or never opens). An
 * interval that continues one ending at midnight is not an opening (open through the night).
 */
export function nextOpening(hours: BusinessHours | null, now: Date): Date | null {
  if (hours === null) return null
  const { day, minute } = localTime(now, hours.timezone)
  const today = WEEKDAYS.indexOf(day)
  const starts = (weekday: Weekday) =>
    (hours.weekly[weekday] ?? []).map(([from]) => minutes(from) ?? 0).sort((a, b) => a - b)
  for (let ahead = 0; ahead <= 7 + (hours.closedDays?.length ?? 0); ahead++) {
    const weekday = WEEKDAYS[(today + ahead) % 7] as Weekday
    for (const start of starts(weekday).filter((m) => ahead > 0 || m > minute)) {
      // Minutes on the wall clock from now to then; a change of clocks (summer time) on the way
      // shifts the instant, which one correction on the store's wall clock puts right.
      const wallAhead = ahead * 1440 + start - minute
      const guess = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + wallAhead * MINUTE)
      const seen = localTime(guess, hours.timezone).minute
      const drift = ((seen - start + 720 + 1440) % 1440) - 720
      const opening = new Date(guess.getTime() - drift * MINUTE)
      // A closed day has no openings: look on to the next day.
      if (closedOn(hours, opening)) break
      // Open through the night is no opening, unless the night before was a closed day.
      const before = new Date(opening.getTime() - MINUTE)
      if (continuesMidnight(hours, weekday, start) && !closedOn(hours, before)) continue
      return opening
    }
  }
  return null
}

function continuesMidnight(hours: BusinessHours, weekday: Weekday, start: number): boolean {
  if (start !== 0) return false
  const before = WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7] as Weekday
  return (hours.weekly[before] ?? []).some(([, to]) => minutes(to) === 1440)
}

export type ReplyTimeBucket = 'under_a_minute' | 'a_few_minutes' | 'a_few_hours'

/** The median of the given durations, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Expected reply time shown to shoppers, from recent first-response durations in ms. */
export function expectedReplyTime(firstResponsesMs: readonly number[]): ReplyTimeBucket | null {
  const m = median(firstResponsesMs)
  if (m === null) return null
  if (m < 60_000) return 'under_a_minute'
  if (m < 3600_000) return 'a_few_minutes'
  return 'a_few_hours'
}
