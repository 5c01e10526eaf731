// @vitest-environment happy-dom
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { $, fakeApi, ME, pageOf, renderConsole, settle, ticket } from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const press = async (key: string, target: EventTarget = document.body) => {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  })
  await settle()
}

describe('keyboard shortcuts', () => {
  it('moves in the list with j and k, and searches with /', async () => {
    const api = fakeApi({
      tickets: vi.fn(async () =>
        pageOf([
          ticket({ id: 'tk_1', reference: '#1001' }),
          ticket({ id: 'tk_2', reference: '#1002' }),
        ]),
      ),
    })
    await renderConsole('/console', api)
    await press('j')
    expect(document.activeElement?.textContent).toBe('#1001')
    await press('j', document.activeElement!)
    expect(document.activeElement?.textContent).toBe('#1002')
    await press('k', document.activeElement!)
    expect(document.activeElement?.textContent).toBe('#1001')
    await press('/')
    expect(document.activeElement).toBe($('#f-q'))
    // Typing in the search field is text, never a shortcut.
    await press('j', $('#f-q'))
    expect(document.activeElement).toBe($('#f-q'))
  })

  it('replies, notes, assigns and resolves on a ticket with r, n, a and e', async () => {
    const api = fakeApi()
    await renderConsole('/console/tickets/tk_1', api)
    await press('r')
    expect(document.activeElement).toBe($('#reply-body'))
    // An "a" typed into the reply is a letter, not "assign".
    await press('a', $('#reply-body'))
    expect(api.patch).not.toHaveBeenCalled()
    ;($('#reply-body') as HTMLTextAreaElement).blur()
    await press('n')
    // n switches the composer to its note tab and puts the cursor there; r switches back.
    expect(document.activeElement).toBe($('#note-body'))
    expect($('#composer-tab-note').getAttribute('aria-selected')).toBe('true')
    expect($('#composer-reply').hidden).toBe(true)
    ;($('#note-body') as HTMLTextAreaElement).blur()
    await press('r')
    expect(document.activeElement).toBe($('#reply-body'))
    expect($('#composer-note').hidden).toBe(true)
    ;($('#reply-body') as HTMLTextAreaElement).blur()
    await press('n')
    ;($('#note-body') as HTMLTextAreaElement).blur()
    await press('a')
    expect(api.patch).toHaveBeenLastCalledWith('tk_1', { version: 3, assigneeId: ME.id })
    await press('e')
    expect(api.patch).toHaveBeenLastCalledWith('tk_1', {
      version: expect.any(Number),
      status: 'resolved',
    })
  })

  it('lists every shortcut with ?, and Escape closes the list', async () => {
    await renderConsole('/console', fakeApi())
    await press('?')
    const dialog = $('[role="dialog"]')
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect([...dialog.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual([
      'j / k',
      'Enter',
      'r',
      'n',
      'a',
      'e',
      '/',
      '?',
    ])
    await press('Escape')
    expect(document.querySelector('[role="dialog"]')).toBeNull()
  })
})
