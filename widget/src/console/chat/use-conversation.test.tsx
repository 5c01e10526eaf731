import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../../common/fake-event-source.ts'
import {
  $,
  byText,
  click,
  fakeApi,
  renderConsole,
  settle,
  submit,
  ticket,
  type,
  view,
} from '../test-kit.tsx'

const message = (seq: number, kind: string, text: string) => ({
  id: `m_${seq}`,
  conversationId: 'cv_1',
  seq,
  author: { kind, name: kind === 'agent' ? 'Dana' : 'Ada' },
  text,
  systemKind: null,
  data: null,
  clientId: null,
  createdAt: '2026-11-22T09:00:00Z',
})
const conversation = (over: Record<string, unknown> = {}) => ({
  id: 'cv_1',
  ticketId: 'tk_chat',
  status: 'open',
  closedReason: null,
  closedAt: null,
  previousId: null,
  contact: { name: 'Ada', email: 'ada@example.com' },
  shopperReadSeq: 0,
  agentReadSeq: 0,
  ...over,
})

const LIST = '/v1/agent/conversations?'

/**
 * The console API as the server answers a chat ticket: the ticket view names its conversation
 * (or none). Listing the store's conversations is never how the console finds it: such a call is
 * recorded in `listed` (a throw alone would be swallowed by the panel's error handling).
 */
function chatApi(conversationId: string | null = 'cv_1', shopperText = 'Where is my lamp?') {
  const calls: Array<{ method: string; path: string; body: unknown }> = []
  const listed: string[] = []
  const request = vi.fn(async (method: string, path: string, body?: unknown) => {
    // The console's own calls (presence, the inbox, its stream, saved replies) are not the panel's.
    if (/^\/v1\/agent\/(presence|inbox|saved-replies)|\?tab=/.test(path)) return undefined
    calls.push({ method, path, body })
    if (path.startsWith(LIST)) {
      listed.push(path)
      throw new Error(`the console listed conversations: ${path}`)
    }
    if (path === '/v1/agent/conversations/stream-tickets')
      return { ticket: 't', expiresInSeconds: 60, url: '/v1/agent/conversations/stream?ticket=t' }
    if (path === '/v1/agent/conversations/cv_1')
      return {
        conversation: conversation(),
        messages: [message(3, 'shopper', shopperText)],
        hasMore: false,
        nextId: null,
      }
    if (path === '/v1/agent/conversations/cv_1/close')
      return {
        conversation: conversation({
          status: 'closed',
          closedReason: 'agent_closed',
          closedAt: '2026-11-22T09:05:00Z',
        }),
      }
    if (path.endsWith('/messages'))
      return { conversation: conversation(), message: message(8, 'agent', 'On its way') }
    return undefined
  })
  const api = fakeApi({
    ticket: vi.fn(async () =>
      view({
        ticket: ticket({
          id: 'tk_chat',
          type: 'chat',
          channel: 'chat',
          requestStatus: null,
          order: null,
        }),
        order: null,
        conversationId,
      }),
    ),
    request: request as never,
  })
  return { api, calls, listed }
}

/** The chat panel's calls, without the ticket page's held replies and live stream. */
const chatCalls = (calls: Array<{ method: string; path: string; body: unknown }>) =>
  calls.filter(
    (c) =>
      !c.path.startsWith('/v1/agent/held-replies') &&
      !(c.path === '/v1/agent/conversations/stream-tickets' && c.method === 'POST'),
  )

