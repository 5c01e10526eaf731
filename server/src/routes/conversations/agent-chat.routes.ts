import { TAB_ID_PATTERN } from '@porchlight/shared/api/presence'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import {
  agentTyping,
  closeByAgent,
  getAgentConversation,
  listAgentConversations,
  markAgentRead,
  postAgentMessage,
} from '../../services/chat/agent-chat.ts'
import type { ChatHub } from '../../services/chat/hub.ts'
import { issueStreamTicket, redeemStreamTicket } from '../../services/chat/stream-tickets.ts'
import { clientId, messageText, parseLastEventId, queryParam, readBody } from './chat-schemas.ts'

const BASE = '/v1/agent/conversations'
const ID = `${BASE}/:id{cv_[A-Za-z0-9_-]{22}}`

export const agentMessageBody = z.strictObject({ text: messageText, clientId: clientId.optional() })
const seqParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional()

/** The conversation list's query, one schema per parameter (the OpenAPI document reads it). */
export const conversationListQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  before: seqParam,
})

/** A console tab asks for its stream, so the open stream keeps the tab's presence alive. */
export const streamTicketQuery = z.object({ tab: z.string().regex(TAB_ID_PATTERN).optional() })

/** A conversation's page of messages: those before this event number. */
export const conversationQuery = z.object({ before: seqParam })

/**
 * The console side of chat. Every lookup is scoped to the agent's store: an id from another
 * store is "not found", never a peek.
 */
export function agentChatRoutes(hub: ChatHub) {
  return new Hono<AppEnv>()
    .get(BASE, requireAgent, async (c) => {
      const { shape } = conversationListQuery
      const status = queryParam('status', c.req.query('status'), shape.status)
      const limit = queryParam('limit', c.req.query('limit'), shape.limit)
      const before = queryParam('before', c.req.query('before'), shape.before)
      return c.json(
        await listAgentConversations(c.get('deps'), c.get('store'), {
          limit: limit ?? 50,
          ...(status !== undefined ? { status } : {}),
          ...(before !== undefined ? { before } : {}),
        }),
      )
    })
    .post(`${BASE}/stream-tickets`, requireAgent, async (c) => {
      const agent = c.get('agent')
      const { db, clock } = c.get('deps')
      const tabId = queryParam('tab', c.req.query('tab'), streamTicketQuery.shape.tab)
      const { ticket, expiresInSeconds } = await issueStreamTicket(
        db,
        {
          audience: 'agent',
          storeId: agent.storeId,
          agent: { agentId: agent.agentId, sessionId: agent.sessionId, name: agent.name },
          ...(tabId !== undefined ? { tabId } : {}),
        },
        clock.now(),
      )
      return c.json({ ticket, expiresInSeconds, url: `${BASE}/stream?ticket=${ticket}` }, 201)
    })
    .get(`${BASE}/stream`, async (c) => {
      const { db, clock, isShuttingDown } = c.get('deps')
      if (isShuttingDown()) {
        throw new AppError('shutting_down', 'The server is shutting down; reconnect.')
      }
      const principal = await redeemStreamTicket(
        db,
        c.req.query('ticket') ?? '',
        'agent',
        clock.now(),
      )
      if (principal === undefined) {
        throw new AppError('stream_ticket_invalid', 'Ask for a new stream ticket.')
      }
      const lastEventId = parseLastEventId(
        c.req.header('last-event-id'),
        c.req.query('lastEventId'),
      )
      return hub.open(principal, lastEventId)
    })
    .get(ID, requireAgent, async (c) => {
      const before = queryParam('before', c.req.query('before'), conversationQuery.shape.before)
      return c.json(
        await getAgentConversation(c.get('deps'), c.get('store'), c.req.param('id'), {
          ...(before !== undefined ? { beforeSeq: before } : {}),
        }),
      )
    })
    .post(`${ID}/messages`, requireAgent, async (c) => {
      const body = await readJson(c, agentMessageBody)
      const result = await postAgentMessage(
        c.get('deps'),
        c.get('store'),
        c.get('agent'),
        c.req.param('id'),
        { text: body.text, clientId: body.clientId ?? null },
      )
      return c.json(result, 201)
    })
    .post(`${ID}/read`, requireAgent, async (c) => {
      const body = await readJson(c, readBody)
      return c.json(
        await markAgentRead(
          c.get('deps'),
          c.get('store'),
          c.req.param('id'),
          body.throughSeq ?? null,
        ),
      )
    })
    .post(`${ID}/typing`, requireAgent, async (c) => {
      await agentTyping(c.get('deps'), c.get('store'), c.get('agent'), c.req.param('id'))
      return c.body(null, 204)
    })
    .post(`${ID}/close`, requireAgent, async (c) =>
      c.json({
        conversation: await closeByAgent(
          c.get('deps'),
          c.get('store'),
          c.get('agent'),
          c.req.param('id'),
        ),
      }),
    )
}
