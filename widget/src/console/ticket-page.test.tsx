// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api.ts'
import { CONFLICT_MESSAGE } from './messages.ts'
import {
  $,
  byText,
  choose,
  click,
  fakeApi,
  ME,
  order,
  renderConsole,
  submit,
  ticket,
  type,
  view,
} from './test-kit.tsx'

const alertText = () => document.querySelector('[role="alert"]')?.textContent ?? ''
const statusText = () => document.querySelector('.announcer [role="status"]')?.textContent ?? ''

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ticket view', () => {
  it('shows the ticket, the shopper, the order beside it and the history', async () => {
    await renderConsole('/console/tickets/tk_1', fakeApi())
    expect($('h1').textContent).toBe('Ticket #1001 · Cancel')
    expect(document.activeElement).toBe($('h1'))
    expect($('#order-title').textContent).toBe('Order #1042')
    expect($('.ticket-order').textContent).toContain('Visa •••• 4242')
    expect($('.ticket-order').textContent).toContain('Linen throw')
    expect($('#thread-title').closest('section')?.textContent).toContain('Ada Shopper')
    expect(byText('label', /Amount \(EUR\)/)).toBeTruthy()
  })

  it('sends the version it read with every write, and the next one with the new version', async () => {
    // A server in miniature: each PATCH bumps the version, and a GET returns what is stored.
    let stored = ticket()
    const api = fakeApi({
      ticket: async () => view({ ticket: stored }),
      patch: vi.fn(async (_id, body) => {
        const { version: _v, ...changes } = body
        stored = { ...stored, ...changes, version: stored.version + 1 }
        return { ticket: stored }
      }),
    })
    await renderConsole('/console/tickets/tk_1', api)
    await click(byText('button', 'Assign to me'))
    expect(api.patch).toHaveBeenCalledWith('tk_1', { version: 3, assigneeId: ME.id })
    expect(statusText()).toBe('Assigned to you.')
    await type($<HTMLInputElement>('#t-tag'), 'vip')
    await submit($<HTMLInputElement>('#t-tag').form!)
    expect(api.patch).toHaveBeenLastCalledWith('tk_1', { version: 4, tags: ['vip'] })
  })

  it('transfers the ticket to a teammate, and offers no deactivated one', async () => {
    const team = [
      ME,
      { id: 'ag_sam', name: 'Sam', email: 'sam@example.com', role: 'agent' as const },
      {
        id: 'ag_gone',
        name: 'Gone',
        email: 'gone@example.com',
        role: 'agent' as const,
        state: 'deactivated' as const,
      },
    ]
    let stored = ticket()
    const api = fakeApi({
      agents: vi.fn(async () => ({ agents: team })),
      ticket: async () => view({ ticket: stored }),
      patch: vi.fn(async () => {
        stored = ticket({ version: 4, assigneeId: 'ag_sam' })
        return { ticket: stored }
      }),
    })
    await renderConsole('/console/tickets/tk_1', api)
    const select = $<HTMLSelectElement>('#t-transfer')
    expect([...select.options].map((o) => o.value)).toEqual(['', 'ag_sam'])
    await choose(select, 'ag_sam')
    await submit(select.form!)
    expect(api.patch).toHaveBeenCalledWith('tk_1', { version: 3, assigneeId: 'ag_sam' })
    expect(statusText()).toBe('Transferred to Sam.')
    // Sam has it now: the list offers nobody else (the agent takes it back with "Assign to me").
    expect(document.querySelector('#t-transfer')).toBeNull()
    expect(byText('button', 'Assign to me')).toBeTruthy()
  })

  it('on a conflict shows the fresh ticket and says so, then writes with the fresh version', async () => {
    const fresh = ticket({ version: 7, status: 'pending', assigneeId: 'ag_other' })
    const patch = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(409, 'version_conflict', 'changed', { ticket: fresh }))
      .mockResolvedValueOnce({ ticket: ticket({ version: 8, status: 'resolved' }) })
    const get = vi
      .fn()
      .mockResolvedValueOnce(view())
      .mockResolvedValue(view({ ticket: fresh }))
    const api = fakeApi({ patch, ticket: get })
    await renderConsole('/console/tickets/tk_1', api)
    await click(byText('button', 'Assign to me'))
    expect(alertText()).toBe(CONFLICT_MESSAGE)
    expect($('.note-warn').textContent).toBe(CONFLICT_MESSAGE)
    expect($('select#t-status').closest('section')?.textContent).toContain('Another agent')
    expect($<HTMLSelectElement>('#t-status').value).toBe('pending')
    await choose($<HTMLSelectElement>('#t-status'), 'resolved')
    await submit($<HTMLSelectElement>('#t-status').form!)
    expect(patch).toHaveBeenLastCalledWith('tk_1', { version: 7, status: 'resolved' })
    expect(document.querySelector('.note-warn')).toBeNull()
  })

  it('explains a refused decision in plain words', async () => {
    const decide = vi.fn().mockRejectedValue(
      new ApiError(422, 'decision_not_allowed', 'not allowed', {
        reason: 'order_already_fulfilled',
      }),
    )
    await renderConsole('/console/tickets/tk_1', fakeApi({ decide }))
    await click(byText('button', 'Approve the cancellation'))
    expect(decide).toHaveBeenCalledWith('tk_1', { version: 3, decision: 'approve' })
    expect(alertText()).toMatch(/already shipped/)
    expect(alertText()).not.toContain('order_already_fulfilled')
  })

  it('will not decline without a reason, and sends the reason when there is one', async () => {
    const api = fakeApi()
    await renderConsole('/console/tickets/tk_1', api)
    await click(byText('button', 'Decline the cancellation'))
    expect(api.decide).not.toHaveBeenCalled()
    const reason = $<HTMLTextAreaElement>('#d-reason')
    expect(reason.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(reason)
    expect($('#d-reason-error').textContent).toMatch(/reason/)
    await type(reason, '  Already packed  ')
    await click(byText('button', 'Decline the cancellation'))
    expect(api.decide).toHaveBeenCalledWith('tk_1', {
      version: 3,
      decision: 'decline',
      reason: 'Already packed',
    })
  })

  it('keeps a reply that failed so it can be sent again', async () => {
    const reply = vi.fn().mockRejectedValue(new ApiError(0, 'network_error', 'x'))
    await renderConsole('/console/tickets/tk_1', fakeApi({ reply }))
    const box = $<HTMLTextAreaElement>('#reply-body')
    await type(box, 'We are on it')
    await submit(box.form!)
    expect(reply).toHaveBeenCalledWith('tk_1', 'We are on it')
    expect(alertText()).toMatch(/could not be reached/)
    expect(box.value).toBe('We are on it')
  })

  it('says how a reply reaches the shopper: by email or text, even for a request filed in the chat', async () => {
    const hint = async (over: Parameters<typeof ticket>[0]) => {
      const api = fakeApi({ ticket: vi.fn(async () => view({ ticket: ticket(over) })) })
      await renderConsole('/console/tickets/tk_1', api)
      const text = $('#reply-hint').textContent
      document.body.innerHTML = ''
      return text
    }
    const shopper = ticket().shopper
    expect(await hint({ channel: 'chat' })).toBe('Sent to the shopper by email.')
    const phone = { ...shopper, identity: { kind: 'phone' as const, value: '+447700900123' } }
    expect(await hint({ shopper: phone })).toBe('Sent to the shopper by text message.')
    expect(await hint({ shopper: { ...phone, email: 'ada@example.com' } })).toBe(
      'Sent to the shopper by email.',
    )
    expect(await hint({ shopper: { ...shopper, identity: null } })).toBe(
      'The shopper left no email or phone: a reply cannot reach them.',
    )
  })

  it('adds an internal note to the notes', async () => {
    const note = vi.fn(async (_id: string, body: string) => ({
      event: {
        id: 'te_9',
        kind: 'note',
        actor: { kind: 'agent' as const, id: ME.id },
        data: { body },
        at: '2026-01-10T11:00:00.000Z',
      },
    }))
    await renderConsole('/console/tickets/tk_1', fakeApi({ note }))
    const box = $<HTMLTextAreaElement>('#note-body')
    await type(box, 'Called the carrier')
    await submit(box.form!)
    expect($('.thread .event-note').textContent).toContain('Called the carrier')
    expect(box.value).toBe('')
    expect(statusText()).toBe('Note added.')
  })

  it('refunds in minor units and refuses more than remains refundable', async () => {
    const api = fakeApi()
    await renderConsole('/console/tickets/tk_1', api)
    const amount = $<HTMLInputElement>('#r-amount')
    await type(amount, '45.01') // paid 55.00, refunded 10.00
    await submit(amount.form!)
    expect(api.refund).not.toHaveBeenCalled()
    expect($('#r-amount-error').textContent).toMatch(/remains refundable/)
    await type(amount, '12,5')
    await submit(amount.form!)
    expect(api.refund).toHaveBeenCalledWith('tk_1', {
      version: 3,
      amount: { amount: 1250, currency: 'EUR' },
    })
  })

  it('offers no refund once the order is refunded in full, and says so', async () => {
    const money = (amount: number) => ({ amount, currency: 'EUR' })
    const refunded = order({
      totals: { total: money(5500), paid: money(5500), refunded: money(5500) },
    })
    await renderConsole(
      '/console/tickets/tk_1',
      fakeApi({ ticket: async () => view({ order: refunded as never }) }),
    )
    const card = byText('section h2', 'Refund or appeasement').parentElement!
    expect(card.textContent).toContain('Nothing remains refundable')
    expect(card.querySelector('form')).toBeNull()
  })

  it('works without an order: no refund form, and says why', async () => {
    await renderConsole(
      '/console/tickets/tk_1',
      fakeApi({ ticket: async () => view({ order: undefined }) }),
    )
    expect($('.ticket-order').textContent).toContain('not available')
    expect(byText('section h2', 'Refund or appeasement').parentElement?.textContent).toContain(
      'not available',
    )
  })
})
