import { Worker } from 'node:worker_threads'
import type { SmtpConfig } from '../../config.ts'
import { DeliveryError } from '../delivery-error.ts'
import type { Mailer, MailMessage } from './mailer.ts'
import type { ThreadAnswer, ThreadRequest } from './smtp-thread.ts'

// Beside this module: smtp-thread.ts in the sources, smtp-thread.mjs in the server bundle
// (server/dist, where this code lives in main.mjs).
const SMTP_THREAD = new URL(
  import.meta.url.endsWith('.mjs') ? './smtp-thread.mjs' : './smtp-thread.ts',
  import.meta.url,
)

/**
 * SMTP from a worker thread. On SQLite every commit's fsync blocks the main event loop, and an
 * SMTP conversation needs several round trips per message, each waiting for a turn of that
 * loop: under write load the outbox sent a few messages a second while tickets poured in. In
 * its own thread the conversation goes at the mail server's pace, whatever the main thread
 * does. The thread starts with the first message (an idle server pays nothing for it).
 */
export function createThreadedSmtpMailer(config: SmtpConfig): Mailer {
  let worker: Worker | undefined
  let seq = 0
  const waiting = new Map<
    number,
    { resolve: (id: string | undefined) => void; reject: (e: Error) => void }
  >()

  function failAll(message: string) {
    for (const { reject } of waiting.values()) {
      reject(new DeliveryError('unavailable', false, message))
    }
    waiting.clear()
  }

  function thread(): Worker {
    if (worker !== undefined) return worker
    const w = new Worker(SMTP_THREAD, { workerData: config })
    w.on('message', (answer: ThreadAnswer) => {
      const entry = waiting.get(answer.seq)
      if (entry === undefined) return
      waiting.delete(answer.seq)
      if (answer.ok) entry.resolve(answer.messageId)
      else {
        const e = answer.error
        entry.reject(new DeliveryError(e.reason, e.permanent, e.message, e.providerCode))
      }
    })
    w.on('error', (err: Error) => failAll(`mail thread failed: ${err.message}`))
    w.on('exit', () => {
      if (worker === w) worker = undefined
      failAll('mail thread stopped')
    })
    // Only messages waiting for an answer keep the process alive.
    w.unref()
    worker = w
    return w
  }

  return {
    available: true,
    send(message: MailMessage) {
      return new Promise((resolve, reject) => {
        seq += 1
        waiting.set(seq, { resolve: (messageId) => resolve({ messageId }), reject })
        thread().postMessage({ kind: 'send', seq, message } satisfies ThreadRequest)
      })
    },
    async close() {
      const w = worker
      if (w === undefined) return
      worker = undefined
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()))
      w.postMessage({ kind: 'close' } satisfies ThreadRequest)
      // The thread ends once its connections are closed; sends still going are cut.
      const timer = setTimeout(() => void w.terminate(), 250)
      await exited
      clearTimeout(timer)
    },
  }
}
