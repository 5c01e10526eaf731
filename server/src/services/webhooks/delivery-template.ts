import type { Kysely } from 'kysely'
import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/schema.ts'
import {
  findWebhookDelivery,
  findWebhookEndpoint,
  recordDeliveryAttempt,
} from '../../db/webhooks.repository.ts'
import type { OutboxTemplate, QueuedMessage } from '../outbox/outbox.ts'
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from './signature.ts'

const deliveryId = (message: QueuedMessage<'webhook'>) => message.params.deliveryId

function statusCode(error: DeliveryError): number | null {
  const code = Number(error.providerCode)
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : null
}

/**
 * The outbox template of webhook deliveries. The secret stays in its table: each attempt reads
 * the endpoint and signs with the attempt's own timestamp. A deleted endpoint ends its
 * deliveries. Every attempt's outcome goes to the delivery log.
 */
export function webhookDeliveryTemplate(deps: {
  db: Kysely<Database>
  clock: Clock
}): OutboxTemplate<'webhook'> {
  return {
    async render(message) {
      const delivery = await findWebhookDelivery(deps.db, deliveryId(message))
      if (delivery === undefined) throw new DeliveryError('rejected', true, 'delivery not found')
      const endpoint = await findWebhookEndpoint(deps.db, delivery.store_id, delivery.endpoint_id)
      if (endpoint === undefined) {
        throw new DeliveryError('rejected', true, 'the endpoint was deleted')
      }
      return {
        channel: 'webhook',
        url: endpoint.url,
        body: delivery.payload,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Porchlight-Webhooks/1',
          [EVENT_HEADER]: delivery.event,
          [DELIVERY_HEADER]: delivery.id,
          [SIGNATURE_HEADER]: signWebhook(endpoint.secret, delivery.payload, deps.clock.now()),
        },
      }
    },
    async onDelivered(trx, message, now, receipt) {
      const code = Number(receipt.providerId)
      await recordDeliveryAttempt(trx, deliveryId(message), {
        status: 'delivered',
        attempts: message.attempts,
        statusCode: Number.isInteger(code) ? code : null,
        error: null,
        nextAttemptAt: null,
        at: now.getTime(),
      })
    },
    async onRetry(trx, message, error, now, retryAt) {
      await recordDeliveryAttempt(trx, deliveryId(message), {
        status: 'retrying',
        attempts: message.attempts,
        statusCode: statusCode(error),
        error: error.message,
        nextAttemptAt: retryAt.getTime(),
        at: now.getTime(),
      })
    },
    async onFailed(trx, message, error, now) {
      await recordDeliveryAttempt(trx, deliveryId(message), {
        status: 'failed',
        attempts: message.attempts,
        statusCode: statusCode(error),
        error: error.message,
        nextAttemptAt: null,
        at: now.getTime(),
      })
    },
  }
}
