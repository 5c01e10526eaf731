import { WEEKDAYS, type Weekday } from '@porchlight/shared/chat/availability'
import { TYPICAL_REPLY_TIMES, type ChatSection } from '@porchlight/shared/settings/schema'
import { useState } from 'preact/hooks'
import type { ConsoleApi } from '../api.ts'
import { errorOf, Field, PerLanguageText, SectionFormShell } from './fields.tsx'
import { useSection } from './use-section.ts'

const DAY_NAMES: Record<Weekday, string> = {
  sun: 'Sunday',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
}
// Monday first, as most merchants plan their week.
const WEEK: Weekday[] = [...WEEKDAYS.slice(1), 'sun']

const REPLY_WORDS: Record<(typeof TYPICAL_REPLY_TIMES)[number], string> = {
  auto: 'Measured from recent conversations',
  under_a_minute: 'Under a minute',
  a_few_minutes: 'A few minutes',
  a_few_hours: 'A few hours',
}

type Hours = NonNullable<ChatSection['hours']>

/** Business hours, closed days, the "back at" words, the typical reply time, the revert. */
export function ChatSettings(props: { api: ConsoleApi }) {
  const form = useSection(props.api, 'chat')
  const [newDay, setNewDay] = useState('')
  const d = form.draft
  const e = form.errors
  const setDay = (day: Weekday, interval: [string, string] | null) => {
    const hours: Hours = { ...(d?.hours ?? {}) }
    if (interval === null) hours[day] = []
    else hours[day] = [interval]
    form.set({ hours })
  }
  return (
    <SectionFormShell
      form={form}
      title="Chat"
      intro="Hours and closed days are in the store's time zone (Store settings)."
    >
      {d && (
        <>
          <fieldset>
            <legend>Business hours</legend>
            <label class="choice">
              <input
                type="checkbox"
                checked={d.hours === null}
                onChange={(ev) =>
                  form.set({
                    hours: ev.currentTarget.checked
                      ? null
                      : Object.fromEntries(WEEK.map((day) => [day, [['09:00', '17:00']]])),
                  })
                }
              />
              Always open (no business hours)
            </label>
            {d.hours !== null &&
              WEEK.map((day) => {
                const interval = d.hours?.[day]?.[0]
                const err = errorOf(e, `hours.${day}`)
                return (
                  <div key={day} class="reason-row" role="group" aria-label={DAY_NAMES[day]}>
                    <label class="choice">
                      <input
                        type="checkbox"
                        checked={interval !== undefined}
                        onChange={(ev) =>
                          setDay(day, ev.currentTarget.checked ? ['09:00', '17:00'] : null)
                        }
                      />
                      {DAY_NAMES[day]} open
                    </label>
                    {interval && (
                      <>
                        <label for={`ch-${day}-from`}>from</label>
                        <input
                          id={`ch-${day}-from`}
                          type="time"
                          value={interval[0]}
                          aria-invalid={err ? true : undefined}
                          onInput={(ev) => setDay(day, [ev.currentTarget.value, interval[1]])}
                        />
                        <label for={`ch-${day}-to`}>to</label>
                        <input
                          id={`ch-${day}-to`}
                          type="time"
                          value={interval[1]}
                          aria-invalid={err ? true : undefined}
                          onInput={(ev) => setDay(day, [interval[0], ev.currentTarget.value])}
                        />
                      </>
                    )}
                    {err && <p class="field-error">{err}</p>}
                  </div>
                )
              })}
          </fieldset>
          <fieldset>
            <legend>Closed days (holidays)</legend>
            {d.closedDays.length === 0 && <p class="muted">None.</p>}
            <ul class="plain">
              {d.closedDays.map((day) => (
                <li key={day}>
                  <time dateTime={day}>{day}</time>{' '}
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => form.set({ closedDays: d.closedDays.filter((x) => x !== day) })}
                  >
                    Remove {day}
                  </button>
                </li>
              ))}
            </ul>
            <Field id="ch-new-day" label="Add a closed day" error={errorOf(e, 'closedDays')}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  class="inline-input"
                  value={newDay}
                  onInput={(ev) => setNewDay(ev.currentTarget.value)}
                />
              )}
            </Field>
            <button
              type="button"
              disabled={newDay === ''}
              onClick={() => {
                form.set({ closedDays: [...new Set([...d.closedDays, newDay])].sort() })
                setNewDay('')
              }}
            >
              Add the day
            </button>
          </fieldset>
          <PerLanguageText
            id="ch-back"
            legend={'"Back at" text while closed (optional, per language)'}
            hint="Left empty, shoppers see when the chat opens next."
            field="backAt"
            value={d.backAt}
            max={120}
            errors={e}
            onChange={(backAt) => form.set({ backAt })}
          />
          <Field id="ch-reply" label="Typical reply time" error={errorOf(e, 'typicalReply')}>
            {(aria) => (
              <select
                {...aria}
                value={d.typicalReply}
                onChange={(ev) =>
                  form.set({ typicalReply: ev.currentTarget.value as ChatSection['typicalReply'] })
                }
              >
                {TYPICAL_REPLY_TIMES.map((r) => (
                  <option key={r} value={r}>
                    {REPLY_WORDS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="ch-revert"
            label="Close an unanswered conversation after (hours)"
            hint="When the agent wrote last and the shopper has not answered, the widget goes back to the portal (default 24)."
            error={errorOf(e, 'revertHours')}
          >
            {(aria) => (
              <input
                {...aria}
                type="number"
                min={1}
                max={2160}
                class="inline-input"
                value={d.revertHours}
                onInput={(ev) => form.set({ revertHours: Number(ev.currentTarget.value) })}
              />
            )}
          </Field>
        </>
      )}
    </SectionFormShell>
  )
}
