// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { InsightsResponse } from '@porchlight/shared/api/insights'
import type { ConsoleApi } from '../api.ts'
import { $, byText, choose, fakeApi, renderConsole, submit, type } from '../test-kit.tsx'
import { formatDuration, insightsCsv } from './figures.ts'

function insightsFixture(over: Partial<InsightsResponse> = {}): InsightsResponse {
  return {
    period: { from: '2026-11-04T00:00:00.000Z', to: '2026-12-04T00:00:00.000Z' },
    shoppers: { signedIn: 40, selfServed: 30, selfServiceRate: 0.75 },
    tickets: {
      total: 12,
      byType: [
        { key: 'issue', count: 5 },
        { key: 'return', count: 7 },
      ],
      byReason: [{ key: 'return:doesnt_fit', count: 4 }],
    },
    decisions: { automatic: 0, agent: 9 },
    times: { medianFirstResponseMs: 2 * 3600_000 + 5 * 60_000, medianResolutionMs: 26 * 3600_000 },
    chats: { answered: 8, missed: 2 },
    topProducts: [{ title: '=Speckled, "mug"', issues: 2, returns: 1 }],
    satisfaction: { count: 4, average: 4.25, distribution: [0, 0, 1, 1, 2] },
    ...over,
  }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('insights page', () => {
  it('shows the figures as tiles, charts with their numbers as tables, and the definition', async () => {
    const request = vi.fn(async () => insightsFixture())
    await renderConsole('/console/insights', fakeApi({ request: request as ConsoleApi['request'] }))
    expect(request).toHaveBeenCalledWith('GET', '/v1/agent/insights?days=30')
    expect($('h1').textContent).toBe('Insights')
    expect(document.activeElement).toBe($('h1'))
    expect(byText('dt', 'Self-service rate').nextElementSibling?.textContent).toBe('75%')
    expect(byText('dt', 'Median first response').nextElementSibling?.textContent).toBe('2 h 5 min')
    expect(byText('dt', 'Average satisfaction').nextElementSibling?.textContent).toBe(
      '4.25 / 5 (4 ratings)',
    )
    expect($('.insight-definition').textContent).toContain('within 24 hours of their first view')
    const chart = $('#chart-types-desc')
    expect(chart.textContent).toBe('Issue: 5; Return: 7')
    expect(byText('caption', 'Chats: the numbers')).toBeTruthy()
    const products = $('section[aria-labelledby="products-heading"] tbody').textContent
    expect(products).toContain('3 (2 issues, 1 return)')
    // The header links here, marked as the current page.
    expect(byText('a', 'Insights').getAttribute('aria-current')).toBe('page')
  })

  it('asks for 7 or 90 days, and a custom period of whole local days', async () => {
    const request = vi.fn(async () => insightsFixture())
    await renderConsole('/console/insights', fakeApi({ request: request as ConsoleApi['request'] }))
    await choose($<HTMLInputElement>('input[value="7"]'), true)
    expect(request).toHaveBeenLastCalledWith('GET', '/v1/agent/insights?days=7')
    await choose($<HTMLInputElement>('input[value="custom"]'), true)
    await type($<HTMLInputElement>('#ins-from'), '2026-11-01')
    await type($<HTMLInputElement>('#ins-to'), '2026-11-03')
    await submit($<HTMLFormElement>('form.insight-period'))
    const from = new Date(2026, 10, 1).toISOString()
    const to = new Date(2026, 10, 4).toISOString()
    expect(request).toHaveBeenLastCalledWith(
      'GET',
      `/v1/agent/insights?${new URLSearchParams({ from, to }).toString()}`,
    )
    // An end before the start is refused before anything is asked.
    const calls = request.mock.calls.length
    await type($<HTMLInputElement>('#ins-to'), '2026-10-01')
    await submit($<HTMLFormElement>('form.insight-period'))
    expect(request.mock.calls.length).toBe(calls)
    expect($('#ins-range-error').textContent).toContain('on or after')
  })

  it('says so when the figures cannot be loaded', async () => {
    const { ApiError } = await import('../api.ts')
    const request = vi.fn(async () => {
      throw new ApiError(0, 'network_error', 'offline')
    })
    await renderConsole('/console/insights', fakeApi({ request: request as ConsoleApi['request'] }))
    expect($('[role="alert"].note-error').textContent).toMatch(/could not be reached/)
  })
})

describe('insights figures', () => {
  it('formats durations as agents read them', () => {
    expect(formatDuration(null)).toBe('No data')
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(3 * 60_000)).toBe('3 min')
    expect(formatDuration(3600_000)).toBe('1 h')
    expect(formatDuration(50 * 3600_000)).toBe('2 d 2 h')
  })

  it('writes CSV that quotes commas and quotes and never starts a cell with a formula', () => {
    const csv = insightsCsv(insightsFixture())
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('section,figure,value,from,to')
    expect(lines).toContain(
      'shoppers,self-service rate,0.75,2026-11-04T00:00:00.000Z,2026-12-04T00:00:00.000Z',
    )
    expect(lines).toContain(
      `product issues,"'=Speckled, ""mug""",2,2026-11-04T00:00:00.000Z,2026-12-04T00:00:00.000Z`,
    )
    expect(lines.filter((l) => l.startsWith('satisfaction,'))).toHaveLength(7)
  })
})
