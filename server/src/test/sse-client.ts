/** One server-sent event as a client sees it. */
export interface SseEvent {
  id: string | undefined
  event: string
  data: unknown
}

/**
 * Reads an SSE response body event by event, the way EventSource would, for tests that call
 * `app.request()` (or fetch against a spawned server). Comments are collected apart.
 */
export function readSse(res: Response) {
  if (res.body === null) throw new Error('no body')
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const queue: SseEvent[] = []
  const comments: string[] = []
  let ended = false

  const parse = () => {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end === -1) return
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      let id: string | undefined
      let event = 'message'
      const data: string[] = []
      let isComment = true
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          comments.push(line.slice(1).trim())
          continue
        }
        isComment = false
        const i = line.indexOf(':')
        const field = i === -1 ? line : line.slice(0, i)
        const value = i === -1 ? '' : line.slice(i + 1).replace(/^ /, '')
        if (field === 'id') id = value
        else if (field === 'event') event = value
        else if (field === 'data') data.push(value)
      }
      if (!isComment) queue.push({ id, event, data: JSON.parse(data.join('\n')) })
    }
  }

  const pump = async (): Promise<boolean> => {
    const { value, done } = await reader.read()
    if (done) {
      ended = true
      return false
    }
    buffer += decoder.decode(value, { stream: true })
    parse()
    return true
  }

  return {
    comments,
    get ended() {
      return ended
    },
    /** The next event; throws if the stream ends first. */
    async next(): Promise<SseEvent> {
      while (queue.length === 0) {
        if (!(await pump())) throw new Error('stream ended')
      }
      return queue.shift() as SseEvent
    },
    /** The next event of the given name, skipping others (returned in `skipped`). */
    async nextOf(name: string, skipped: SseEvent[] = []): Promise<SseEvent> {
      for (;;) {
        const e = await this.next()
        if (e.event === name) return e
        skipped.push(e)
      }
    },
    /** Reads until a comment arrives. */
    async nextComment(): Promise<string> {
      const seen = comments.length
      while (comments.length === seen) {
        if (!(await pump())) throw new Error('stream ended')
      }
      return comments[seen] as string
    },
    /** Resolves when the server closes the stream (events read meanwhile stay queued). */
    async untilEnd(): Promise<void> {
      while (await pump()) {
        // keep reading
      }
    },
    close: () => reader.cancel(),
  }
}
