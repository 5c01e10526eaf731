// @vitest-environment happy-dom
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  $,
  byText,
  choose,
  click,
  fakeApi,
  pageOf,
  renderConsole,
  submit,
  ticket,
  type,
} from './test-kit.tsx'

afterEach(() => {
  document.body.innerHTML = ''
})

const lastQuery = (api: ReturnType<typeof fakeApi>) =>
  Object.fromEntries((vi.mocked(api.tickets).mock.lastCall![0] as URLSearchParams).entries())

describe('queue', () => {
  it('lists tickets with reference, type, status, channel, shopper, order and age', async () => {
    await renderConsole('/console', fakeApi())
    const cells = [...$('tbody tr').children].map((c) => c.textContent)
    expect(cells.slice(0, 6)).toEqual([
      '#1001',
      'Cancel',
      'OpenRequested',
      'Help center',
      'Ada Shopper',
      '#1042',
    ])
    expect(cells[6]).toMatch(/^\d+ (min|h|d)$/)
    expect($('.pager [role="status"]').textContent).toBe('1–1 of 1')
  })

  it('puts filters, search and page size in the URL, and reads them back after a reload', async () => {
    const api = fakeApi({
      tickets: vi.fn(async () => ({ ...pageOf([ticket()], 120), pageSize: 50 })),
    })
    await renderConsole('/console', api)
    await choose($<HTMLSelectElement>('#f-type'), 'return')
    await choose($<HTMLSelectElement>('#f-status'), 'pending')
    await choose($<HTMLSelectElement>('#f-channel'), 'chat')
    await choose($<HTMLInputElement>('#f-mine'), true)
    await type($<HTMLInputElement>('#f-q'), ' ada@example.com ')
    await submit($<HTMLFormElement>('form.filters'))
    await choose($<HTMLSelectElement>('#page-size'), '50')
    await click(byText('button', 'Next'))
    expect(location.search).toBe(
      '?type=return&status=pending&channel=chat&q=ada%40example.com&mine=1&pageSize=50&page=2',
    )
    expect(lastQuery(api)).toEqual({
      type: 'return',
      status: 'pending',
      channel: 'chat',
      q: 'ada@example.com',
      assignee: 'ag_me',
      pageSize: '50',
      page: '2',
    })

    // A reload: a fresh console at the same URL asks for the same page and shows the same choices.
    const again = fakeApi()
    await renderConsole(`/console${location.search}`, again)
    expect(lastQuery(again)).toEqual(lastQuery(api))
    expect($<HTMLSelectElement>('#f-type').value).toBe('return')
    expect($<HTMLInputElement>('#f-q').value).toBe('ada@example.com')
    expect($<HTMLSelectElement>('#page-size').value).toBe('50')
  })

  it('goes back to page 1 when a filter changes', async () => {
    const api = fakeApi()
    await renderConsole('/console?page=4', api)
    expect(lastQuery(api).page).toBe('4')
    await choose($<HTMLSelectElement>('#f-status'), 'open')
    expect(lastQuery(api).page).toBe('1')
  })

  it('moves between rows with the arrow keys and opens a ticket from its link', async () => {
    const api = fakeApi({
      tickets: async () =>
        pageOf([1, 2, 3].map((n) => ticket({ id: `tk_${n}`, reference: `#${n}` }))),
    })
    await renderConsole('/console', api)
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a.row-link')]
    links[0]!.focus()
    const key = (k: string) =>
      act(() => {
        document.activeElement!.dispatchEvent(
          new KeyboardEvent('keydown', { key: k, bubbles: true }),
        )
      })
    await key('ArrowDown')
    expect(document.activeElement).toBe(links[1])
    await key('End')
    expect(document.activeElement).toBe(links[2])
    await key('ArrowDown')
    expect(document.activeElement).toBe(links[2])
    await key('k')
    expect(document.activeElement).toBe(links[1])
    await click(links[1]!)
    expect(location.pathname).toBe('/console/tickets/tk_2')
    expect(api.ticket).toHaveBeenCalledWith('tk_2')
    // Back to the queue keeps its view.
    await click(byText('a', 'Back to the queue'))
    expect(location.pathname + location.search).toBe('/console')
  })

  it('says so when nothing matches', async () => {
    await renderConsole('/console?q=nobody', fakeApi({ tickets: async () => pageOf([]) }))
    expect($('.empty').textContent).toBe('No tickets match these filters.')
    expect($('.pager [role="status"]').textContent).toBe('0 tickets')
  })
})
