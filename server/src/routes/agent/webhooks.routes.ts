import { randomBytes } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import {
  deleteWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  type WebhookEndpoint,
} from '../../db/webhooks.repository.ts'
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
  type WebhookDeliveryRow,
} from '../../db/webhooks.table.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { readQuery } from '../../http/query.ts'
import { newId } from '../../ids.ts'
import { defaultTargetPolicy } from '../../adapters/webhooks/webhook-targets.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { webhookUrlProblem } from '../../services/webhooks/endpoint-url.ts'

export const webhookEndpointBody = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
  description: z.string().trim().max(200).optional(),
})

export const deliveriesQuery = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  endpoint: z.string().max(64).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

const MAX_ENDPOINTS = 20

/** Managing where events go is an owner's call: endpoints receive shopper data. */
function requireOwner(c: Context<AppEnv>) {
  if (c.get('agent').role !== 'owner') {
    throw new AppError('agent_forbidden', 'Only the store’s owners manage webhooks.')
  }
}

function endpointJson(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    description: e.description,
    /** The secret is shown once, at creation; this helps tell endpoints' secrets apart. */
    secretHint: `…${e.secret.slice(-4)}`,
    createdAt: new Date(e.created_at).toISOString(),
  }
}

function deliveryJson(d: WebhookDeliveryRow) {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())
  return {
    id: d.id,
    endpointId: d.endpoint_id,
    eventId: d.event_id,
    event: d.event,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    lastResponseCode: d.last_status_code,
    lastError: d.last_error,
    nextAttemptAt: d.status === 'retrying' ? iso(d.next_attempt_at) : null,
    createdAt: iso(d.created_at),
    updatedAt: iso(d.updated_at),
    deliveredAt: iso(d.delivered_at),
    payload: JSON.parse(d.payload) as unknown,
  }
}

/**
 * Outbound webhooks of the agent's store: endpoints (owners only) and the delivery log (any
 * agent of the store). Everything is read and written within the agent's own store.
 */
export const agentWebhookRoutes = new Hono<AppEnv>()
  .get('/v1/agent/webhooks', requireAgent, async (c) => {
    requireOwner(c)
    const endpoints = await listWebhookEndpoints(c.get('deps').db, c.get('store').id)
    return c.json({ endpoints: endpoints.map(endpointJson) })
  })
  .post('/v1/agent/webhooks', requireAgent, async (c) => {
    requireOwner(c)
    const body = await readJson(c, webhookEndpointBody)
    const { db, clock, config, webhookTargets } = c.get('deps')
    const storeId = c.get('store').id
    const problem = await webhookUrlProblem(
      body.url,
      config.env,
      webhookTargets ?? defaultTargetPolicy,
    )
    if (problem !== null) throw new AppError('validation_failed', `url: ${problem}`)
    if ((await listWebhookEndpoints(db, storeId)).length >= MAX_ENDPOINTS) {
      throw new AppError('validation_failed', `A store has at most ${MAX_ENDPOINTS} endpoints.`)
    }
    const endpoint: WebhookEndpoint = {
      id: newId('whe'),
      store_id: storeId,
      url: body.url,
      secret: `whsec_${randomBytes(32).toString('base64url')}`,
      events: [...new Set(body.events)],
      description: body.description ?? null,
      created_at: clock.now().getTime(),
    }
    await insertWebhookEndpoint(db, endpoint)
    return c.json({ endpoint: endpointJson(endpoint), secret: endpoint.secret }, 201)
  })
  .get('/v1/agent/webhooks/deliveries', requireAgent, async (c) => {
    const q = readQuery(c, deliveriesQuery)
    const rows = await listWebhookDeliveries(c.get('deps').db, {
      storeId: c.get('store').id,
      endpointId: q.endpoint,
      status: q.status,
      before: q.before === undefined ? undefined : Date.parse(q.before),
      limit: q.limit,
    })
    return c.json({ deliveries: rows.map(deliveryJson) })
  })
  .delete('/v1/agent/webhooks/:id', requireAgent, async (c) => {
    requireOwner(c)
    const deleted = await deleteWebhookEndpoint(
      c.get('deps').db,
      c.get('store').id,
      c.req.param('id'),
    )
    if (!deleted) throw new AppError('webhook_not_found', 'No such webhook endpoint.')
    return c.body(null, 204)
  })
