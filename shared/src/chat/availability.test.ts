import { describe, expect, it } from 'vitest'
import {
  nextOpening,
  businessHoursFrom,
  expectedReplyTime,
  isWithinBusinessHours,
  localTime,
  median,
  WEEKDAYS,
  type BusinessHours,
} from './availability.ts'

const paris: BusinessHours = {
  timezone: 'Europe/Paris',
  weekly: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '17:30'],
    ],
    sat: [['10:00', '24:00']],
  },
}

describe('business hours', () => {
  it('reads the wall clock of the store’s zone, daylight saving included', () => {
    // 2026-01-12 is a Monday; Paris is UTC+1 in winter and UTC+2 in summer.
    expect(localTime(new Date('2026-01-12T08:30:00Z'), 'Europe/Paris')).toEqual({
      day: 'mon',
      minute: 9 * 60 + 30,
    })
    expect(localTime(new Date('2026-07-13T07:30:00Z'), 'Europe/Paris')).toEqual({
      day: 'mon',
      minute: 9 * 60 + 30,
    })
    expect(localTime(new Date('2026-01-12T23:30:00Z'), 'Europe/Paris').day).toBe('tue')
  })

  it('is open inside an interval and closed at its end and over lunch', () => {
    expect(isWithinBusinessHours(paris, new Date('2026-01-12T07:59:59Z'))).toBe(false)
    expect(isWithinBusinessHours(paris, new Date('2026-01-12T08:00:00Z'))).toBe(true)
    expect(isWithinBusinessHours(paris, new Date('2026-01-12T11:30:00Z'))).toBe(false)
    expect(isWithinBusinessHours(paris, new Date('2026-01-12T16:29:00Z'))).toBe(true)
    expect(isWithinBusinessHours(paris, new Date('2026-01-12T16:30:00Z'))).toBe(false)
  })

  it('is closed on days without hours and open until midnight with 24:00', () => {
    expect(isWithinBusinessHours(paris, new Date('2026-01-13T10:00:00Z'))).toBe(false)
    expect(isWithinBusinessHours(paris, new Date('2026-01-17T22:59:00Z'))).toBe(true)
  })

  it('is always open without configured hours', () => {
    expect(isWithinBusinessHours(null, new Date('2026-01-13T03:00:00Z'))).toBe(true)
  })

  it('parses settings and reports malformed ones instead of guessing', () => {
    expect(businessHoursFrom({})).toEqual({ ok: true, hours: null })
    expect(businessHoursFrom({ chat: { businessHours: paris } })).toEqual({
      ok: true,
      hours: paris,
    })
    for (const bad of [
      { timezone: 'Mars/Olympus', weekly: {} },
      { timezone: 'UTC', weekly: { funday: [] } },
      { timezone: 'UTC', weekly: { mon: [['17:00', '09:00']] } },
      { timezone: 'UTC', weekly: { mon: [['9:00', '17:00']] } },
      { timezone: 'UTC', weekly: { mon: [['09:00', '24:30']] } },
      { timezone: 'UTC', weekly: { mon: 'all day' } },
      'always',
    ]) {
      expect(businessHoursFrom({ chat: { businessHours: bad } }).ok).toBe(false)
    }
  })
})

