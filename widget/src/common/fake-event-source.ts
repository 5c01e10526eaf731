/**
 * For tests: an EventSource stand-in that records every stream opened and lets a test deliver
 * events or drop the connection. Only tests import this file.
 */
export class FakeEventSource {
  static opened: FakeEventSource[] = []
  url: string
  closed = false
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  private listeners = new Map<string, Array<(e: MessageEvent) => void>>()
  constructor(url: string) {
    this.url = url
    FakeEventSource.opened.push(this)
  }
  addEventListener(name: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn])
  }
  close() {
    this.closed = true
  }
  open() {
    this.onopen?.()
  }
  emit(name: string, data: unknown, id = '') {
    const event = { data: JSON.stringify(data), lastEventId: id } as MessageEvent
    for (const fn of this.listeners.get(name) ?? []) fn(event)
  }
  fail() {
    this.onerror?.()
  }
  static latest(): FakeEventSource {
    const last = FakeEventSource.opened.at(-1)
    if (last === undefined) throw new Error('no stream was opened')
    return last
  }
}
