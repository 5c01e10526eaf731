import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { Mailer } from '../../adapters/mail/mailer.ts'
import type { SmsSender } from '../../adapters/sms/sms-sender.ts'
import type { WebhookSender } from '../../adapters/webhooks/webhook-sender.ts'
import type { Clock } from '../../clock.ts'
import type { OutboxMessageRow } from '../../db/outbox.table.ts'
import type { Logger } from '../../logger.ts'
import { retryDelayMs, type BackoffPolicy } from './backoff.ts'
import type { Finish } from './finish-queue.ts'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type {
  DeliveryReceipt,
  OutboxTemplate,
  OutboxTemplates,
  QueuedMessage,
  RenderedMessage,
} from './outbox.ts'
import { isOutboxTemplateName, readPayload, type OutboxTemplateName } from './payloads.ts'

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
  const { clock, log } = deps
  let template: BoundTemplate | undefined
  let failure: DeliveryError
  try {
    const bound = bindTemplate(deps.templates, row)
    template = bound
    if (row.not_after !== null && clock.now().getTime() >= row.not_after) {
      throw new DeliveryError('rejected', true, 'expired before it could be delivered')
    }
    const rendered = await bound.render()
    if (rendered.channel !== row.channel) {
      throw new DeliveryError('rejected', true, `template rendered ${rendered.channel}`)
    }
    const sent = await send(deps, row, rendered)
    const now = clock.now()
    return {
      outcome: 'sent',
      finish: {
        outcome: { status: 'sent', at: now.getTime() },
        hook: (trx) => bound.onDelivered(trx, now, { providerId: sent.messageId ?? '' }),
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
        hook: (trx) => template?.onFailed(trx, failure, now) ?? Promise.resolve(),
      },
      logged: () => log.warn('message given up', fields),
    }
  }
  const retryAt = now.getTime() + retryDelayMs(row.attempts, deps.backoff, deps.random)
  return {
    outcome: 'retried',
    finish: {
      outcome: { status: 'pending', at: now.getTime(), retryAt, error },
      hook: (trx) => template?.onRetry(trx, failure, now, new Date(retryAt)) ?? Promise.resolve(),
    },
    logged: () =>
      log.info('message will be retried', { ...fields, retryAt: new Date(retryAt).toISOString() }),
  }
}

/** A row's template with the row's checked payload bound in. */
interface BoundTemplate {
  render(): Promise<RenderedMessage>
  onDelivered(trx: Kysely<Database>, now: Date, receipt: DeliveryReceipt): Promise<void>
  onRetry(trx: Kysely<Database>, error: DeliveryError, now: Date, retryAt: Date): Promise<void>
  onFailed(trx: Kysely<Database>, error: DeliveryError, now: Date): Promise<void>
}

/** The row's template, given the row's payload once it fits the template's schema. */
function bindTemplate(templates: OutboxTemplates, row: OutboxMessageRow): BoundTemplate {
  const name = row.template
  if (!isOutboxTemplateName(name)) {
    throw new DeliveryError('rejected', true, `no template named ${name}`)
  }
  return bindNamed(templates, name, row)
}

function bindNamed<K extends OutboxTemplateName>(
  templates: OutboxTemplates,
  name: K,
  row: OutboxMessageRow,
): BoundTemplate {
  const template: OutboxTemplate<K> | undefined = templates[name]
  if (template === undefined) throw new DeliveryError('rejected', true, `no template named ${name}`)
  let stored: unknown
  try {
    stored = JSON.parse(row.params)
  } catch {
    stored = undefined
  }
  const params = readPayload(name, stored)
  if (params === undefined) throw new DeliveryError('rejected', true, `malformed ${name} params`)
  const message: QueuedMessage<K> = {
    id: row.id,
    channel: row.channel,
    to: row.recipient,
    template: name,
    params,
    storeId: row.store_id,
    attempts: row.attempts,
  }
  const done = Promise.resolve()
  return {
    render: () => template.render(message),
    onDelivered: (trx, now, receipt) => template.onDelivered?.(trx, message, now, receipt) ?? done,
    onRetry: (trx, error, now, retryAt) =>
      template.onRetry?.(trx, message, error, now, retryAt) ?? done,
    onFailed: (trx, error, now) => template.onFailed?.(trx, message, error, now) ?? done,
  }
}

async function send(
  deps: DeliverDeps,
  row: OutboxMessageRow,
  rendered: RenderedMessage,
): Promise<{ messageId: string | undefined }> {
  const to = row.recipient
  if (rendered.channel === 'email') {
    const { subject, text, html, thread } = rendered
    return deps.mailer.send({ to, subject, text, html, id: row.id, ...(thread ? { thread } : {}) })
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
