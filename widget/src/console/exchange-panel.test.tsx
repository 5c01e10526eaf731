// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../common/fake-event-source.ts'
import { ApiError } from './api.ts'
import { $, byText, click, fakeApi, renderConsole, ticket, view } from './test-kit.tsx'

beforeEach(() => {
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
})

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

const lines = [
  {
    lineItemId: 'li_1',
    quantity: 1,
    exchange: { variantId: 'LL-THR-SND-L', title: 'Sand, large' },
  },
]

describe('the exchange controls', () => {
  it('shows what the shopper asked for, and refunds instead when the variant ran out', async () => {
    const asked = ticket({ type: 'return', requestStatus: 'requested', lines })
    const decide = vi.fn(async (_id: string, body: { decision: string; instead?: string }) => {
      if (body.instead !== 'refund') {
        throw new ApiError(
          409,
          'exchange_out_of_stock',
          '“Linen throw — Sand, large” is out of stock now. Approve with a refund instead, or ask the shopper to pick another variant.',
        )
      }
      return view({ ticket: { ...asked, requestStatus: 'approved', version: asked.version + 2 } })
    })
    const api = fakeApi({ ticket: async () => view({ ticket: asked }), decide: decide as never })
    await renderConsole('/console/tickets/tk_1', api)
    expect($('#exchange-title').textContent).toBe('Exchange')
    expect(byText('li', /Sand, large/).textContent).toContain('1 × Sand, large')

    await click(byText<HTMLButtonElement>('button', /^Approve the return$/))
    expect(document.body.textContent).toContain(
      'is out of stock now. Approve with a refund instead',
    )

    await click(byText<HTMLButtonElement>('button', 'Approve with a refund instead'))
    expect(decide).toHaveBeenLastCalledWith('tk_1', {
      version: asked.version,
      decision: 'approve',
      instead: 'refund',
    })
  })

  it('names the exchange order once the store made it', async () => {
    const done = ticket({ type: 'return', requestStatus: 'approved', lines })
    const history = [
      {
        id: 'te_1',
        kind: 'approved',
        actor: { kind: 'agent' as const, id: 'ag_1' },
        data: {
          storeCall: 'createExchange',
          exchange: { orderId: 'ord_x', orderName: '#1006E', lines: [] },
        },
        at: '2026-01-10T10:00:00.000Z',
      },
    ]
    const api = fakeApi({ ticket: async () => view({ ticket: done, history }) })
    await renderConsole('/console/tickets/tk_1', api)
    expect($('#exchange-title').closest('section')!.textContent).toContain(
      'Exchange made: #1006E (a new order, nothing to pay).',
    )
    expect(document.body.textContent).not.toContain('Approve with a refund instead')
  })

  it('stays away from returns that ask for no exchange', async () => {
    const api = fakeApi({
      ticket: async () => view({ ticket: ticket({ type: 'return', requestStatus: 'requested' }) }),
    })
    await renderConsole('/console/tickets/tk_1', api)
    expect(document.querySelector('#exchange-title')).toBeNull()
  })
})
