// @vitest-environment happy-dom
import type { InboxResponse } from '@porchlight/shared/api/inbox'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../common/fake-event-source.ts'
import { $, byText, click, fakeApi, pageOf, renderConsole, settle, ticket } from './test-kit.tsx'

const count = (total: number, unread: number) => ({ total, unread })

function inboxAnswer(over: Partial<InboxResponse> = {}): InboxResponse {
  return {
    views: {
      mine: count(0, 0),
      unassigned: count(1, 1),
      open: count(1, 1),
      chats: count(0, 0),
      decisions: count(1, 1),
    },
    waiting: [],
    ...over,
  }
}

/** The console API with the inbox, presence and stream answers; `inbox` may change per call. */
function liveApi(inbox: () => InboxResponse = () => inboxAnswer()) {
  const calls: Array<{ method: string; path: string; body: unknown }> = []
  const request = vi.fn(async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body })
    if (path === '/v1/agent/inbox') return inbox()
    if (path === '/v1/agent/presence') return { state: 'available', away: false }
    if (path === '/v1/agent/presence/away') {
      const away = (body as { away: boolean }).away
      return { state: away ? 'away' : 'available', away }
    }
    if (path.startsWith('/v1/agent/conversations/stream-tickets'))
      return { ticket: 't', expiresInSeconds: 60, url: '/v1/agent/conversations/stream?ticket=t' }
    return undefined
  })
  return { api: fakeApi({ request: request as never }), calls }
}

// The inbox reads itself once per burst of events, a moment after the last.
const afterBurst = async () => {
  await act(() => new Promise((r) => setTimeout(r, 200)))
  await settle()
}

const tones: number[] = []
class FakeAudioContext {
  currentTime = 0
  destination = {}
  createOscillator() {
    const osc = {
      frequency: { value: 0 },
      connect: (g: unknown) => g,
      start: () => tones.push(osc.frequency.value),
      stop: () => {},
    }
    return osc
  }
  createGain() {
    const gain = {
      gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} },
      connect: (d: unknown) => d,
    }
    return gain
  }
}

const shown: Array<{ title: string; body: string }> = []
class FakeNotification {
  static permission = 'granted'
  static requestPermission = vi.fn(async () => 'granted')
  onclick: (() => void) | null = null
  constructor(title: string, options: { body: string }) {
    shown.push({ title, body: options.body })
  }
  close() {}
}

