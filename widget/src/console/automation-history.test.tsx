// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../common/fake-event-source.ts'
import { ApiError } from './api.ts'
import { $, fakeApi, renderConsole, ticket, view } from './test-kit.tsx'

beforeEach(() => {
  // The ticket page listens for live changes on the console stream.
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
})

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('the ticket history of a request an automation rule decided', () => {
  it('names the rule as the one who approved, or who tried and met the store’s refusal', async () => {
    const at = '2026-01-10T10:05:00.000Z'
    const history = [
      {
        id: 'te_2',
        kind: 'approval_failed',
        actor: { kind: 'system' as const, id: 'approve_return' },
        at,
        data: { code: 'store_rejected', message: 'Order is locked' },
      },
      {
        id: 'te_3',
        kind: 'approved',
        actor: { kind: 'system' as const, id: 'approve_cancel' },
        at,
        data: { rule: 'approve_cancel', ruleWhy: { withinHours: 6 } },
      },
      {
        id: 'te_4',
        kind: 'updated',
        actor: { kind: 'system' as const, id: null },
        at,
        data: { status: 'resolved' },
      },
    ]
    const request = vi.fn(async (_m: string, path: string) => {
      throw new ApiError(404, 'not_found', `no ${path}`)
    })
    await renderConsole(
      '/console/tickets/tk_1',
      fakeApi({
        request: request as never,
        ticket: async () =>
          view({
            ticket: ticket({ requestStatus: 'approved' }),
            history: [...view().history, ...history],
          }),
      }),
    )
    // The ticket's thread tells what happened, among the messages.
    const region = $('.thread-items').textContent ?? ''
    expect(region).toContain('Automation rule “Approve cancellations” approved the request')
    expect(region).toContain('Automation rule “Approve small returns”')
    expect(region).toContain('Order is locked')
    // Porchlight's own changes keep its name.
    expect(region).toContain('Porchlight set the status to')
  })
})
