/** The insights page's figures as rows: what the charts draw, the tables list and the CSV holds. */
import type { InsightsResponse } from '@porchlight/shared/api/insights'
import { label } from '../format.ts'

export interface Row {
  label: string
  value: number
  /** Shown after the value in charts and tables ("2 issues, 1 return"). */
  note?: string
}

export interface Series {
  id: string
  title: string
  /** Header of the value column. */
  unit: string
  rows: Row[]
}

/** "1 h 5 min", "45 s", "2 d 3 h": a duration as an agent reads it. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'No data'
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const min = Math.round(s / 60)
  if (min < 60) return `${min} min`
  const h = Math.floor(min / 60)
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`
  const d = Math.floor(h / 24)
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`
}

export function formatPercent(rate: number | null): string {
  return rate === null ? 'No data' : `${Math.round(rate * 1000) / 10}%`
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Every chart of the page, in page order. */
export function chartSeries(f: InsightsResponse): Series[] {
  return [
    {
      id: 'types',
      title: 'Tickets by type',
      unit: 'Tickets',
      rows: f.tickets.byType.map((t) => ({ label: label(t.key), value: t.count })),
    },
    {
      id: 'reasons',
      title: 'Requests by reason',
      unit: 'Requests',
      rows: f.tickets.byReason.map((r) => {
        const [type, reason] = r.key.split(':')
        return { label: `${label(type)}: ${label(reason)}`, value: r.count }
      }),
    },
    {
      id: 'decisions',
      title: 'Decisions',
      unit: 'Decisions',
      rows: [
        { label: 'By an agent', value: f.decisions.agent },
        { label: 'Automatic', value: f.decisions.automatic },
      ],
    },
    {
      id: 'chats',
      title: 'Chats',
      unit: 'Chats',
      rows: [
        { label: 'Answered', value: f.chats.answered },
        { label: 'Missed', value: f.chats.missed },
      ],
    },
    {
      id: 'products',
      title: 'Top products in issue reports and returns',
      unit: 'Tickets',
      rows: f.topProducts.map((p) => ({
        label: p.title,
        value: p.issues + p.returns,
        note: `${plural(p.issues, 'issue', 'issues')}, ${plural(p.returns, 'return', 'returns')}`,
      })),
    },
    {
      id: 'ratings',
      title: 'Satisfaction ratings',
      unit: 'Ratings',
      rows: f.satisfaction.distribution.map((n, i) => ({
        label: plural(i + 1, 'star', 'stars'),
        value: n,
      })),
    },
  ]
}

/** The headline figures, label and shown value. */
export function keyFigures(f: InsightsResponse): Array<{ label: string; value: string }> {
  return [
    { label: 'Self-service rate', value: formatPercent(f.shoppers.selfServiceRate) },
    { label: 'Shoppers who signed in', value: String(f.shoppers.signedIn) },
    { label: 'Found their answer without a ticket', value: String(f.shoppers.selfServed) },
    { label: 'Tickets', value: String(f.tickets.total) },
    { label: 'Median first response', value: formatDuration(f.times.medianFirstResponseMs) },
    { label: 'Median resolution', value: formatDuration(f.times.medianResolutionMs) },
    {
      label: 'Average satisfaction',
      value:
        f.satisfaction.average === null
          ? 'No ratings'
          : `${f.satisfaction.average.toFixed(2)} / 5 (${plural(f.satisfaction.count, 'rating', 'ratings')})`,
    },
  ]
}

const cell = (v: string | number) => {
  const s = String(v)
  // Quoted when needed (RFC 4180); a leading =, +, - or @ is prefixed so a spreadsheet never
  // runs a product title as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The page's numbers as CSV: one line per figure, with the period on every line. */
export function insightsCsv(f: InsightsResponse): string {
  const lines: Array<Array<string | number>> = [['section', 'figure', 'value', 'from', 'to']]
  const add = (section: string, figure: string, value: string | number) =>
    lines.push([section, figure, value, f.period.from, f.period.to])
  add('shoppers', 'signed in', f.shoppers.signedIn)
  add('shoppers', 'self-served', f.shoppers.selfServed)
  add('shoppers', 'self-service rate', f.shoppers.selfServiceRate ?? '')
  add('tickets', 'total', f.tickets.total)
  for (const t of f.tickets.byType) add('tickets by type', t.key, t.count)
  for (const r of f.tickets.byReason) add('requests by reason', r.key, r.count)
  add('decisions', 'agent', f.decisions.agent)
  add('decisions', 'automatic', f.decisions.automatic)
  add('times', 'median first response (ms)', f.times.medianFirstResponseMs ?? '')
  add('times', 'median resolution (ms)', f.times.medianResolutionMs ?? '')
  add('chats', 'answered', f.chats.answered)
  add('chats', 'missed', f.chats.missed)
  for (const p of f.topProducts) {
    add('product issues', p.title, p.issues)
    add('product returns', p.title, p.returns)
  }
  add('satisfaction', 'count', f.satisfaction.count)
  add('satisfaction', 'average', f.satisfaction.average ?? '')
  f.satisfaction.distribution.forEach((n, i) => add('satisfaction', `${i + 1} stars`, n))
  return lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n'
}
