import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { STORE_KEY, fakeServer, settle } from '../test-support.tsx'
import { createChatSession } from './chat-session.ts'
import { FakeEventSource } from '../../common/fake-event-source.ts'

const conversation = { id: 'cv_1', status: 'open', ticketNumber: 7, createdAt: '', revertsAt: null }
const agentMessage = (seq: number) => ({
  id: `m_${seq}`,
  conversationId: 'cv_1',
  seq,
  author: { kind: 'agent', name: 'Sam' },
  text: `answer ${seq}`,
  systemKind: null,
  data: null,
  clientId: null,
  createdAt: '2026-11-22T09:00:00Z',
})

function server(current: () => unknown) {
  return fakeServer()
    .on('GET /v1/conversations/current', () => ({ status: 200, body: current() }))
    .on('GET /v1/conversations/availability', { status: 503 })
    .on('POST /v1/conversations/stream-tickets', {
      status: 201,
      body: { ticket: 't', expiresInSeconds: 60, url: '/s?ticket=t' },
    })
    .on('POST /v1/conversations/current/read', { status: 200, body: { readSeq: 0 } })
}

beforeEach(() => {
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
  localStorage.setItem(`porchlight.session.chat.${STORE_KEY}`, 'plc_x')
})
afterEach(() => {
  localStorage.clear()
  vi.unstubAllGlobals()
})

describe('the launcher badge', () => {
  it('counts agent messages while the chat is not on screen, and clears when it is', async () => {
    const fake = server(() => ({
      conversation: { ...conversation, shopperReadSeq: 0, agentReadSeq: 0, unread: 1 },
      messages: [agentMessage(2)],
      hasMore: false,
      cursor: 2,
    }))
    vi.stubGlobal('fetch', fake.fetch)
    const badge = vi.fn()
    const session = createChatSession(STORE_KEY, badge)
    await session.start()
    await settle()
    expect(badge).toHaveBeenLastCalledWith(1)
    expect(fake.calls.filter((c) => c.path.endsWith('/read'))).toHaveLength(0)

    FakeEventSource.latest().emit(
      'message',
      { conversationId: 'cv_1', message: agentMessage(5) },
      '5',
    )
    await settle()
    expect(badge).toHaveBeenLastCalledWith(2)

    session.setVisible(true)
    await settle()
    expect(badge).toHaveBeenLastCalledWith(0)
    expect(fake.calls.filter((c) => c.path.endsWith('/read')).at(-1)?.body).toEqual({
      throughSeq: 5,
    })
  })

  it('drops the old thread and the count when the conversation reverts', async () => {
    let reverted = false
    const fake = server(() =>
      reverted
        ? { conversation: null, messages: [], hasMore: false, cursor: 9 }
        : {
            conversation: { ...conversation, shopperReadSeq: 0, agentReadSeq: 0, unread: 1 },
            messages: [agentMessage(2)],
            hasMore: false,
            cursor: 2,
          },
    )
    vi.stubGlobal('fetch', fake.fetch)
    const badge = vi.fn()
    const session = createChatSession(STORE_KEY, badge)
    await session.start()
    await settle()
    reverted = true
    FakeEventSource.latest().emit(
      'conversation',
      { conversationId: 'cv_1', change: 'closed', status: 'closed', closedReason: 'reverted' },
      '9',
    )
    await settle()
    expect(session.state.get()).toMatchObject({ conversation: null, messages: [], ended: true })
    expect(badge).toHaveBeenLastCalledWith(0)
  })
})
