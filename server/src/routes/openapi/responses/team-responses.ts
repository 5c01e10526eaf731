import {
  AGENT_ROLES,
  AGENT_STATES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
  type PasswordLinkSent,
  type PasswordSet,
  type TeamMember,
  type WebhookDeliveryJson,
  type WebhookEndpointJson,
} from '@porchlight/shared/api/team'
import { z } from 'zod'

/**
 * The success answers of the Agents and Webhooks settings, for the OpenAPI document (see
 * agent-responses.ts for why they are typed and strict).
 */

const iso = z.iso.datetime({ offset: true })

const member: z.ZodType<TeamMember> = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(AGENT_ROLES),
  state: z.enum(AGENT_STATES).describe('invited: no password set yet'),
  version: z.number().int().describe('Send it back with a change'),
  createdAt: iso,
})

export const teamResponse = z.strictObject({
  agents: z.array(member),
  canEdit: z.boolean().describe('Whether you may change the team (owners)'),
})

export const memberResponse = z.strictObject({ agent: member })

export const passwordLinkSent: z.ZodType<PasswordLinkSent> = z.strictObject({
  sentTo: z.string(),
  expiresAt: iso,
})

export const passwordSet: z.ZodType<PasswordSet> = z.strictObject({
  email: z.string(),
  store: z.strictObject({ id: z.string(), name: z.string() }),
})

const endpoint: z.ZodType<WebhookEndpointJson> = z.strictObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.string().nullable(),
  secretHint: z.string().describe('The last characters of the secret, to tell endpoints apart'),
  version: z.number().int().describe('Send it back with a change'),
  createdAt: iso,
  secretRotatedAt: iso.nullable(),
})

export const endpointsResponse = z.strictObject({
  endpoints: z.array(endpoint),
  canEdit: z.boolean().describe('Whether you may change them (owners)'),
})

export const endpointResponse = z.strictObject({ endpoint })

export const endpointWithSecret = z.strictObject({
  endpoint,
  secret: z.string().describe('Signs every delivery; shown this once'),
})

const delivery: z.ZodType<WebhookDeliveryJson> = z.strictObject({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  event: z.enum(WEBHOOK_EVENTS),
  url: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastResponseCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: iso.nullable(),
  createdAt: iso.nullable(),
  updatedAt: iso.nullable(),
  deliveredAt: iso.nullable(),
  resentOf: z.string().nullable().describe('The delivery this one sends again'),
  payload: z.unknown().describe('The JSON body that was (or will be) posted'),
})

export const deliveriesResponse = z.strictObject({ deliveries: z.array(delivery) })

export const deliveryResponse = z.strictObject({ delivery })