describe('expected reply time', () => {
  it('takes the median', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('buckets the median of recent first responses', () => {
    expect(expectedReplyTime([])).toBeNull()
    expect(expectedReplyTime([59_999])).toBe('under_a_minute')
    expect(expectedReplyTime([60_000])).toBe('a_few_minutes')
    expect(expectedReplyTime([10_000, 20_000, 3 * 3600_000])).toBe('under_a_minute')
    expect(expectedReplyTime([10_000, 5 * 60_000, 3 * 3600_000])).toBe('a_few_minutes')
    expect(expectedReplyTime([3600_000])).toBe('a_few_hours')
  })
})

describe('the next opening', () => {
  const london: BusinessHours = {
    timezone: 'Europe/London',
    weekly: {
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      thu: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
      fri: [['09:00', '17:00']],
    },
  }
  const next = (hours: BusinessHours | null, iso: string) =>
    nextOpening(hours, new Date(iso))?.toISOString()

  it('is tomorrow morning after closing time', () => {
    // Thursday 3 December 2026, 18:00 in London (UTC in winter).
    expect(next(london, '2026-12-03T18:00:00Z')).toBe('2026-12-04T09:00:00.000Z')
  })

  it('is later today before opening, and after a lunch break', () => {
    expect(next(london, '2026-12-03T07:30:00Z')).toBe('2026-12-03T09:00:00.000Z')
    expect(next(london, '2026-12-03T12:20:45Z')).toBe('2026-12-03T13:00:00.000Z')
  })

  it('skips the days the store is closed', () => {
    // Friday evening: back on Monday; Tuesday evening: back on Thursday.
    expect(next(london, '2026-12-04T18:00:00Z')).toBe('2026-12-07T09:00:00.000Z')
    expect(next(london, '2026-12-08T17:00:00Z')).toBe('2026-12-10T09:00:00.000Z')
  })

  it('keeps the wall-clock time across a change to summer time', () => {
    const newYork: BusinessHours = {
      timezone: 'America/New_York',
      weekly: { mon: [['09:00', '17:00']] },
    }
    // Saturday 7 March 2026, 20:00 EST; clocks go forward on Sunday; Monday 09:00 EDT is 13:00Z.
    expect(next(newYork, '2026-03-08T01:00:00Z')).toBe('2026-03-09T13:00:00.000Z')
  })

  it('has none without hours, with no opening in the week, or open around the clock', () => {
    expect(next(null, '2026-12-03T18:00:00Z')).toBeUndefined()
    expect(next({ timezone: 'Europe/London', weekly: {} }, '2026-12-03T18:00:00Z')).toBeUndefined()
    const always: BusinessHours = {
      timezone: 'UTC',
      weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [['00:00', '24:00']]])),
    }
    expect(next(always, '2026-12-03T18:00:00Z')).toBeUndefined()
  })

  it('opens at midnight when the day before closed earlier', () => {
    const night: BusinessHours = { timezone: 'UTC', weekly: { fri: [['00:00', '06:00']] } }
    expect(next(night, '2026-12-03T18:00:00Z')).toBe('2026-12-04T00:00:00.000Z')
  })
})

describe('closed days', () => {
  const settings = {
    timezone: 'Europe/Paris',
    chat: {
      businessHours: { weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } },
      closedDays: ['2026-01-12'],
    },
  }

  it('closes the whole day on the store’s calendar, and opens on the next open day', () => {
    const read = businessHoursFrom(settings)
    if (!read.ok) throw new Error(read.reason)
    // Monday 12 January 2026, 10:00 in Paris: inside the hours, but a holiday.
    const monday = new Date('2026-01-12T09:00:00Z')
    expect(isWithinBusinessHours(read.hours, monday)).toBe(false)
    expect(nextOpening(read.hours, monday)?.toISOString()).toBe('2026-01-13T08:00:00.000Z')
    // The week after, the same hour is open again.
    expect(isWithinBusinessHours(read.hours, new Date('2026-01-19T09:00:00Z'))).toBe(true)
  })

  it('closes an always-open store on its closed days only', () => {
    const read = businessHoursFrom({
      timezone: 'America/New_York',
      chat: { closedDays: ['2026-12-25'] },
    })
    if (!read.ok) throw new Error(read.reason)
    // 03:00 UTC on the 25th is still the 24th in New York.
    expect(isWithinBusinessHours(read.hours, new Date('2026-12-25T03:00:00Z'))).toBe(true)
    const christmas = new Date('2026-12-25T15:00:00Z')
    expect(isWithinBusinessHours(read.hours, christmas)).toBe(false)
    expect(nextOpening(read.hours, christmas)?.toISOString()).toBe('2026-12-26T05:00:00.000Z')
  })

  it('reports closed days that are not dates', () => {
    expect(businessHoursFrom({ chat: { closedDays: ['25/12'] } }).ok).toBe(false)
  })
})
