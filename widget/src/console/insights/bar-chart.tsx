import type { Series } from './figures.ts'

const WIDTH = 620
const LABEL_W = 200
const ROW_H = 30
const BAR_H = 18
const VALUE_W = 190

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/**
 * A horizontal bar chart as SVG, with its numbers as a table below it. The picture is one
 * image to assistive technology (its title and a description that lists every value); the
 * table is the same numbers for reading, copying and keyboard users. Every bar carries its
 * value in text, so no figure depends on colour.
 */
export function BarChart(props: { series: Series }) {
  const { series } = props
  const max = Math.max(1, ...series.rows.map((r) => r.value))
  const height = Math.max(1, series.rows.length) * ROW_H + 8
  const scale = (WIDTH - LABEL_W - VALUE_W) / max
  const titleId = `chart-${series.id}-title`
  const descId = `chart-${series.id}-desc`
  const described = series.rows.map((r) => `${r.label}: ${r.value}${r.note ? ` (${r.note})` : ''}`)
  return (
    <section class="card insight-chart" aria-labelledby={`${series.id}-heading`}>
      <h2 id={`${series.id}-heading`}>{series.title}</h2>
      {series.rows.length === 0 ? (
        <p class="muted">Nothing in this period.</p>
      ) : (
        <>
          <svg
            class="chart"
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
          >
            <title id={titleId}>{series.title}</title>
            <desc id={descId}>{described.join('; ')}</desc>
            {series.rows.map((r, i) => {
              const y = 4 + i * ROW_H
              const w = Math.max(r.value > 0 ? 2 : 0, r.value * scale)
              return (
                <g key={r.label}>
                  <text class="chart-label" x={LABEL_W - 8} y={y + BAR_H - 4} text-anchor="end">
                    {clip(r.label, 26)}
                  </text>
                  <rect class="chart-bar" x={LABEL_W} y={y} width={w} height={BAR_H} rx={3} />
                  <text class="chart-value" x={LABEL_W + w + 6} y={y + BAR_H - 4}>
                    {r.note ? `${r.value} · ${r.note}` : r.value}
                  </text>
                </g>
              )
            })}
          </svg>
          <table class="insight-table">
            <caption class="sr-only">{series.title}: the numbers</caption>
            <thead>
              <tr>
                <th scope="col">{series.id === 'products' ? 'Product' : 'Figure'}</th>
                <th scope="col">{series.unit}</th>
              </tr>
            </thead>
            <tbody>
              {series.rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>
                    {r.value}
                    {r.note && <span class="muted"> ({r.note})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
