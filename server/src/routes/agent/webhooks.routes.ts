import type { WebhookEndpointJson } from '@porchlight/shared/api/team'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { listWebhookDeliveries, listWebhookEndpoints } from '../../db/webhooks.repository.ts'
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '../../db/webhooks.table.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { readQuery } from '../../http/query.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { ownersOnly } from '../../middleware/owner-only.ts'
import {
  addEndpoint,
  deliveryJson,
  editEndpoint,
  endpointJson,
  removeEndpoint,
  resendDelivery,
  rotateEndpointSecret,
} from '../../services/webhooks/endpoints.ts'

const url = z.string().trim().min(1).max(2000)
const events = z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length)

export const webhookEndpointBody = z.strictObject({
  url,
  events,
  description: z.string().trim().max(200).optional(),
})

export const webhookEndpointChangeBody = z
  .strictObject({
    version: z.number().int().min(1),
    url: url.optional(),
    events: events.optional(),
    /** An empty description removes it. */
    description: z.string().trim().max(200).nullable().optional(),
  })
  .refine((b) => b.url !== undefined || b.events !== undefined || b.description !== undefined, {
    message: 'send url, events or description',
    path: ['events'],
  })

export const rotateSecretBody = z.strictObject({ version: z.number().int().min(1) })

export const deliveriesQuery = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  endpoint: z.string().max(64).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

const ID = '[A-Za-z0-9_-]{1,64}'
const ENDPOINT = `/v1/agent/webhooks/:id{${ID}}`
const owners = ownersOnly('manage its webhooks')

const actorOf = (c: Context<AppEnv>) => ({ id: c.get('agent').agentId, name: c.get('agent').name })

type Failure =
  | { ok: false; code: 'webhook_not_found' }
  | { ok: false; code: 'version_conflict'; endpoint: WebhookEndpointJson }
  | { ok: false; code: 'validation_failed'; message: string }

/** The success of an endpoint change, or its failure thrown as the error answer. */
function changed<T extends { ok: true }>(result: T | Failure): T {
  if (result.ok) return result
  switch (result.code) {
    case 'version_conflict':
      throw new AppError('version_conflict', 'Someone changed this endpoint first.', {
        endpoint: result.endpoint,
      })
    case 'validation_failed':
      throw new AppError('validation_failed', result.message)
    default:
      throw new AppError('webhook_not_found', 'No such webhook endpoint.')
  }
}

/**
 * Outbound webhooks of the agent's store: any agent reads the endpoints and the delivery log;
 * owners add, change and remove endpoints, rotate secrets and send a delivery again.
 * Everything is read and written within the agent's own store.
 */
export const agentWebhookRoutes = new Hono<AppEnv>()
  .use('/v1/agent/webhooks', requireAgent)
  .use('/v1/agent/webhooks/*', requireAgent)
  .get('/v1/agent/webhooks', async (c) => {
    const endpoints = await listWebhookEndpoints(c.get('deps').db, c.get('store').id)
    return c.json({
      endpoints: endpoints.map(endpointJson),
      canEdit: c.get('agent').role === 'owner',
    })
  })
  .post('/v1/agent/webhooks', owners, async (c) => {
    const body = await readJson(c, webhookEndpointBody)
    const result = changed(await addEndpoint(c.get('deps'), actorOf(c), c.get('store').id, body))
    return c.json({ endpoint: result.endpoint, secret: result.secret }, 201)
  })
  .get('/v1/agent/webhooks/deliveries', async (c) => {
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
  .post(`/v1/agent/webhooks/deliveries/:id{${ID}}/resend`, owners, async (c) => {
    const result = await resendDelivery(c.get('deps'), c.get('store').id, c.req.param('id'))
    if (result.ok) return c.json({ delivery: result.delivery }, 201)
    if (result.code === 'delivery_not_found') {
      throw new AppError('delivery_not_found', 'No such delivery in this store.')
    }
    throw new AppError('webhook_not_found', 'The endpoint of this delivery was removed.')
  })
  .patch(ENDPOINT, owners, async (c) => {
    const body = await readJson(c, webhookEndpointChangeBody)
    const where = { storeId: c.get('store').id, id: c.req.param('id'), version: body.version }
    const result = changed(await editEndpoint(c.get('deps'), actorOf(c), where, body))
    return c.json({ endpoint: result.endpoint })
  })
  .post(`${ENDPOINT}/secret`, owners, async (c) => {
    const body = await readJson(c, rotateSecretBody)
    const where = { storeId: c.get('store').id, id: c.req.param('id'), version: body.version }
    const result = changed(await rotateEndpointSecret(c.get('deps'), actorOf(c), where))
    c.header('Cache-Control', 'no-store')
    return c.json({ endpoint: result.endpoint, secret: result.secret })
  })
  .delete(ENDPOINT, owners, async (c) => {
    const deleted = await removeEndpoint(
      c.get('deps'),
      actorOf(c),
      c.get('store').id,
      c.req.param('id'),
    )
    if (!deleted) throw new AppError('webhook_not_found', 'No such webhook endpoint.')
    return c.body(null, 204)
  })
