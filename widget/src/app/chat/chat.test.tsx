import { screen } from '@testing-library/dom'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  STORE_KEY,
  cleanup,
  click,
  fakeServer,
  renderPanel,
  settle,
  type,
  type FakeServer,
} from '../test-support.tsx'
import { resetChatSessions } from './chat-session.ts'
import { FakeEventSource } from '../../common/fake-event-source.ts'

const conversation = (over: Record<string, unknown> = {}) => ({
  id: 'cv_1',
  status: 'open',
  ticketNumber: 1001,
  createdAt: '2026-11-22T09:00:00Z',
  revertsAt: null,
  shopperReadSeq: 0,
  agentReadSeq: 0,
  unread: 0,
  ...over,
})
const message = (seq: number, kind: string, text: string, over: Record<string, unknown> = {}) => ({
  id: `m_${seq}`,
  conversationId: 'cv_1',
  seq,
  author: { kind, name: kind === 'agent' ? 'Sam' : null },
  text,
  systemKind: null,
  data: null,
  clientId: null,
  createdAt: '2026-11-22T09:00:00Z',
  ...over,
})

const thread = () => screen.getByRole('log', { name: 'Conversation' })
const posts = (server: FakeServer, path: string) =>
  server.calls.filter((c) => c.method === 'POST' && c.path === path)

function chatServer(current: unknown) {
  return fakeServer()
    .on('GET /v1/conversations/current', { status: 200, body: current })
    .on('GET /v1/conversations/availability', {
      status: 200,
      body: {
        open: true,
        withinBusinessHours: true,
        agentsOnline: true,
        expectedReply: null,
        nextOpenAt: null,
      },
    })
    .on('POST /v1/conversations/stream-tickets', {
      status: 201,
      body: { ticket: 't1', expiresInSeconds: 60, url: '/v1/conversations/stream?ticket=t1' },
    })
    .on('POST /v1/conversations/current/read', { status: 200, body: { readSeq: 0 } })
}

async function until(check: () => unknown) {
  await vi.waitFor(check, { timeout: 3000 })
  await settle()
}

beforeEach(() => {
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
  resetChatSessions()
})
afterEach(async () => {
  await cleanup()
})

const withVisitor = () => localStorage.setItem(`porchlight.session.chat.${STORE_KEY}`, 'plc_x')

