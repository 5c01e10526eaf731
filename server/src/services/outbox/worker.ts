import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { Mailer } from '../../adapters/mail/mailer.ts'
import type { SmsSender } from '../../adapters/sms/sms-sender.ts'
import {
  createHttpWebhookSender,
  type WebhookSender,
} from '../../adapters/webhooks/webhook-sender.ts'
import type { Clock } from '../../clock.ts'
import {
  claimOutboxMessage,
  findClaimableIds,
  finishOutboxMessage,
} from '../../db/outbox.repository.ts'
import type { OutboxMessageRow } from '../../db/outbox.table.ts'
import type { Database } from '../../db/schema.ts'
import { logTaskFailure } from '../../db/storage-health.ts'
import type { Logger } from '../../logger.ts'
import { defaultBackoff, retryDelayMs, type BackoffPolicy } from './backoff.ts'
import type { OutboxTemplates, QueuedMessage, RenderedMessage } from './outbox.ts'

export interface DrainResult {
  sent: number
  retried: number
  failed: number
}

/** Delivers queued messages. One per process; several processes may share one database. */
export interface OutboxWorker {
  /** Delivers every message that is due now, then resolves. Tests drive delivery with it. */
  drain(): Promise<DrainResult>
  /** Asks the background loop to look soon (after a commit that queued something). */
  wake(): void
  /** Starts the background loop (polling, plus wake-ups). */
  start(): void
  /** Stops the loop, waits for the delivery in progress, closes the transports. */
  stop(): Promise<void>
}

