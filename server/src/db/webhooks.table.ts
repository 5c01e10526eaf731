import type { Selectable } from 'kysely'

export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'request.approved',
  'request.declined',
  'message.created',
  // After a return's approval (services/tickets/return-*.ts) and an appeasement.
  'return.label_ready',
  'return.received',
  'appeasement.created',
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

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
}

/**
 * pending (not tried yet) -> delivered | retrying (a try failed, another is due) -> failed
 * (given up). The outbox carries the actual delivery; this row is the log agents read.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed'] as const
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number]

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
}

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>
