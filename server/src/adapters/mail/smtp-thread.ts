/**
 * The SMTP conversation of the threaded mailer (see threaded-smtp-mailer.ts), in a worker
 * thread: nodemailer runs here, on an event loop that the main thread's database work never
 * blocks. One request a message in, one answer out.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { SmtpConfig } from '../../config.ts'
import { DeliveryError } from '../delivery-error.ts'
import type { MailMessage } from './mailer.ts'
import { createSmtpMailer } from './smtp-mailer.ts'

export type ThreadRequest = { kind: 'send'; seq: number; message: MailMessage } | { kind: 'close' }
export type ThreadAnswer =
  | { seq: number; ok: true; messageId: string | undefined }
  | {
      seq: number
      ok: false
      error: Pick<DeliveryError, 'reason' | 'permanent' | 'message' | 'providerCode'>
    }

const port = parentPort
if (port !== null) {
  const mailer = createSmtpMailer(workerData as SmtpConfig)
  port.on('message', (request: ThreadRequest) => {
    if (request.kind === 'close') {
      void mailer.close().then(() => port.close())
      return
    }
    mailer.send(request.message).then(
      ({ messageId }) => port.postMessage({ seq: request.seq, ok: true, messageId }),
      (err: unknown) => {
        const e =
          err instanceof DeliveryError
            ? err
            : new DeliveryError(
                'unavailable',
                false,
                err instanceof Error ? err.message : String(err),
              )
        port.postMessage({
          seq: request.seq,
          ok: false,
          error: {
            reason: e.reason,
            permanent: e.permanent,
            message: e.message,
            providerCode: e.providerCode,
          },
        } satisfies ThreadAnswer)
      },
    )
  })
}