beforeEach(() => {
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('a chat ticket in the console', () => {
  it('isolates the shopper’s words and name, so a bidi override cannot reorder the line', async () => {
    const text = 'see invoice\u202Egnp.exe please'
    await renderConsole('/console/tickets/tk_chat', chatApi('cv_1', text).api)
    await act(() => FakeEventSource.latest().emit('ready', { cursor: 3 }, '3'))
    await settle()
    const body = [...document.querySelectorAll('.thread .event-body')].at(-1)!
    expect(body.querySelector('bdi')?.textContent).toBe(text)
    expect(body.textContent).toBe(text)
    const author = body.closest('li')!.querySelector('.event-head strong')!
    expect(author.querySelector('bdi')?.textContent).toBe('Ada')
  })

  it('shows the conversation live, answers it, says typing (throttled) and marks it read', async () => {
    const { api, calls, listed } = chatApi()
    await renderConsole('/console/tickets/tk_chat', api)
    const stream = FakeEventSource.latest()
    await act(() => stream.emit('ready', { cursor: 3 }, '3'))
    await settle()
    const slot = $('[data-slot="conversation"]')
    expect(slot.textContent).toContain('Where is my lamp?')
    // The chat answer box replaces the generic reply form.
    expect(document.getElementById('reply-body')).toBeNull()
    expect(calls.find((c) => c.path.endsWith('/read'))?.body).toEqual({ throughSeq: 3 })

    await act(() =>
      stream.emit(
        'message',
        { conversationId: 'cv_1', message: message(5, 'shopper', 'Hello?') },
        '5',
      ),
    )
    // Another conversation's message does not land here.
    await act(() =>
      stream.emit(
        'message',
        {
          conversationId: 'cv_other',
          message: { ...message(6, 'shopper', 'Elsewhere'), conversationId: 'cv_other' },
        },
        '6',
      ),
    )
    await settle()
    expect(slot.textContent).toContain('Hello?')
    expect(slot.textContent).not.toContain('Elsewhere')

    const box = $<HTMLTextAreaElement>('#chat-reply-body')
    await type(box, 'O')
    await type(box, 'On')
    await type(box, 'On its way')
    expect(calls.filter((c) => c.path.endsWith('/typing'))).toHaveLength(1)
    await submit(byText<HTMLFormElement>('form', /Answer in the chat/))
    const sent = calls.filter((c) => c.path === '/v1/agent/conversations/cv_1/messages')
    expect(sent).toHaveLength(1)
    expect(sent[0]?.body).toMatchObject({ text: 'On its way' })
    expect(slot.textContent).toContain('On its way')

    await act(() =>
      stream.emit('read', { conversationId: 'cv_1', side: 'shopper', readSeq: 8 }, '9'),
    )
    await settle()
    expect(slot.textContent).toContain('Seen by the shopper')
    expect(listed).toEqual([])
  })

  it('ends the chat from the thread: the answer box goes, the thread says it is closed', async () => {
    const { api, calls } = chatApi()
    await renderConsole('/console/tickets/tk_chat', api)
    await act(() => FakeEventSource.latest().emit('ready', { cursor: 3 }, '3'))
    await settle()
    const slot = $('[data-slot="conversation"]')
    expect(document.getElementById('chat-reply-body')).not.toBeNull()
    await click(byText('button', 'End chat'))
    expect(calls.filter((c) => c.path.endsWith('/close')).map((c) => c.method)).toEqual(['POST'])
    expect(slot.textContent).toMatch(/Closed \(Agent closed\)/)
    expect(document.querySelectorAll('button.end-chat')).toHaveLength(0)
    expect(document.getElementById('chat-reply-body')).toBeNull()
    expect($('#composer-reply').textContent).toContain('The chat has ended')
    // The messages stay in the thread for the agent.
    expect(slot.textContent).toContain('Where is my lamp?')
  })

  it('opens the conversation the ticket names, without listing the store’s conversations', async () => {
    const { api, calls, listed } = chatApi()
    await renderConsole('/console/tickets/tk_chat', api)
    await act(() => FakeEventSource.latest().emit('ready', { cursor: 3 }, '3'))
    await settle()
    expect($('[data-slot="conversation"]').textContent).toContain('Where is my lamp?')
    // (The ticket page's own calls, its held replies and its live stream, are not the chat's.)
    expect(
      chatCalls(calls)
        .filter((c) => c.method === 'GET')
        .map((c) => c.path),
    ).toEqual(['/v1/agent/conversations/cv_1'])
    expect(listed).toEqual([])
  })

  it('says so when the chat ticket has no conversation, and asks for none', async () => {
    const { api, calls, listed } = chatApi(null)
    await renderConsole('/console/tickets/tk_chat', api)
    await settle()
    expect($('[data-slot="conversation"]').textContent).toContain(
      'No conversation belongs to this ticket.',
    )
    expect(chatCalls(calls)).toEqual([])
    // One stream: the ticket page's own; the panel opened none.
    expect(FakeEventSource.opened).toHaveLength(1)
    expect(listed).toEqual([])
  })
})
