// @vitest-environment happy-dom
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api.ts'
import { $, fakeApi, renderConsole, settle, ticket, type, view } from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const replies = [
  {
    id: 'sr_1',
    shortcut: 'tracking',
    title: 'Where is my parcel',
    body: 'Hi {{shopper.firstName}}, {{order.number}} is on its way ({{ticket.reference}}).',
    translations: { fr: 'Bonjour {{shopper.firstName}}, {{order.number}} est en route.' },
    updatedAt: '2026-01-10T10:00:00.000Z',
  },
  {
    id: 'sr_2',
    shortcut: 'refund',
    title: 'Refund sent',
    body: 'Your refund is on its way.',
    translations: {},
    updatedAt: '2026-01-10T10:00:00.000Z',
  },
]

function apiWithReplies(locale = 'en') {
  return fakeApi({
    ticket: vi.fn(async () =>
      view({ ticket: ticket({ shopper: { ...ticket().shopper, locale } }) }),
    ),
    request: vi.fn(async (_method: string, path: string) => {
      if (path === '/v1/agent/saved-replies') return { replies }
      // Any other read of the ticket page (refundable amounts, the stream) as the server would.
      throw new ApiError(404, 'not_found', 'No route')
    }) as never,
  })
}

const key = (el: HTMLElement, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
  })

const options = () => [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent)

describe('saved replies in the reply box', () => {
  it('lists the matches of what follows "/", and inserts the chosen one filled in', async () => {
    await renderConsole('/console/tickets/tk_1', apiWithReplies())
    const box = $<HTMLTextAreaElement>('#reply-body')
    await type(box, 'Hello. /')
    await settle()
    expect(options()).toEqual(['/tracking Where is my parcel', '/refund Refund sent'])
    await type(box, 'Hello. /re')
    expect(options()).toEqual(['/refund Refund sent'])
    await type(box, 'Hello. /')
    await key(box, 'ArrowDown')
    expect(box.getAttribute('aria-activedescendant')).toBe('reply-body-saved-1')
    await key(box, 'ArrowDown')
    await key(box, 'Enter')
    expect(box.value).toBe('Hello. Hi Ada, #1042 is on its way (#1001).')
    expect(document.querySelector('[role="listbox"]')).toBeNull()
  })

  it('fills in the shopper’s language when the reply has it', async () => {
    await renderConsole('/console/tickets/tk_1', apiWithReplies('fr-FR'))
    const box = $<HTMLTextAreaElement>('#reply-body')
    await type(box, '/track')
    await settle()
    await key(box, 'Tab')
    expect(box.value).toBe('Bonjour Ada, #1042 est en route.')
  })

  it('leaves a slash in a word alone, and Escape closes the list keeping the text', async () => {
    await renderConsole('/console/tickets/tk_1', apiWithReplies())
    const box = $<HTMLTextAreaElement>('#reply-body')
    await type(box, 'either/or')
    await settle()
    expect(options()).toEqual([])
    await type(box, 'See /')
    expect(options()).toHaveLength(2)
    await key(box, 'Escape')
    expect(options()).toEqual([])
    expect(box.value).toBe('See /')
  })
})
