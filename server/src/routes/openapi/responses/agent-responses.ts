import { RATING_SOURCES } from '@porchlight/shared/api/insights'
import {
  API_TOKEN_SCOPES,
  API_TOKEN_STATES,
  REFUND_STATUSES,
  REQUEST_STATUSES,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type AgentLoginResponse,
  type AgentSessionResponse,
  type AgentSummary,
  type ApiTokenSummary,
  type IssuedApiToken,
  type TicketEventJson,
  type TicketJson,
  type TicketPage,
  type TicketView,
} from '@porchlight/shared/api/agent'
import { AUTHOR_KINDS } from '@porchlight/shared/chat/revert'
import { z } from 'zod'

/**
 * The success answers of the agent's sign-in, tokens and tickets, as zod schemas for the
 * OpenAPI document. Each is typed by the contract's type in shared/src/api/agent.ts, so a
 * schema that disagrees with the type fails the typecheck; strict objects make a field the
 * routes add without documenting it fail openapi-responses.test.ts.
 */

const iso = z.iso.datetime({ offset: true })
const identity = z.strictObject({ kind: z.enum(['email', 'phone']), value: z.string() })

export const agentSummary: z.ZodType<AgentSummary> = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'agent']),
})

export const agentLoginResponse: z.ZodType<AgentLoginResponse> = z.strictObject({
  agent: agentSummary,
  storeId: z.string(),
  csrfToken: z.string(),
  expiresAt: iso,
})

export const agentSessionResponse: z.ZodType<AgentSessionResponse> = z.strictObject({
  agent: agentSummary,
  store: z.strictObject({ id: z.string(), name: z.string() }),
  csrfToken: z.string(),
})

const tokenSummary: z.ZodType<ApiTokenSummary> = z.strictObject({
  id: z.string(),
  name: z.string(),
  scope: z.enum(API_TOKEN_SCOPES),
  agent: z.strictObject({ id: z.string(), email: z.string() }),
  createdAt: iso,
  expiresAt: iso,
  lastUsedAt: iso.nullable(),
  state: z.enum(API_TOKEN_STATES),
})

export const tokensResponse = z.strictObject({ tokens: z.array(tokenSummary) })

export const issuedToken: z.ZodType<IssuedApiToken> = z.strictObject({
  id: z.string(),
  token: z.string().describe('Shown this once'),
  scope: z.enum(API_TOKEN_SCOPES),
  expiresAt: iso,
})

export const totpSetupResponse = z.strictObject({
  secret: z.string(),
  uri: z.string().describe('otpauth:// URI for the authenticator app'),
})

export const securitySettings = z.strictObject({ requireTotp: z.boolean() })

export const ticketJson: z.ZodType<TicketJson> = z.strictObject({
  id: z.string(),
  reference: z
    .string()
    .describe('"T-1042": the ticket reference shown to shoppers and agents; number stays as well'),
  number: z.number().int(),
  type: z.enum(TICKET_TYPES),
  status: z.enum(TICKET_STATUSES),
  requestStatus: z.enum(REQUEST_STATUSES).nullable(),
  refundStatus: z.enum(REFUND_STATUSES).nullable(),
  channel: z.enum(TICKET_CHANNELS),
  order: z.strictObject({ id: z.string(), name: z.string().nullable() }).nullable(),
  shopper: z.strictObject({
    identity: identity.nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    locale: z.string(),
  }),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  lines: z.array(
    z.strictObject({
      lineItemId: z.string(),
      quantity: z.number().int(),
      exchange: z
        .strictObject({ variantId: z.string(), title: z.string() })
        .optional()
        .describe('The variant of the same product the shopper asked for instead of a refund'),
    }),
  ),
  tags: z.array(z.string()),
  assigneeId: z.string().nullable(),
  version: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
})

export const ticketEventJson: z.ZodType<TicketEventJson> = z.strictObject({
  id: z.string(),
  kind: z.string().describe("'created', 'updated', 'note', 'reply', 'approved', 'refunded', ..."),
  actor: z.strictObject({ kind: z.enum(AUTHOR_KINDS), id: z.string().nullable() }),
  data: z.record(z.string(), z.unknown()),
  at: iso,
})

export const ticketEventResponse = z.strictObject({ event: ticketEventJson })
export const ticketResponse = z.strictObject({ ticket: ticketJson })

export const ticketPage: z.ZodType<TicketPage> = z.strictObject({
  tickets: z.array(ticketJson),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

// The order beside a ticket is the shopper's own order view (shared/src/api/orders.ts), named
// here by its parts rather than repeated field by field.
const ticketOrder = z
  .looseObject({
    order: z.looseObject({ id: z.string() }),
    displayStatus: z.unknown(),
    timeline: z.array(z.unknown()),
    detail: z.looseObject({}),
  })
  .nullable()
  .describe('The order as the store has it now (OrderDetail in detail), or null')

/** The shopper's satisfaction rating, once given. */
const ratingJson = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  source: z.enum(RATING_SOURCES),
  createdAt: z.iso.datetime({ offset: true }),
})

export const ticketView: z.ZodType<TicketView> = z.strictObject({
  ticket: ticketJson,
  history: z.array(ticketEventJson),
  order: ticketOrder.optional(),
  conversationId: z.string().nullable(),
  rating: ratingJson.nullable().optional(),
})
