import { describe, expect, it } from 'vitest'
import type { TicketEventJson } from '@porchlight/shared/api/agent'
import type { ChatMessage } from '@porchlight/shared/api/chat'
import { threadItems } from './thread.ts'

const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 10, minute)).toISOString()

const event = (id: string, kind: string, minute: number, actor = 'agent'): TicketEventJson => ({
  id,
  kind,
  actor: { kind: actor as TicketEventJson['actor']['kind'], id: null },
  data: {},
  at: at(minute),
})

const chat = (seq: number, kind: string, minute: number): ChatMessage => ({
  id: `m${seq}`,
  conversationId: 'cv_1',
  seq,
  author: { kind: kind as ChatMessage['author']['kind'], name: null },
  text: `message ${seq}`,
  systemKind: null,
  data: null,
  clientId: null,
  createdAt: at(minute),
})

const TICKET = { id: 'tk_1', createdAt: at(0) }
const keys = (items: ReturnType<typeof threadItems>) => items.map((i) => i.key)

describe('the ticket thread', () => {
  it('interleaves the request, history and chat messages by time', () => {
    const items = threadItems(
      TICKET,
      [
        event('created', 'created', 0, 'shopper'),
        event('note', 'note', 3),
        event('ok', 'approved', 6),
      ],
      [chat(12, 'agent', 4), chat(10, 'shopper', 1), chat(14, 'system', 7)],
    )
    expect(keys(items)).toEqual(['request-tk_1', 'm-m10', 'e-note', 'm-m12', 'e-ok', 'm-m14'])
    // The `created` entry is the request itself, shown once.
    expect(items.filter((i) => i.kind === 'event' && i.event.kind === 'created')).toEqual([])
  })

  it('tells shopper, agent, note and system entries apart', () => {
    const roles = threadItems(
      TICKET,
      [
        event('mail', 'message', 1, 'shopper'),
        event('reply', 'reply', 2),
        event('note', 'note', 3),
        event('assign', 'updated', 4),
        event('refund', 'refunded', 5),
      ],
      [chat(1, 'shopper', 6), chat(2, 'agent', 7), chat(3, 'system', 8)],
    ).map((i) => `${i.kind}:${i.role}`)
    expect(roles).toEqual([
      'request:shopper',
      'event:shopper',
      'event:agent',
      'event:note',
      'event:system',
      'event:system',
      'chat:shopper',
      'chat:agent',
      'chat:system',
    ])
  })

  it('keeps each source in its own order within one instant, the request first', () => {
    const items = threadItems(
      TICKET,
      [event('b', 'note', 0), event('a', 'reply', 0)],
      [chat(9, 'shopper', 0), chat(2, 'shopper', 0)],
    )
    expect(keys(items)).toEqual(['request-tk_1', 'e-b', 'e-a', 'm-m2', 'm-m9'])
  })

  it('puts an entry with an unreadable time last instead of scrambling the rest', () => {
    const broken = { ...event('x', 'note', 0), at: 'not a date' }
    const items = threadItems(TICKET, [broken, event('y', 'reply', 2)], [chat(1, 'shopper', 1)])
    expect(keys(items)).toEqual(['request-tk_1', 'm-m1', 'e-y', 'e-x'])
  })
})
