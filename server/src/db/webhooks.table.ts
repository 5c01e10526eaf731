import type { Generated, Selectable } from 'kysely'

import type { WebhookDeliveryStatus, WebhookEvent } from '@porchlight/shared/api/team'

export {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
  type WebhookDeliveryStatus,
  type WebhookEvent,
} from '@porchlight/shared/api/team'

/** Where a store wants its events posted (a helpdesk, Zapier, its own service). */
export interface WebhookEndpointsTable {
  id: string
  store_id: string
  url: string
  /** Signs every delivery (HMAC-SHA256); shown once when the endpoint is created. */
  secret: string
  /** JSON array of WebhookEvent. */
  events: string
  description: string | null
  created_at: number
  /** Bumped by every change from the console (optimistic saves). */
  version: Generated<number>
  secret_rotated_at: number | null
}

/** The outbox carries the actual delivery; this row is the log agents read. */
export interface WebhookDeliveriesTable {
  id: string
  store_id: string
  endpoint_id: string
  /** Same for every endpoint that receives the event, so receivers can de-duplicate. */
  event_id: string
  event: WebhookEvent
  url: string
  /** The exact JSON body posted (and signed). */
  payload: string
  status: WebhookDeliveryStatus
  attempts: number
  last_status_code: number | null
  last_error: string | null
  next_attempt_at: number | null
  created_at: number
  updated_at: number
  delivered_at: number | null
  /** The delivery this one repeats, when an owner sent it again by hand. */
  resent_of: string | null
}

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>
