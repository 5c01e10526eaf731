/**
 * A server-sent event stream that survives drops. Stream tickets are single use, so the
 * browser's own EventSource retry can only fail: on any error we close it, ask for a fresh
 * ticket and reopen after the last event id we saw, so the server replays what we missed
 * (docs/chat-api.md). Shared by the panel's chat and the console.
 */
export interface StreamOptions {
  /** The URL of a fresh ticket, or null when none could be had (retried with backoff). */
  ticketUrl: () => Promise<string | null>
  /** Where to resume from before any event arrived (the `cursor` of the first fetch). */
  startAfter: string | null
  events: readonly string[]
  onEvent: (name: string, data: unknown) => void
  /** true once a stream is open, false while reconnecting. */
  onLive?: (live: boolean) => void
}

export interface Stream {
  close(): void
}

const MAX_BACKOFF_MS = 30_000

export function openStream(options: StreamOptions): Stream {
  let last = options.startAfter
  let source: EventSource | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let closed = false
  let backoff = 1000

  const retry = () => {
    if (closed) return
    timer = setTimeout(connect, backoff)
    // Doubling with a cap: a server that is down is not hammered by every open panel.
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
  }

  async function connect() {
    const url = await options.ticketUrl().catch(() => null)
    if (closed) return
    if (url === null) return retry()
    const es = new EventSource(
      last === null ? url : `${url}&lastEventId=${encodeURIComponent(last)}`,
    )
    source = es
    for (const name of options.events) {
      es.addEventListener(name, (e) => {
        const event = e as MessageEvent<string>
        // Ephemeral events (typing) carry no id; the browser then repeats the previous one.
        if (event.lastEventId !== '') last = event.lastEventId
        let data: unknown
        try {
          data = JSON.parse(event.data)
        } catch {
          return
        }
        options.onEvent(name, data)
      })
    }
    es.onopen = () => {
      backoff = 1000
      options.onLive?.(true)
    }
    es.onerror = () => {
      es.close()
      if (source !== es) return
      source = undefined
      options.onLive?.(false)
      retry()
    }
  }

  void connect()
  return {
    close() {
      closed = true
      clearTimeout(timer)
      source?.close()
      source = undefined
    },
  }
}
