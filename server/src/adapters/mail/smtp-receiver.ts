import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import type { Logger } from '../../logger.ts'

/** What the receiver hands over: the raw message and the envelope's recipients. */
export type InboundHandler = (raw: Buffer, recipients: string[]) => Promise<void>

export interface SmtpReceiver {
  port: number
  close(): Promise<void>
}

/**
 * The built-in SMTP receiver an MX record points at: plain SMTP on INBOUND_SMTP_PORT, no
 * authentication (mail servers deliver to an MX anonymously), only recipients at our inbound
 * domain accepted (so it relays nothing and is no open relay), and SIZE advertised and enforced
 * so a message over the limit is refused before its body is read into memory. The handler's
 * failures answer 451 (the sender tries again later); what it drops it drops quietly (250), so
 * a sender is never told which addresses exist.
 */
export async function startSmtpReceiver(options: {
  host: string
  port: number
  domain: string
  maxBytes: number
  logger: Logger
  onMessage: InboundHandler
}): Promise<SmtpReceiver> {
  const { logger, domain } = options
  const server = new SMTPServer({
    name: domain,
    banner: 'Porchlight',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf('@')
      if (address.address.slice(at + 1).toLowerCase() !== domain) {
        return callback(Object.assign(new Error('Relay access denied'), { responseCode: 550 }))
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      let bytes = 0
      stream.on('data', (c: Buffer) => {
        bytes += c.length
        // Past the limit nothing more is kept; smtp-server reads on and flags sizeExceeded.
        if (bytes <= options.maxBytes) chunks.push(c)
      })
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > options.maxBytes) {
          logger.info('inbound mail dropped', { via: 'smtp', reason: 'too_large', bytes })
          return callback(
            Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }),
          )
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address)
        options.onMessage(Buffer.concat(chunks), recipients).then(
          () => callback(),
          (err: unknown) => {
            logger.warn('inbound mail failed', { via: 'smtp', error: String(err) })
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
          },
        )
      })
    },
  })
  server.on('error', (err) => logger.warn('inbound SMTP error', { error: String(err) }))
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject)
      resolve()
    })
  })
  const port = (server.server.address() as AddressInfo).port
  logger.info('inbound SMTP listening', { host: options.host, port })
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
