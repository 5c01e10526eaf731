import { randomBytes } from 'node:crypto'
import type { WebhookDeliveryJson, WebhookEndpointJson } from '@porchlight/shared/api/team'
import type { Kysely } from 'kysely'
import {
  defaultTargetPolicy,
  type WebhookTargetPolicy,
} from '../../adapters/webhooks/webhook-targets.ts'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Database } from '../../db/schema.ts'
import { lockStoreRow } from '../../db/team.repository.ts'
import {
  changeWebhookEndpoint,
  countWebhookEndpoints,
  deleteWebhookEndpoint,
  findStoreDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  type WebhookEndpoint,
} from '../../db/webhooks.repository.ts'
import type { WebhookDeliveryRow, WebhookEvent } from '../../db/webhooks.table.ts'
import { newId } from '../../ids.ts'
import type { OutboxWorker } from '../outbox/worker.ts'
import { recordTeamChange, type Actor, type TeamChange } from '../team/team-history.ts'
import { queueWebhookDelivery } from './emit.ts'
import { webhookUrlProblem } from './endpoint-url.ts'

/** A store has at most this many endpoints. */
export const MAX_ENDPOINTS = 20

export interface EndpointDeps {
  db: Kysely<Database>
  clock: Clock
  config: Pick<Config, 'env'>
  outbox: Pick<OutboxWorker, 'wake'>
  webhookTargets?: WebhookTargetPolicy | undefined
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`

export function endpointJson(e: WebhookEndpoint): WebhookEndpointJson {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    description: e.description,
    secretHint: `…${e.secret.slice(-4)}`,
    version: e.version,
    createdAt: new Date(e.created_at).toISOString(),
    secretRotatedAt: iso(e.secret_rotated_at),
  }
}

export function deliveryJson(d: WebhookDeliveryRow): WebhookDeliveryJson {
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
    resentOf: d.resent_of,
    payload: JSON.parse(d.payload) as unknown,
  }
}

type Invalid = { ok: false; code: 'validation_failed'; message: string }

async function urlProblem(deps: EndpointDeps, url: string): Promise<Invalid | undefined> {
  const problem = await webhookUrlProblem(
    url,
    deps.config.env,
    deps.webhookTargets ?? defaultTargetPolicy,
  )
  return problem === null
    ? undefined
    : { ok: false, code: 'validation_failed', message: `url: ${problem}` }
}

const field = (id: string, what: string) => `webhooks.${id}.${what}`

/** Adds an endpoint with a new secret (answered this once), within the store's limit. */
export async function addEndpoint(
  deps: EndpointDeps,
  actor: Actor,
  storeId: string,
  input: { url: string; events: WebhookEvent[]; description?: string | undefined },
): Promise<{ ok: true; endpoint: WebhookEndpointJson; secret: string } | Invalid> {
  const invalid = await urlProblem(deps, input.url)
  if (invalid !== undefined) return invalid
  const endpoint: WebhookEndpoint = {
    id: newId('whe'),
    store_id: storeId,
    url: input.url,
    secret: newSecret(),
    events: [...new Set(input.events)],
    description: input.description ?? null,
    created_at: deps.clock.now().getTime(),
    version: 1,
    secret_rotated_at: null,
  }
  const added = await deps.db.transaction().execute(async (trx) => {
    await lockStoreRow(trx, storeId)
    if ((await countWebhookEndpoints(trx, storeId)) >= MAX_ENDPOINTS) return false
    await insertWebhookEndpoint(trx, endpoint)
    await recordTeamChange(trx, {
      storeId,
      actor,
      section: 'webhooks',
      changes: [
        { field: field(endpoint.id, 'url'), old: null, new: endpoint.url },
        { field: field(endpoint.id, 'events'), old: null, new: endpoint.events },
        { field: field(endpoint.id, 'secret'), old: null, new: null, secret: true },
      ],
      at: endpoint.created_at,
    })
    return true
  })
  if (!added) {
    return {
      ok: false,
      code: 'validation_failed',
      message: `A store has at most ${MAX_ENDPOINTS} endpoints.`,
    }
  }
  return { ok: true, endpoint: endpointJson(endpoint), secret: endpoint.secret }
}

type Changed<T> =
  | ({ ok: true; endpoint: WebhookEndpointJson } & T)
  | { ok: false; code: 'webhook_not_found' }
  | { ok: false; code: 'version_conflict'; endpoint: WebhookEndpointJson }

/**
 * Writes one change of an endpoint at the version the owner saw, with its history entry, in
 * one transaction; a stale version answers the endpoint as it is now.
 */
async function changeAt<T extends object>(
  deps: EndpointDeps,
  actor: Actor,
  where: { storeId: string; id: string; version: number },
  plan: (current: WebhookEndpoint) => {
    changes: Parameters<typeof changeWebhookEndpoint>[2]
    history: TeamChange[]
    extra: T
  },
): Promise<Changed<T>> {
  return deps.db.transaction().execute(async (trx): Promise<Changed<T>> => {
    const current = await findWebhookEndpoint(trx, where.storeId, where.id)
    if (current === undefined) return { ok: false, code: 'webhook_not_found' }
    const conflict = {
      ok: false,
      code: 'version_conflict',
      endpoint: endpointJson(current),
    } as const
    if (current.version !== where.version) return conflict
    const { changes, history, extra } = plan(current)
    if (history.length > 0) {
      if (!(await changeWebhookEndpoint(trx, where, changes))) {
        const fresh = await findWebhookEndpoint(trx, where.storeId, where.id)
        return fresh === undefined
          ? { ok: false, code: 'webhook_not_found' }
          : { ok: false, code: 'version_conflict', endpoint: endpointJson(fresh) }
      }
      await recordTeamChange(trx, {
        storeId: where.storeId,
        actor,
        section: 'webhooks',
        changes: history,
        at: deps.clock.now().getTime(),
      })
    }
    const after = (await findWebhookEndpoint(trx, where.storeId, where.id)) ?? current
    return { ok: true, endpoint: endpointJson(after), ...extra }
  })
}

/**
 * Changes an endpoint's address, events or description. Deliveries still queued or retrying
 * go to the new address from their next attempt (each attempt reads the endpoint).
 */
export async function editEndpoint(
  deps: EndpointDeps,
  actor: Actor,
  where: { storeId: string; id: string; version: number },
  input: {
    url?: string | undefined
    events?: WebhookEvent[] | undefined
    description?: string | null | undefined
  },
): Promise<Changed<object> | Invalid> {
  if (input.url !== undefined) {
    const invalid = await urlProblem(deps, input.url)
    if (invalid !== undefined) return invalid
  }
  return changeAt(deps, actor, where, (current) => {
    const changes: Parameters<typeof changeWebhookEndpoint>[2] = {}
    const history: TeamChange[] = []
    if (input.url !== undefined && input.url !== current.url) {
      changes.url = input.url
      history.push({ field: field(current.id, 'url'), old: current.url, new: input.url })
    }
    const events = input.events === undefined ? undefined : [...new Set(input.events)]
    if (events !== undefined && JSON.stringify(events) !== JSON.stringify(current.events)) {
      changes.events = events
      history.push({ field: field(current.id, 'events'), old: current.events, new: events })
    }
    const description = input.description === '' ? null : input.description
    if (description !== undefined && description !== current.description) {
      changes.description = description
      history.push({
        field: field(current.id, 'description'),
        old: current.description,
        new: description,
      })
    }
    return { changes, history, extra: {} }
  })
}

/**
 * Gives an endpoint a new secret, answered this once. The old one stops at once: each attempt
 * is signed when it is made, so deliveries still queued or retrying are signed with the new
 * secret; an attempt already on the wire carries the old signature.
 */
export async function rotateEndpointSecret(
  deps: EndpointDeps,
  actor: Actor,
  where: { storeId: string; id: string; version: number },
): Promise<Changed<{ secret: string }>> {
  const secret = newSecret()
  return changeAt(deps, actor, where, (current) => ({
    changes: { secret, secret_rotated_at: deps.clock.now().getTime() },
    history: [{ field: field(current.id, 'secret'), old: null, new: null, secret: true }],
    extra: { secret },
  }))
}

/** Removes an endpoint; its queued deliveries end at their next attempt. False when none. */
export async function removeEndpoint(
  deps: EndpointDeps,
  actor: Actor,
  storeId: string,
  id: string,
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await findWebhookEndpoint(trx, storeId, id)
    if (current === undefined || !(await deleteWebhookEndpoint(trx, storeId, id))) return false
    await recordTeamChange(trx, {
      storeId,
      actor,
      section: 'webhooks',
      changes: [{ field: field(id, 'url'), old: current.url, new: null }],
      at: deps.clock.now().getTime(),
    })
    return true
  })
}

/**
 * Sends a delivery again: a new delivery of the same event and body to the endpoint as it is
 * now, signed at its own attempt like every other, logged with the one it repeats.
 */
export async function resendDelivery(
  deps: EndpointDeps,
  storeId: string,
  deliveryId: string,
): Promise<
  | { ok: true; delivery: WebhookDeliveryJson }
  | { ok: false; code: 'delivery_not_found' | 'webhook_not_found' }
> {
  const now = deps.clock.now()
  const result = await deps.db.transaction().execute(async (trx) => {
    const original = await findStoreDelivery(trx, storeId, deliveryId)
    if (original === undefined) return { ok: false, code: 'delivery_not_found' } as const
    const endpoint = await findWebhookEndpoint(trx, storeId, original.endpoint_id)
    if (endpoint === undefined) return { ok: false, code: 'webhook_not_found' } as const
    const id = await queueWebhookDelivery(trx, {
      storeId,
      endpoint,
      eventId: original.event_id,
      event: original.event,
      body: original.payload,
      now,
      resentOf: original.id,
    })
    const queued = await findStoreDelivery(trx, storeId, id)
    if (queued === undefined) throw new Error('the delivery just queued is missing')
    return { ok: true, delivery: deliveryJson(queued) } as const
  })
  if (result.ok) deps.outbox.wake()
  return result
}
