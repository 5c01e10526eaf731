// @vitest-environment happy-dom
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../common/fake-event-source.ts'
import { ApiError } from './api.ts'
import {
  $,
  byText,
  click,
  fakeApi,
  pageOf,
  renderConsole,
  settle,
  ticket,
  type,
} from './test-kit.tsx'

/** A window `width` pixels wide, as far as the console's media queries can tell. */
function viewport(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = Number(/min-width:\s*(\d+)px/.exec(query)?.[1] ?? 0)
    return {
      matches: width >= min,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }
  })
}

const listApi = () =>
  fakeApi({
    tickets: vi.fn(async () =>
      pageOf([ticket(), ticket({ id: 'tk_2', reference: 'T-1002', type: 'return' })]),
    ),
  })

const thread = () => $('article.pane-thread')
const side = () => $('aside.pane-side')

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the ticket page’s panes', () => {
  it('on a wide screen shows the inbox list, the thread and the shopper with the order', async () => {
    viewport(1400)
    const api = listApi()
    await renderConsole('/console/tickets/tk_1', api)
    const list = $('nav.pane-list')
    expect(list.getAttribute('aria-labelledby')).toBe('inbox-list-title')
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.row-link')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/console/tickets/tk_1',
      '/console/tickets/tk_2',
    ])
    // The ticket on screen is marked in the list.
    expect(links[0]?.getAttribute('aria-current')).toBe('page')
    expect(links[1]?.getAttribute('aria-current')).toBeNull()
    expect(thread().hidden).toBe(false)
    expect(side().hidden).toBe(false)
    expect(side().getAttribute('aria-label')).toBe('Shopper and order')
    expect(side().querySelector('#order-title')?.textContent).toBe('Order #1042')
    expect(side().textContent).toContain('Approve the cancellation')
    expect(thread().querySelector('#thread-title')).not.toBeNull()
    // The list is the queue's own view: the same API read the queue makes.
    expect(api.tickets).toHaveBeenCalledTimes(1)
  })

  it('keeps the inbox list live beside the ticket, as the queue is', async () => {
    viewport(1400)
    FakeEventSource.opened = []
    vi.stubGlobal('EventSource', FakeEventSource)
    const request = vi.fn(async (_method: string, path: string) => {
      if (path.startsWith('/v1/agent/conversations/stream-tickets'))
        return { ticket: 't', expiresInSeconds: 60, url: '/v1/agent/conversations/stream?ticket=t' }
      throw new ApiError(404, 'not_found', 'No route')
    })
    const api = fakeApi({ request: request as never })
    await renderConsole('/console/tickets/tk_1', api)
    const refs = () =>
      [...document.querySelectorAll('nav.pane-list .inbox-ref')].map((r) => r.textContent)
    expect(refs()).toEqual(['#1001'])
    vi.mocked(api.tickets).mockResolvedValue(
      pageOf([ticket({ id: 'tk_3', reference: 'T-1003' }), ticket()]),
    )
    // The console's stream says a ticket arrived (the ticket's own streams ignore the kind).
    await act(() => {
      for (const s of FakeEventSource.opened) {
        s.emit('ticket', { ticketId: 'tk_3', number: 1003, type: 'contact', channel: 'chat' }, '9')
      }
    })
    // The inbox reads itself once per burst, a moment after the last event.
    await act(() => new Promise((r) => setTimeout(r, 200)))
    await settle()
    expect(refs()).toEqual(['T-1003', '#1001'])
    // The ticket on screen stayed as it was: no reload of the page for a new ticket elsewhere.
    expect(thread().querySelector('h1')?.textContent).toBe('Ticket #1001 · Cancel')
  })

  it('leaves the list out on a medium screen, thread and order side by side', async () => {
    viewport(1000)
    const api = listApi()
    await renderConsole('/console/tickets/tk_1', api)
    expect(document.querySelector('nav.pane-list')).toBeNull()
    expect(api.tickets).not.toHaveBeenCalled()
    expect(thread().hidden).toBe(false)
    expect(side().hidden).toBe(false)
    expect(byText('a', 'Back to the queue').getAttribute('href')).toBe('/console')
  })

  it('on a narrow screen shows one pane at a time, with a way to the other and back', async () => {
    viewport(400)
    await renderConsole('/console/tickets/tk_1', listApi())
    expect(document.querySelector('nav.pane-list')).toBeNull()
    expect(thread().hidden).toBe(false)
    expect(side().hidden).toBe(true)
    await click(byText('button', 'Shopper and order'))
    expect(thread().hidden).toBe(true)
    expect(side().hidden).toBe(false)
    expect(document.activeElement).toBe(side())
    await click(byText('button', 'Back to the thread'))
    expect(side().hidden).toBe(true)
    expect(thread().hidden).toBe(false)
    expect(document.activeElement).toBe(thread())
  })

  it('comes back to the thread for r and n while the order shows on a narrow screen', async () => {
    viewport(400)
    await renderConsole('/console/tickets/tk_1', listApi())
    await click(byText('button', 'Shopper and order'))
    await act(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }))
    })
    await settle()
    expect(thread().hidden).toBe(false)
    expect(side().hidden).toBe(true)
    expect(document.activeElement).toBe($('#note-body'))
  })

  it('keeps a draft while the agent looks at the order on a narrow screen', async () => {
    viewport(400)
    await renderConsole('/console/tickets/tk_1', listApi())
    const box = $<HTMLTextAreaElement>('#reply-body')
    await type(box, 'Half a reply')
    await click(byText('button', 'Shopper and order'))
    await click(byText('button', 'Back to the thread'))
    expect($<HTMLTextAreaElement>('#reply-body')).toBe(box)
    expect(box.value).toBe('Half a reply')
  })
})
