// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReturnProgress } from '@porchlight/shared/api/returns'
import { FakeEventSource } from '../common/fake-event-source.ts'
import { ApiError } from './api.ts'
import { $, byText, fakeApi, renderConsole, submit, ticket, type, view } from './test-kit.tsx'

beforeEach(() => {
  // The ticket page listens for live changes (held replies, messages) on the console stream.
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
})

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

const progress: ReturnProgress = {
  reference: 'RMA-1001',
  address: null,
  label: null,
  lines: [{ lineItemId: 'li_1', title: 'Linen throw', quantity: 2, received: 0 }],
  steps: [{ step: 'approved', at: '2026-01-10T10:00:00.000Z' }],
}

function returnApi() {
  const approved = ticket({ type: 'return', requestStatus: 'approved' })
  const request = vi.fn(async (method: string, path: string, _body?: unknown) => {
    if (method === 'GET' && path.endsWith('/return')) return progress
    if (method === 'GET' && path.endsWith('/refundable')) {
      return {
        lines: [
          {
            lineItemId: 'li_1',
            title: 'Linen throw',
            refundable: { amount: 4000, currency: 'EUR' },
          },
        ],
        total: { amount: 4500, currency: 'EUR' },
      }
    }
    if (method === 'POST' && /\/(receipts|appeasements)$/.test(path)) {
      return view({ ticket: { ...approved, version: approved.version + 1 } })
    }
    // Everything else the console asks on its own (presence, inbox counts, the stream ticket).
    throw new ApiError(404, 'not_found', 'No route')
  })
  const api = fakeApi({ ticket: async () => view({ ticket: approved }), request: request as never })
  return { api, request }
}

describe('the return and appeasement controls', () => {
  it('marks units received per line, with the version it read', async () => {
    const { api, request } = returnApi()
    await renderConsole('/console/tickets/tk_1', api)
    expect($('#return-title').textContent).toBe('Return RMA-1001')
    await type($<HTMLInputElement>('#rc-li_1'), '1')
    await submit($<HTMLInputElement>('#rc-li_1').form!)
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/tickets/tk_1/receipts', {
      version: 3,
      lines: [{ lineItemId: 'li_1', quantity: 1 }],
    })
  })

  it('refunds part of a line, refusing more than the line has left before asking', async () => {
    const { api, request } = returnApi()
    await renderConsole('/console/tickets/tk_1', api)
    expect(byText('option', /Linen throw \(€40\.00 left\)/)).toBeTruthy()
    await type($<HTMLInputElement>('#ap-amount'), '45')
    await submit($<HTMLInputElement>('#ap-amount').form!)
    expect(document.querySelector('#appease-title')?.parentElement?.textContent).toContain(
      'remains on this line',
    )
    expect(request.mock.calls.filter((c) => String(c[1]).endsWith('/appeasements'))).toEqual([])
    await type($<HTMLInputElement>('#ap-amount'), '12.50')
    await type($<HTMLInputElement>('#ap-comment'), 'Kept with a scratch')
    await submit($<HTMLInputElement>('#ap-amount').form!)
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/tickets/tk_1/appeasements', {
      version: 3,
      lineItemId: 'li_1',
      amount: { amount: 1250, currency: 'EUR' },
      reason: 'damaged',
      comment: 'Kept with a scratch',
    })
  })

  it('tells each step in the history: who, what, and which store call', async () => {
    const { api } = returnApi()
    const at = '2026-01-11T10:00:00.000Z'
    const agent = { kind: 'agent' as const, id: 'ag_me' }
    const history = [
      {
        id: 'te_1',
        kind: 'return_received',
        actor: agent,
        at,
        data: {
          lines: [{ lineItemId: 'li_1', quantity: 2 }],
          refunded: { amount: 9800, currency: 'EUR' },
          storeCall: 'receiveReturn',
        },
      },
      {
        id: 'te_2',
        kind: 'receipt_failed',
        actor: agent,
        at,
        data: {
          code: 'store_rejected',
          message: 'Return line items have already been processed',
        },
      },
    ]
    const approved = ticket({ type: 'return', requestStatus: 'approved' })
    await renderConsole('/console/tickets/tk_1', {
      ...api,
      ticket: async () => view({ ticket: approved, history }),
    })
    const region = $('#thread-title').closest('section')!.textContent ?? ''
    expect(region).toContain('marked 2 unit(s) received, refunded €98.00 (receiveReturn)')
    expect(region).toContain('Return line items have already been processed')
  })
})