describe('the panel chat', () => {
  it.each([
    ['en', 'Request #1042 (Return) sent for order #1006', 'Order #1006: Cancelled'],
    ['fr', 'Demande #1042 (Retour) envoyée pour la commande #1006', 'Commande #1006 : Annulée'],
  ])(
    'writes system lines in the shopper’s language (%s) from their data',
    async (locale, created, changed) => {
      withVisitor()
      const system = (seq: number, systemKind: string, data: Record<string, unknown>) =>
        message(seq, 'system', `English fallback ${seq}`, { systemKind, data })
      const server = chatServer({
        conversation: conversation(),
        messages: [
          system(3, 'request_created', { type: 'return', reference: '#1042', orderName: '#1006' }),
          system(4, 'order_status_changed', { change: 'cancelled', orderName: '#1006' }),
          // A kind this panel does not know yet: its English fallback.
          system(5, 'something_new', { orderName: '#1006' }),
        ],
        hasMore: false,
        cursor: 5,
      })
      await renderPanel(server, `?locale=${locale}`)
      await until(() => screen.getByRole('log'))
      const lines = [...screen.getByRole('log').querySelectorAll('.msg-system .msg-text')]
      expect(lines.map((l) => l.textContent)).toEqual([created, changed, 'English fallback 5'])
    },
  )

  it('opens on the current conversation; the arrow goes home and the chat is one tap away', async () => {
    withVisitor()
    const server = chatServer({
      conversation: conversation(),
      messages: [message(3, 'shopper', 'Where is my lamp?'), message(4, 'agent', 'On its way')],
      hasMore: false,
      cursor: 4,
    })
    await renderPanel(server)
    await until(() => thread())
    expect(thread().textContent).toContain('Where is my lamp?')
    expect(thread().textContent).toContain('On its way')
    expect(thread().getAttribute('aria-live')).toBe('polite')
    expect(server.calls.find((c) => c.path === '/v1/conversations/current')?.headers).toMatchObject(
      { authorization: 'Bearer plc_x' },
    )
    // Resumes right after what `current` returned, on a one-time ticket.
    expect(FakeEventSource.latest().url).toBe('/v1/conversations/stream?ticket=t1&lastEventId=4')

    await click(screen.getByRole('button', { name: 'Back to help' }))
    expect(screen.getByRole('heading', { name: 'Sign in to see your orders' })).toBeTruthy()
    expect(screen.queryByRole('log')).toBeNull()
    // Leaving ends nothing: the stream stays open for the badge.
    expect(FakeEventSource.latest().closed).toBe(false)
    await click(screen.getByRole('button', { name: 'Chat with us' }))
    await until(() => thread())
    expect(thread().textContent).toContain('On its way')
  })

  it('opens on the portal home when the last conversation reverted, and writing starts a new one', async () => {
    withVisitor()
    const server = chatServer({ conversation: null, messages: [], hasMore: false, cursor: 9 }).on(
      'POST /v1/conversations/current/messages',
      (call) => ({
        status: 201,
        body: {
          conversation: conversation({ id: 'cv_2' }),
          message: message(10, 'shopper', 'Hello again', {
            conversationId: 'cv_2',
            clientId: (call.body as { clientId: string }).clientId,
          }),
          started: true,
        },
      }),
    )
    await renderPanel(server)
    expect(screen.getByRole('heading', { name: 'Sign in to see your orders' })).toBeTruthy()
    expect(screen.queryByRole('log')).toBeNull()

    await click(screen.getByRole('button', { name: 'Chat with us' }))
    await until(() => thread())
    expect(thread().textContent).toContain('Write your message below')
    const box = screen.getByLabelText('Message')
    await type(box, 'Hello again')
    await act(() => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    })
    await settle()
    const sent = posts(server, '/v1/conversations/current/messages')
    expect(sent).toHaveLength(1)
    expect(sent[0]?.body).toMatchObject({ text: 'Hello again', locale: 'en' })
    expect((sent[0]?.body as { clientId: string }).clientId).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/)
    expect(thread().querySelectorAll('li.msg')).toHaveLength(1)
    expect(thread().textContent).toContain('Hello again')
  })

  it('asks a signed-out visitor for name and email first, and keeps the token in the iframe', async () => {
    const server = chatServer({ conversation: null, messages: [], hasMore: false, cursor: 0 }).on(
      'POST /v1/conversations/visitors',
      { status: 201, body: { token: 'plc_new', expiresAt: '2026-11-29T00:00:00Z' } },
    )
    await renderPanel(server)
    await click(screen.getByRole('button', { name: 'Chat with us' }))
    await until(() => screen.getByLabelText('Your name'))
    await click(screen.getByRole('button', { name: 'Start chatting' }))
    expect(screen.getByRole('alert').textContent).toBe('Enter your name.')
    expect(posts(server, '/v1/conversations/visitors')).toHaveLength(0)

    await type(screen.getByLabelText('Your name'), 'Ada')
    await type(screen.getByLabelText('Email address'), 'ada@example.com')
    await click(screen.getByRole('button', { name: 'Start chatting' }))
    expect(posts(server, '/v1/conversations/visitors')[0]?.body).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
    })
    expect(localStorage.getItem(`porchlight.session.chat.${STORE_KEY}`)).toBe('plc_new')
    await until(() => thread())
    expect(server.calls.at(-1)?.headers['authorization'] ?? '').not.toContain('plc_x')
  })

  it('retries a failed send with the same clientId, so it is stored once', async () => {
    withVisitor()
    let attempt = 0
    const server = chatServer({
      conversation: conversation(),
      messages: [],
      hasMore: false,
      cursor: 1,
    }).on('POST /v1/conversations/current/messages', (call) =>
      ++attempt === 1
        ? { status: 503, body: { error: { code: 'unavailable', message: '' } } }
        : {
            status: 201,
            body: {
              conversation: conversation(),
              message: message(2, 'shopper', 'Hi', {
                clientId: (call.body as { clientId: string }).clientId,
              }),
              started: false,
            },
          },
    )
    await renderPanel(server)
    await until(() => thread())
    const box = screen.getByLabelText('Message')
    await type(box, 'Hi')
    await click(screen.getByRole('button', { name: 'Send' }))
    expect(thread().textContent).toContain('Not sent.')
    await click(screen.getByRole('button', { name: 'Try again' }))
    const sent = posts(server, '/v1/conversations/current/messages').map(
      (c) => (c.body as { clientId: string }).clientId,
    )
    expect(sent).toHaveLength(2)
    expect(sent[1]).toBe(sent[0])
    expect(thread().textContent).not.toContain('Not sent.')
    expect(thread().querySelectorAll('li.msg')).toHaveLength(1)
  })

  it('keeps Shift+Enter as a new line and refuses more than 5,000 characters', async () => {
    withVisitor()
    const server = chatServer({
      conversation: conversation(),
      messages: [],
      hasMore: false,
      cursor: 1,
    })
    await renderPanel(server)
    await until(() => thread())
    const box = screen.getByLabelText('Message')
    await type(box, 'Line one')
    await act(() => {
      box.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }),
      )
    })
    expect(posts(server, '/v1/conversations/current/messages')).toHaveLength(0)
    await type(box, '😀'.repeat(5001))
    await click(screen.getByRole('button', { name: 'Send' }))
    expect(posts(server, '/v1/conversations/current/messages')).toHaveLength(0)
    expect(screen.getByText('Messages can be up to 5,000 characters.')).toBeTruthy()
    // Counted in characters, not UTF-16 units: 5,000 emoji (10,000 units) may go.
    await type(box, '😀'.repeat(5000))
    await click(screen.getByRole('button', { name: 'Send' }))
    expect(posts(server, '/v1/conversations/current/messages')).toHaveLength(1)
  })

  it('shows agent messages and typing live, refetches on resync, and resumes after a drop', async () => {
    withVisitor()
    let currentCalls = 0
    const server = chatServer({}).on('GET /v1/conversations/current', () => ({
      status: 200,
      body: {
        conversation: conversation(),
        messages:
          ++currentCalls === 1
            ? [message(3, 'shopper', 'Hello')]
            : [message(3, 'shopper', 'Hello'), message(20, 'agent', 'Missed while away')],
        hasMore: false,
        cursor: currentCalls === 1 ? 3 : 20,
      },
    }))
    await renderPanel(server)
    await until(() => thread())
    const stream = FakeEventSource.latest()
    await act(() => {
      stream.open()
      stream.emit('typing', { conversationId: 'cv_1', agentName: 'Sam', expiresInMs: 6000 })
    })
    await settle()
    expect(screen.getByText('Sam is typing…')).toBeTruthy()
    await act(() => {
      stream.emit(
        'message',
        { conversationId: 'cv_1', message: message(12, 'agent', 'Hi Ada') },
        '12',
      )
      // The same event again (a replay) shows once.
      stream.emit(
        'message',
        { conversationId: 'cv_1', message: message(12, 'agent', 'Hi Ada') },
        '12',
      )
    })
    await settle()
    expect(thread().querySelectorAll('li.msg')).toHaveLength(2)
    // The agent by name, with their initial in an avatar the screen reader skips.
    const reply = thread().querySelector('li.msg-agent')!
    expect(reply.querySelector('.msg-author')?.textContent).toBe('Sam')
    expect(reply.querySelector('.avatar[aria-hidden="true"]')?.textContent).toBe('S')
    expect(thread().querySelector('li.msg-shopper .avatar')).toBeNull()
    expect(screen.queryByText('Sam is typing…')).toBeNull()
    // On screen, so read at once.
    expect(posts(server, '/v1/conversations/current/read').at(-1)?.body).toEqual({ throughSeq: 12 })

    await act(() => stream.emit('resync', { reason: 'too_far_behind' }, '19'))
    await settle()
    expect(thread().textContent).toContain('Missed while away')

    await act(() => stream.fail())
    expect(stream.closed).toBe(true)
    await until(() => expect(FakeEventSource.opened).toHaveLength(2))
    expect(FakeEventSource.latest().url).toBe('/v1/conversations/stream?ticket=t1&lastEventId=19')
    expect(posts(server, '/v1/conversations/stream-tickets')).toHaveLength(2)
  })

  it('says when the team is back outside business hours, promising no reply time', async () => {
    withVisitor()
    // Tomorrow at 9:00 on the shopper's clock, whatever time the test runs.
    const now = new Date()
    const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0)
    const server = chatServer({
      conversation: conversation(),
      messages: [],
      hasMore: false,
      cursor: 1,
    }).on('GET /v1/conversations/availability', {
      status: 200,
      body: {
        open: false,
        withinBusinessHours: false,
        agentsOnline: false,
        expectedReply: 'under_a_minute',
        nextOpenAt: tomorrow.toISOString(),
      },
    })
    await renderPanel(server)
    await until(() => screen.getByText(/We’re away right now/))
    expect(document.querySelector('.chat-away p')?.textContent).toBe(
      'We’re away right now. Back tomorrow at 9:00 AM.',
    )
    expect(screen.queryByText(/We usually reply/)).toBeNull()
  })

  it('offers replies by email, with no live reply time, when no agent is online', async () => {
    withVisitor()
    const server = chatServer({
      conversation: conversation(),
      messages: [],
      hasMore: false,
      cursor: 1,
    })
      .on('GET /v1/conversations/availability', {
        status: 200,
        body: {
          open: false,
          withinBusinessHours: true,
          agentsOnline: false,
          expectedReply: 'a_few_hours',
          nextOpenAt: null,
        },
      })
      .on('POST /v1/conversations/offline', {
        status: 201,
        body: { ticketNumber: 1042, acknowledgementQueued: true },
      })
    await renderPanel(server)
    await until(() => screen.getByText(/No one is online right now/))
    // A staffed chat's reply time is no promise while no one is in.
    expect(document.querySelector('.chat-away p')?.textContent).toBe('No one is online right now.')
    await click(screen.getByRole('button', { name: 'Get replies by email' }))
    await type(screen.getByLabelText('Your name'), 'Ada')
    await type(screen.getByLabelText('Email address'), 'ada@example.com')
    await type(screen.getByLabelText('Your message'), 'Call me back')
    await click(screen.getByRole('button', { name: 'Send' }))
    expect(posts(server, '/v1/conversations/offline')[0]?.body).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      message: 'Call me back',
      locale: 'en',
    })
    expect(screen.getByRole('status').textContent).toContain('ticket T-1042')
  })
})
