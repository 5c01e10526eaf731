import './insights.css'
import { useEffect, useState } from 'preact/hooks'
import {
  INSIGHT_PERIOD_DAYS,
  SELF_SERVICE_WINDOW_HOURS,
  type InsightsResponse,
} from '@porchlight/shared/api/insights'
import type { ConsoleApi } from '../api.ts'
import { formatDateTime } from '../format.ts'
import { errorMessage } from '../messages.ts'
import { PageHeading } from '../nav.tsx'
import { BarChart } from './bar-chart.tsx'
import { chartSeries, insightsCsv, keyFigures } from './figures.ts'

type Period = { kind: 'days'; days: number } | { kind: 'custom'; from: string; to: string }

// A calendar date (YYYY-MM-DD) at the agent's local midnight, as the instant the API takes.
function localMidnight(date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + addDays).toISOString()
}

/** The API query of a period; a custom `to` day is included whole. */
export function insightsQuery(p: Period): string {
  if (p.kind === 'days') return `days=${p.days}`
  const q = new URLSearchParams({ from: localMidnight(p.from), to: localMidnight(p.to, 1) })
  return q.toString()
}

const isoDay = (t: number) => {
  const d = new Date(t)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** How the store's self-service is going: figures for a period, as charts, tables and CSV. */
export function InsightsPage(props: { api: ConsoleApi }) {
  const { api } = props
  const [period, setPeriod] = useState<Period>({ kind: 'days', days: 30 })
  const [from, setFrom] = useState(() => isoDay(Date.now() - 13 * 86400_000))
  const [to, setTo] = useState(() => isoDay(Date.now()))
  const [figures, setFigures] = useState<InsightsResponse | null>(null)
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(true)

  useEffect(() => {
    let live = true
    setBusy(true)
    setError(undefined)
    api.request<InsightsResponse>('GET', `/v1/agent/insights?${insightsQuery(period)}`).then(
      (f) => {
        if (!live) return
        setFigures(f)
        setBusy(false)
      },
      (err: unknown) => {
        if (!live) return
        setError(errorMessage(err))
        setBusy(false)
      },
    )
    return () => {
      live = false
    }
  }, [api, period])

  const choose = (value: string) => {
    if (value === 'custom') setPeriod({ kind: 'custom', from, to })
    else setPeriod({ kind: 'days', days: Number(value) })
  }
  const chosen = period.kind === 'days' ? String(period.days) : 'custom'
  const customInvalid = from === '' || to === '' || to < from

  return (
    <div class="insights" aria-busy={busy}>
      <PageHeading>Insights</PageHeading>
      <form
        class="card insight-period"
        onSubmit={(e) => {
          e.preventDefault()
          if (!customInvalid) setPeriod({ kind: 'custom', from, to })
        }}
      >
        <fieldset>
          <legend>Period</legend>
          <div class="inline">
            {INSIGHT_PERIOD_DAYS.map((d) => (
              <label key={d} class="choice">
                <input
                  type="radio"
                  name="period"
                  value={String(d)}
                  checked={chosen === String(d)}
                  onChange={(e) => choose(e.currentTarget.value)}
                />
                Last {d} days
              </label>
            ))}
            <label class="choice">
              <input
                type="radio"
                name="period"
                value="custom"
                checked={chosen === 'custom'}
                onChange={(e) => choose(e.currentTarget.value)}
              />
              Custom
            </label>
          </div>
          {chosen === 'custom' && (
            <div class="inline insight-custom">
              <div class="field">
                <label for="ins-from">From</label>
                <input
                  id="ins-from"
                  type="date"
                  value={from}
                  onInput={(e) => setFrom(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="ins-to">To (included)</label>
                <input
                  id="ins-to"
                  type="date"
                  value={to}
                  aria-invalid={customInvalid}
                  aria-describedby={customInvalid ? 'ins-range-error' : undefined}
                  onInput={(e) => setTo(e.currentTarget.value)}
                />
              </div>
              <button type="submit" disabled={customInvalid}>
                Show
              </button>
              {customInvalid && (
                <p id="ins-range-error" class="field-error">
                  Pick a start date and an end date on or after it.
                </p>
              )}
            </div>
          )}
        </fieldset>
      </form>
      {error !== undefined && (
        <p class="note note-error" role="alert">
          {error}
        </p>
      )}
      {figures !== null && (
        <>
          <p class="muted" role="status">
            From {formatDateTime(figures.period.from)} to {formatDateTime(figures.period.to)}.
          </p>
          <section class="card" aria-labelledby="key-figures">
            <h2 id="key-figures">Key figures</h2>
            <dl class="insight-figures">
              {keyFigures(figures).map((k) => (
                <div key={k.label}>
                  <dt>{k.label}</dt>
                  <dd>{k.value}</dd>
                </div>
              ))}
            </dl>
            <p class="muted insight-definition">
              <strong>Self-service rate:</strong> of the shoppers who signed in during the period,
              the share who viewed an order or its tracking and filed no ticket within{' '}
              {SELF_SERVICE_WINDOW_HOURS} hours of their first view. First response: the first agent
              reply or decision (for chats, the first agent message). Resolution: from the ticket’s
              creation to its being resolved or closed. Automatic decisions are those the ticket
              history records as made by the system.
            </p>
            <button
              type="button"
              onClick={() =>
                download(
                  `insights-${figures.period.from.slice(0, 10)}-${figures.period.to.slice(0, 10)}.csv`,
                  insightsCsv(figures),
                )
              }
            >
              Download CSV
            </button>
          </section>
          <div class="insight-grid">
            {chartSeries(figures).map((s) => (
              <BarChart key={s.id} series={s} />
            ))}
          </div>
        </>
      )}
    </div>
  )
}
