import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { Mailer } from '../../adapters/mail/mailer.ts'
import type { SmsSender } from '../../adapters/sms/sms-sender.ts'
import type { WebhookSender } from '../../adapters/webhooks/webhook-sender.ts'
import type { Clock } from '../../clock.ts'
import type { OutboxMessageRow } from '../../db/outbox.table.ts'
import type { Logger } from '../../logger.ts'
import { retryDelayMs, type BackoffPolicy } from './backoff.ts'
import type { Finish } from './finish-queue.ts'
import type { OutboxTemplates, QueuedMessage, RenderedMessage } from './outbox.ts'

export type Outcome = 'sent' | 'retried' | 'failed'

export interface DeliverDeps {
  clock: Clock
  log: Logger
  mailer: Mailer
  sms: SmsSender
  webhooks: WebhookSender
  templates: OutboxTemplates
  maxAttempts: number
  backoff: BackoffPolicy
  random: () => number
}

/**
 * Renders and sends one claimed row and says how it ends; the caller writes that down. The row
 * id goes with the message to the transport as its stable identity (the email's Message-ID),
 * so an attempt repeated after a crash can be recognised by whoever receives it.
 */
export async function deliver(
  deps: DeliverDeps,
  row: OutboxMessageRow,
): Promise<{ outcome: Outcome; finish: Omit<Finish, 'id' | 'token'>; logged: () => void }> {
  const { clock, log, templates } = deps
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
    const sent = await send(deps, row, rendered)
    const now = clock.now()
    return {
      outcome: 'sent',
      finish: {
        outcome: { status: 'sent', at: now.getTime() },
        hook: (trx) =>
          template.onDelivered?.(trx, message, now, { providerId: sent.messageId ?? '' }) ??
          Promise.resolve(),
      },
      logged: () =>
        log.info('message sent', {
          outboxId: row.id,
          channel: row.channel,
          template: row.template,
          attempt: row.attempts,
          providerId: sent.messageId,
        }),
    }
  } catch (err) {
    failure =
      err instanceof DeliveryError
        ? err
        : new DeliveryError('unavailable', false, err instanceof Error ? err.message : String(err))
  }
  const now = clock.now()
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
  if (failure.permanent || row.attempts >= deps.maxAttempts) {
    return {
      outcome: 'failed',
      finish: {
        outcome: { status: 'failed', at: now.getTime(), error },
        hook: (trx) => template?.onFailed?.(trx, message, failure, now) ?? Promise.resolve(),
      },
      logged: () => log.warn('message given up', fields),
    }
  }
  const retryAt = now.getTime() + retryDelayMs(row.attempts, deps.backoff, deps.random)
  return {
    outcome: 'retried',
    finish: {
      outcome: { status: 'pending', at: now.getTime(), retryAt, error },
      hook: (trx) =>
        template?.onRetry?.(trx, message, failure, now, new Date(retryAt)) ?? Promise.resolve(),
    },
    logged: () =>
      log.info('message will be retried', { ...fields, retryAt: new Date(retryAt).toISOString() }),
  }
}

async function send(
  deps: DeliverDeps,
  row: OutboxMessageRow,
  rendered: RenderedMessage,
): Promise<{ messageId: string | undefined }> {
  const to = row.recipient
  if (rendered.channel === 'email') {
    const { subject, text, html } = rendered
    return deps.mailer.send({ to, subject, text, html, id: row.id })
  }
  if (rendered.channel === 'sms') {
    return deps.sms.send({ to, body: rendered.body, id: row.id, attempt: row.attempts })
  }
  const { status } = await deps.webhooks.post({
    url: rendered.url,
    body: rendered.body,
    headers: rendered.headers,
  })
  return { messageId: String(status) }
}