export interface OutboxWorkerOptions {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  mailer: Mailer
  sms: SmsSender
  /** Posts the 'webhook' channel (default: fetch, no redirects, 10 s timeout). */
  webhooks?: WebhookSender
  templates: OutboxTemplates
  pollIntervalMs?: number
  batchSize?: number
  maxAttempts?: number
  /** How long a claim holds; longer than any send may take, so a slow send is not doubled. */
  leaseMs?: number
  backoff?: BackoffPolicy
  random?: () => number
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, logger, templates } = options
  const pollIntervalMs = options.pollIntervalMs ?? 2_000
  const batchSize = options.batchSize ?? 10
  const maxAttempts = options.maxAttempts ?? 8
  const leaseMs = options.leaseMs ?? 120_000
  const backoff = options.backoff ?? defaultBackoff
  const random = options.random ?? Math.random
  const webhooks = options.webhooks ?? createHttpWebhookSender()
  const log = logger.child({ component: 'outbox' })

  async function deliverOne(row: OutboxMessageRow, token: string): Promise<keyof DrainResult> {
    const message: QueuedMessage = {
      id: row.id,
      channel: row.channel,
      to: row.recipient,
      template: row.template,
      params: JSON.parse(row.params) as Record<string, unknown>,
      storeId: row.store_id,
      attempts: row.attempts,
    }
    const template = templates[row.template]
    let failure: DeliveryError
    try {
      if (template === undefined) {
        throw new DeliveryError('rejected', true, `no template named ${row.template}`)
      }
      if (row.not_after !== null && clock.now().getTime() >= row.not_after) {
        throw new DeliveryError('rejected', true, 'expired before it could be delivered')
      }
      const rendered = await template.render(message)
      if (rendered.channel !== row.channel) {
        throw new DeliveryError('rejected', true, `template rendered ${rendered.channel}`)
      }
      const sent = await send(row.recipient, rendered)
      const now = clock.now()
      const kept = await db.transaction().execute(async (trx) => {
        const ok = await finishOutboxMessage(trx, row.id, token, {
          status: 'sent',
          at: now.getTime(),
        })
        if (ok) {
          await template.onDelivered?.(trx, message, now, { providerId: sent.messageId ?? '' })
        }
        return ok
      })
      if (!kept) log.warn('sent after losing the claim', { outboxId: row.id })
      log.info('message sent', {
        outboxId: row.id,
        channel: row.channel,
        template: row.template,
        attempt: row.attempts,
        providerId: sent.messageId,
      })
      return 'sent'
    } catch (err) {
      failure =
        err instanceof DeliveryError
          ? err
          : new DeliveryError(
              'unavailable',
              false,
              err instanceof Error ? err.message : String(err),
            )
    }
    const now = clock.now()
    const giveUp = failure.permanent || row.attempts >= maxAttempts
    const fields = {
      outboxId: row.id,
      channel: row.channel,
      template: row.template,
      attempt: row.attempts,
      reason: failure.reason,
      providerCode: failure.providerCode,
      error: failure.message,
    }
    const error = `${failure.reason}${failure.providerCode ? ` (${failure.providerCode})` : ''}: ${failure.message}`
    if (giveUp) {
      await db.transaction().execute(async (trx) => {
        const ok = await finishOutboxMessage(trx, row.id, token, {
          status: 'failed',
          at: now.getTime(),
          error,
        })
        if (ok) await template?.onFailed?.(trx, message, failure, now)
      })
      log.warn('message given up', fields)
      return 'failed'
    }
    const retryAt = now.getTime() + retryDelayMs(row.attempts, backoff, random)
    await db.transaction().execute(async (trx) => {
      const ok = await finishOutboxMessage(trx, row.id, token, {
        status: 'pending',
        at: now.getTime(),
        retryAt,
        error,
      })
      if (ok) await template?.onRetry?.(trx, message, failure, now, new Date(retryAt))
    })
    log.info('message will be retried', { ...fields, retryAt: new Date(retryAt).toISOString() })
    return 'retried'
  }

  async function send(
    to: string,
    rendered: RenderedMessage,
  ): Promise<{ messageId: string | undefined }> {
    if (rendered.channel === 'email') return options.mailer.send({ to, ...pick(rendered) })
    if (rendered.channel === 'sms') return options.sms.send({ to, body: rendered.body })
    const { status } = await webhooks.post({
      url: rendered.url,
      body: rendered.body,
      headers: rendered.headers,
    })
    return { messageId: String(status) }
  }

  async function drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0 }
    // Each round only sees rows due now; rows that fail move into the future, so this ends.
    for (;;) {
      const now = clock.now().getTime()
      const ids = await findClaimableIds(db, now, batchSize)
      if (ids.length === 0) return result
      const token = randomBytes(12).toString('base64url')
      const claimed = (
        await Promise.all(
          ids.map((id) => claimOutboxMessage(db, id, { token, now, leaseUntil: now + leaseMs })),
        )
      ).filter((row): row is OutboxMessageRow => row !== undefined)
      // Everything due was taken by another worker: let it finish its rows.
      if (claimed.length === 0) return result
      const outcomes = await Promise.all(claimed.map((row) => deliverOne(row, token)))
      for (const outcome of outcomes) result[outcome] += 1
    }
  }

  let running: Promise<DrainResult> | undefined
  let again = false
  let timer: NodeJS.Timeout | undefined
  let started = false

  function drain(): Promise<DrainResult> {
    if (running !== undefined) {
      // A drain is under way; run one more afterwards so rows queued meanwhile are not missed.
      again = true
      return running.then(() => drain())
    }
    running = drainOnce().finally(() => {
      running = undefined
    })
    return running
  }

  function tick() {
    timer = undefined
    if (!started) return
    drain()
      .catch((err: unknown) => logTaskFailure({ db, logger: log }, 'outbox drain failed', err))
      .finally(() => {
        if (!started) return
        const delay = again ? 0 : pollIntervalMs
        again = false
        timer = setTimeout(tick, delay)
        timer.unref()
      })
  }

  return {
    drain,
    wake() {
      if (!started) return
      if (running !== undefined) {
        again = true
        return
      }
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(tick, 0)
      timer.unref()
    },
    start() {
      if (started) return
      started = true
      timer = setTimeout(tick, 0)
      timer.unref()
    },
    async stop() {
      started = false
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      await running?.catch(() => undefined)
      await Promise.all([options.mailer.close(), options.sms.close()])
    },
  }
}

function pick(m: { subject: string; text: string; html: string }) {
  return { subject: m.subject, text: m.text, html: m.html }
}
