// @vitest-environment happy-dom
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HeldReplyJson } from '@porchlight/shared/api/mail-replies'
import { FakeEventSource } from '../common/fake-event-source.ts'
import { $, byText, click, fakeApi, renderConsole, settle, view } from './test-kit.tsx'

const STREAM = '/v1/agent/conversations/stream-tickets'

function held(over: Partial<HeldReplyJson> = {}): HeldReplyJson {
  return {
    id: 'hr_1',
    ticketId: 'tk_1',
    ticketReference: 'T-1001',
    from: 'mallory@example.com',
    subject: 'Re: your request',
    body: 'Refund me instead',
    attachments: [{ id: 'att_1', filename: 'photo.png', contentType: 'image/png', size: 2048 }],
    receivedAt: '2026-12-06T10:00:00Z',
    ...over,
  }
}

/** The console API with the stream ticket and the held replies as the server answers them. */
function mailApi(list: HeldReplyJson[]) {
  let heldNow = list
  const request = vi.fn(async (method: string, path: string) => {
    if (path === STREAM) return { ticket: 't', expiresInSeconds: 60, url: '/stream?ticket=t' }
    if (path.startsWith('/v1/agent/held-replies?')) return { heldReplies: heldNow }
    if (method === 'POST' && path.startsWith('/v1/agent/held-replies/')) {
      heldNow = []
      return path.endsWith('/accept') ? { event: {} } : undefined
    }
    throw new Error(`unexpected ${method} ${path}`)
  })
  return { api: fakeApi({ request: request as never }), request }
}

beforeEach(() => {
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('two-way email in the console', () => {
  it('reloads the ticket when its history changes on the stream, not for other tickets', async () => {
    const { api } = mailApi([])
    await renderConsole('/console/tickets/tk_1', api)
    const stream = FakeEventSource.latest()
    await act(() => stream.emit('ready', { cursor: 0 }, '0'))
    const loads = vi.mocked(api.ticket).mock.calls.length
    await act(() => stream.emit('ticket_event', { ticketId: 'tk_other', event: {} }, '1'))
    expect(vi.mocked(api.ticket).mock.calls.length).toBe(loads)
    vi.mocked(api.ticket).mockResolvedValue(
      view({
        history: [
          {
            id: 'te_m',
            kind: 'message',
            actor: { kind: 'shopper', id: null },
            data: {
              body: 'It arrived, thanks',
              channel: 'email',
              attachments: [
                { id: 'att_9', filename: 'box.jpg', contentType: 'image/jpeg', size: 4096 },
              ],
            },
            at: '2026-12-06T10:00:00Z',
          },
        ],
      }),
    )
    await act(() => stream.emit('ticket_event', { ticketId: 'tk_1', event: {} }, '2'))
    await settle()
    expect(vi.mocked(api.ticket).mock.calls.length).toBe(loads + 1)
    const history = $('#thread-title').closest('section')!
    expect(history.textContent).toContain('replied by email')
    expect(history.textContent).toContain('It arrived, thanks')
    const link = history.querySelector<HTMLAnchorElement>('.attachments a')!
    expect(link.getAttribute('href')).toBe('/v1/agent/mail-attachments/att_9')
    expect(link.hasAttribute('download')).toBe(true)
  })

  it('lists replies held for the ticket and lets the agent add one to the thread', async () => {
    const { api, request } = mailApi([held()])
    await renderConsole('/console/tickets/tk_1', api)
    await settle()
    const section = $('#held-title').parentElement!
    expect(section.textContent).toContain('mallory@example.com')
    expect(section.textContent).toContain('Refund me instead')
    expect(section.textContent).toContain('photo.png')
    await click(byText('button', 'Add to the thread'))
    await settle()
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/held-replies/hr_1/accept')
    expect(document.querySelector('#held-title')).toBeNull()
  })

  it('discards a held reply', async () => {
    const { api, request } = mailApi([held()])
    await renderConsole('/console/tickets/tk_1', api)
    await settle()
    await click(byText('button', 'Discard'))
    await settle()
    expect(request).toHaveBeenCalledWith('POST', '/v1/agent/held-replies/hr_1/discard')
    expect(document.querySelector('#held-title')).toBeNull()
  })
})
