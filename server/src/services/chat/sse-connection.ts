import { MAX_QUEUED_CHUNKS } from './stream-limits.ts'

const encoder = new TextEncoder()

/** One open event stream: an SSE body the server writes into until either side closes it. */
export interface SseConnection {
  readonly response: Response
  readonly closed: boolean
  /** Writes one event; returns false when the stream is closed (or was just dropped as too slow). */
  send(event: { id?: number; event: string; data: unknown }): boolean
  /** A comment line: keeps proxies from timing the connection out, invisible to EventSource. */
  comment(text: string): boolean
  close(): void
}

/**
 * Builds the streaming response. `onClose` runs once, whether the client went away, the server
 * closed the stream, or the client read too slowly and was dropped (it reconnects and replays,
 * so dropping loses nothing while sparing the server an unbounded queue).
 */
export function openSse(onClose: () => void): SseConnection {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined
  let closed = false
  const finish = () => {
    if (closed) return
    closed = true
    onClose()
  }
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      finish()
    },
  })
  const write = (text: string): boolean => {
    if (closed || controller === undefined) return false
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) {
      conn.close()
      return false
    }
    controller.enqueue(encoder.encode(text))
    return true
  }
  const conn: SseConnection = {
    response: new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-store, no-transform',
        // nginx and similar proxies would otherwise buffer the stream into uselessness.
        'X-Accel-Buffering': 'no',
      },
    }),
    get closed() {
      return closed
    },
    send({ id, event, data }) {
      // JSON never contains a raw newline, so one data line always suffices.
      const idLine = id !== undefined ? `id: ${id}\n` : ''
      return write(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    comment(text) {
      return write(`: ${text}\n\n`)
    },
    close() {
      if (closed) return
      try {
        controller?.close()
      } catch {
        // already closed by the runtime
      }
      finish()
    },
  }
  return conn
}