beforeEach(() => {
  FakeEventSource.opened = []
  tones.length = 0
  shown.length = 0
  localStorage.clear()
  vi.stubGlobal('EventSource', FakeEventSource)
  vi.stubGlobal('AudioContext', FakeAudioContext)
  vi.stubGlobal('Notification', FakeNotification)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the live inbox', () => {
  it('updates the list, the view counts and the tab title when a ticket arrives', async () => {
    let unread = 1
    const { api, calls } = liveApi(() =>
      inboxAnswer({
        views: {
          ...inboxAnswer().views,
          open: count(unread, unread),
          unassigned: count(unread, unread),
        },
      }),
    )
    await renderConsole('/console', api)
    // One stream for the tab, named by the tab (presence names the same id).
    const ticketCall = calls.find((c) =>
      c.path.startsWith('/v1/agent/conversations/stream-tickets'),
    )
    const tab = /\?tab=(tab_[0-9a-f]{24})$/.exec(ticketCall?.path ?? '')?.[1]
    expect(tab).toBeDefined()
    expect(calls.find((c) => c.path === '/v1/agent/presence')?.body).toEqual({
      tabId: tab,
      idleMs: expect.any(Number),
    })
    expect(document.title).toBe('(1) Porchlight console')
    expect(byText('.views a', /^All open/).textContent).toBe('All open 1 open1 unread')

    vi.mocked(api.tickets).mockResolvedValue(
      pageOf([ticket({ id: 'tk_2', reference: '#1002' }), ticket()]),
    )
    unread = 2
    const stream = FakeEventSource.latest()
    await act(() =>
      stream.emit(
        'ticket',
        { ticketId: 'tk_2', number: 1002, type: 'contact', channel: 'contact-form' },
        '9',
      ),
    )
    await afterBurst()
    expect([...document.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      '#1002',
      '#1001',
    ])
    expect(document.title).toBe('(2) Porchlight console')
    // A plain ticket does not ring: only a new chat does.
    expect(tones).toEqual([])
  })

  it('rings and notifies for a new chat, and stays quiet once muted (remembered)', async () => {
    const { api } = liveApi()
    await renderConsole('/console', api)
    const stream = FakeEventSource.latest()
    const started = (n: number) => ({
      conversationId: `cv_${n}`,
      change: 'started',
      status: 'open',
      closedReason: null,
      previousId: null,
      ticketNumber: n,
    })
    await act(() => stream.emit('conversation', started(1003), '10'))
    expect(tones).toEqual([880, 1320])
    expect(shown).toEqual([{ title: 'New chat', body: 'Chat #1003 is waiting for an answer.' }])

    await click(byText('button', 'Mute new-chat sound'))
    expect(localStorage.getItem('porchlight.console.sound')).toBe('off')
    await act(() => stream.emit('conversation', started(1004), '11'))
    expect(tones).toEqual([880, 1320])
    // The notification still comes: muting is about the sound.
    expect(shown).toHaveLength(2)

    // A reload keeps the choice.
    await renderConsole('/console', liveApi().api)
    expect(byText('button', 'Unmute new-chat sound').getAttribute('aria-pressed')).toBe('true')
  })

  it('does not notify without permission, and offers to ask for it', async () => {
    FakeNotification.permission = 'default'
    try {
      const { api } = liveApi()
      await renderConsole('/console', api)
      await act(() =>
        FakeEventSource.latest().emit(
          'conversation',
          { conversationId: 'cv_1', change: 'started', status: 'open', ticketNumber: 1003 },
          '10',
        ),
      )
      expect(shown).toEqual([])
      await click(byText('button', 'Notify me of new chats'))
      expect(FakeNotification.requestPermission).toHaveBeenCalled()
    } finally {
      FakeNotification.permission = 'granted'
    }
  })

  it('shows how long each waiting chat has waited', async () => {
    const since = new Date(Date.now() - 7 * 60_000).toISOString()
    const { api } = liveApi(() =>
      inboxAnswer({ waiting: [{ ticketId: 'tk_chat', conversationId: 'cv_1', since }] }),
    )
    vi.mocked(api.tickets).mockResolvedValue(
      pageOf([ticket({ id: 'tk_chat', type: 'chat', channel: 'chat' }), ticket()]),
    )
    await renderConsole('/console', api)
    const rows = [...document.querySelectorAll('tbody tr')]
    expect(rows[0]?.querySelector('.waiting')?.textContent).toBe('Waiting 7 min')
    expect(rows[1]?.querySelector('.waiting')).toBeNull()
  })

  it('moves between views through the URL and asks the API for that view', async () => {
    const { api } = liveApi()
    await renderConsole('/console', api)
    await click(byText('.views a', /^Chats/))
    expect(location.search).toBe('?view=chats')
    const query = vi.mocked(api.tickets).mock.lastCall![0] as URLSearchParams
    expect(query.get('view')).toBe('chats')
    expect(byText('.views a', /^Chats/).getAttribute('aria-current')).toBe('page')
  })

  it('shows the agent’s presence and sets them away and back', async () => {
    const { api, calls } = liveApi()
    await renderConsole('/console', api)
    expect($('.presence').textContent).toBe('Available')
    await click(byText('button', 'Set me away'))
    expect(calls.find((c) => c.path === '/v1/agent/presence/away')?.body).toEqual({ away: true })
    expect($('.presence').textContent).toBe('Away')
    await click(byText('button', 'Set me available'))
    expect($('.presence').textContent).toBe('Available')
  })

  it('says goodbye for its tab as the page goes, with a call that outlives the page', async () => {
    const { api } = liveApi()
    await renderConsole('/console', api)
    const beat = vi.mocked(api.request).mock.calls.find((c) => c[1] === '/v1/agent/presence')
    const tabId = (beat?.[2] as { tabId: string }).tabId
    await act(() => {
      dispatchEvent(new Event('pagehide'))
    })
    expect(vi.mocked(api.request)).toHaveBeenCalledWith(
      'DELETE',
      `/v1/agent/presence/tabs/${tabId}`,
      undefined,
      { keepalive: true },
    )
  })
})
