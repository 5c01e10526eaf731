import { afterEach, describe, expect, it } from 'vitest'
import { tabbables, wrapTab } from './focus-wrap.ts'

function panel(html: string) {
  document.body.innerHTML = html
}
function tab(shiftKey = false) {
  const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true })
  const moved = wrapTab(event)
  return { moved, prevented: event.defaultPrevented }
}
const focused = () => (document.activeElement as HTMLElement | null)?.id

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the floating panel keeps Tab inside', () => {
  const form = `
    <button id="close">×</button>
    <a id="back" href="#">Back</a>
    <input id="hidden-field" type="hidden">
    <button id="off" disabled>Off</button>
    <div hidden><button id="ghost">Ghost</button></div>
    <span id="heading" tabindex="-1">Heading</span>
    <input id="r1" type="radio" name="reason"><input id="r2" type="radio" name="reason" checked>
    <button id="send">Send</button>`

  it('lists what Tab reaches: no disabled, hidden or tabindex -1, one stop per radio group', () => {
    panel(form)
    expect(tabbables().map((el) => el.id)).toEqual(['close', 'back', 'r2', 'send'])
  })

  it('goes from the last control to the first, and back with Shift+Tab', () => {
    panel(form)
    document.getElementById('send')!.focus()
    expect(tab()).toEqual({ moved: true, prevented: true })
    expect(focused()).toBe('close')
    expect(tab(true)).toEqual({ moved: true, prevented: true })
    expect(focused()).toBe('send')
  })

  it('leaves Tab to the browser between the ends', () => {
    panel(form)
    document.getElementById('back')!.focus()
    expect(tab()).toEqual({ moved: false, prevented: false })
    expect(tab(true)).toEqual({ moved: false, prevented: false })
    expect(focused()).toBe('back')
  })

  it('Shift+Tab from a heading that took focus on navigation goes to the last control', () => {
    panel(form)
    document.getElementById('heading')!.focus()
    expect(tab(true).moved).toBe(true)
    expect(focused()).toBe('send')
  })

  it('takes the first radio of a group none is checked in as its stop', () => {
    panel(`<input id="a" type="radio" name="g"><input id="b" type="radio" name="g">`)
    expect(tabbables().map((el) => el.id)).toEqual(['a'])
  })

  it('does nothing for other keys or a panel with nothing to focus', () => {
    panel(`<p>Loading…</p>`)
    expect(tab()).toEqual({ moved: false, prevented: false })
    panel(form)
    document.getElementById('send')!.focus()
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true })
    expect(wrapTab(enter)).toBe(false)
    expect(focused()).toBe('send')
  })
})
