import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** One message as the receiving SMTP server took it. */
export interface ReceivedMail {
  /** performance.timeOrigin + now() when the DATA phase ended (the message was accepted). */
  at: number
  to: string
  messageId: string | undefined
  subject: string
  raw: string
}

export interface SmtpReceiver {
  port: number
  /** SMTP_URL for a server that sends here. */
  url: string
  received: ReceivedMail[]
  /** Holds every message at the end of DATA from now on, until open(). */
  hold(): void
  /** Lets the held messages through, and every later one. */
  open(): void
  /** Resolves once `predicate` holds for what has arrived, or rejects after `timeoutMs`. */
  waitFor(predicate: (mail: ReceivedMail[]) => boolean, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

/** Header value by name from a raw message, unfolded (RFC 5322 continuation lines). */
export function headerOf(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'))
  const lower = `${name.toLowerCase()}:`
  for (const line of head.split(/\r\n(?![ \t])/)) {
    if (line.toLowerCase().startsWith(lower)) {
      return line
        .slice(lower.length)
        .replace(/\r\n[ \t]+/g, ' ')
        .trim()
    }
  }
  return undefined
}

/**
 * A real SMTP server on a free loopback port for tests and benchmarks that run the server as a
 * process. `delayMs` holds each message's DATA reply that long (a slow mail server); hold()
 * holds them all until open().
 */
export async function startSmtpReceiver(options: { delayMs?: number } = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = []
  // While held, messages wait at the end of DATA (a mail server that does not answer yet).
  let gate: Array<() => void> | undefined
  const waiters = new Set<() => void>()
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The server's pool keeps a few connections; a crashed sender leaves its own behind.
    maxClients: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const accept = () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          received.push({
            at: performance.timeOrigin + performance.now(),
            to: session.envelope.rcptTo[0]?.address ?? '',
            messageId: headerOf(raw, 'message-id'),
            subject: headerOf(raw, 'subject') ?? '',
            raw,
          })
          for (const wake of waiters) wake()
          callback()
        }
        const pass = () =>
          options.delayMs === undefined ? accept() : setTimeout(accept, options.delayMs)
        if (gate !== undefined) gate.push(pass)
        else pass()
      })
    },
  })
  // A sender killed mid-conversation resets its connection: expected here, not a failure.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    hold() {
      gate ??= []
    },
    open() {
      const held = gate ?? []
      gate = undefined
      for (const pass of held) pass()
    },
    waitFor(predicate, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve()
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`mail did not arrive within ${timeoutMs} ms (${received.length} got)`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
