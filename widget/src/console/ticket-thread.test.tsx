// @vitest-environment happy-dom
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TicketEventJson } from '@porchlight/shared/api/agent'
import {
  $,
  byText,
  click,
  fakeApi,
  ME,
  renderConsole,
  settle,
  submit,
  type,
  view,
} from './test-kit.tsx'

const entry = (id: string, kind: string, minute: number, data: Record<string, unknown>) =>
  ({
    id,
    kind,
    actor: kind === 'message' ? { kind: 'shopper', id: null } : { kind: 'agent', id: ME.id },
    data,
    at: new Date(Date.UTC(2026, 0, 10, 10, minute)).toISOString(),
  }) as TicketEventJson

const tab = (name: string) => byText<HTMLButtonElement>('[role="tab"]', name)
const panel = (id: string) => $<HTMLElement>(`#composer-${id}`)

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the ticket thread and its composer', () => {
  it('shows the request, messages, replies, notes and events in time order', async () => {
    const history = [
      entry('te_1', 'created', 0, {}),
      // The server's order is by time; the thread shows them as they happened.
      entry('te_2', 'message', 5, { channel: 'email', body: 'Any news?' }),
      entry('te_3', 'note', 7, { body: 'Asked the warehouse' }),
      entry('te_4', 'reply', 9, { body: 'It ships today.' }),
      entry('te_5', 'updated', 11, { assigneeId: ME.id }),
    ]
    await renderConsole('/console/tickets/tk_1', fakeApi({ ticket: async () => view({ history }) }))
    const items = [...document.querySelectorAll('.thread-items > li')]
    expect(items.map((li) => li.className)).toEqual([
      'event event-shopper thread-request',
      'event event-shopper',
      'event event-note',
      'event event-agent',
      'event event-system',
    ])
    expect(items[0]?.querySelector('blockquote')?.textContent).toBe('Please cancel')
    expect(items[1]?.textContent).toContain('Any news?')
    // A note says what it is in words, not only by its colour.
    expect(items[2]?.querySelector('.note-tag')?.textContent).toBe('Internal note')
    expect(items[3]?.querySelector('.note-tag')).toBeNull()
    expect(items[4]?.textContent).toContain('assigned it to Dana (you)')
    // The ticket's `created` entry is the request, shown once.
    expect(document.querySelectorAll('.thread blockquote')).toHaveLength(1)
  })

  it('sends a reply from the Reply tab and a note from the Note tab, each to its own endpoint', async () => {
    const note = vi.fn(async (_id: string, body: string) => ({
      event: entry('te_9', 'note', 30, { body }),
    }))
    const reply = vi.fn(async (_id: string, body: string) => ({
      event: entry('te_8', 'reply', 20, { body }),
    }))
    const api = fakeApi({ note, reply })
    await renderConsole('/console/tickets/tk_1', api)
    expect(tab('Reply').getAttribute('aria-selected')).toBe('true')
    expect(panel('reply').hidden).toBe(false)
    expect(panel('note').hidden).toBe(true)

    await type($<HTMLTextAreaElement>('#reply-body'), 'On its way')
    await submit($<HTMLTextAreaElement>('#reply-body').form!)
    expect(reply).toHaveBeenCalledWith('tk_1', 'On its way')
    expect(note).not.toHaveBeenCalled()

    await click(tab('Internal note'))
    expect(tab('Internal note').getAttribute('aria-selected')).toBe('true')
    expect(panel('note').hidden).toBe(false)
    expect(panel('reply').hidden).toBe(true)
    expect(document.activeElement).toBe($('#note-body'))
    expect($('.composer').classList.contains('composer-on-note')).toBe(true)
    await type($<HTMLTextAreaElement>('#note-body'), 'Carrier called back')
    await submit($<HTMLTextAreaElement>('#note-body').form!)
    expect(note).toHaveBeenCalledWith('tk_1', 'Carrier called back')
    expect(reply).toHaveBeenCalledTimes(1)

    const notes = [...document.querySelectorAll('.thread .event-note')]
    expect(notes.map((li) => li.querySelector('.event-body')?.textContent)).toEqual([
      'Carrier called back',
    ])
    expect(document.querySelector('.thread .event-agent')?.textContent).toContain('On its way')
  })

  it('moves between the tabs with the arrow keys, one tab stop for the pair', async () => {
    await renderConsole('/console/tickets/tk_1', fakeApi())
    expect([tab('Reply').tabIndex, tab('Internal note').tabIndex]).toEqual([0, -1])
    tab('Reply').focus()
    await act(() => {
      tab('Reply').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    })
    await settle()
    expect(document.activeElement).toBe(tab('Internal note'))
    expect(panel('note').hidden).toBe(false)
    expect([tab('Reply').tabIndex, tab('Internal note').tabIndex]).toEqual([-1, 0])
  })
})
