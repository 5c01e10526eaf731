import {
  CONVERSATION_STATUSES,
  type AgentConversation,
  type ChatMessage,
  type StreamTicketResponse,
} from '@porchlight/shared/api/chat'
import { AUTHOR_KINDS } from '@porchlight/shared/chat/revert'
import { z } from 'zod'

/**
 * The success answers of the console's chat routes, for the OpenAPI document (see
 * agent-responses.ts for why they are typed and strict).
 */

const iso = z.iso.datetime({ offset: true })

export const chatMessage: z.ZodType<ChatMessage> = z.strictObject({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int().describe('Store-wide event number: orders messages and read marks'),
  author: z.strictObject({ kind: z.enum(AUTHOR_KINDS), name: z.string().nullable() }),
  text: z.string(),
  systemKind: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  clientId: z.string().nullable(),
  createdAt: iso,
})

export const agentConversation: z.ZodType<AgentConversation> = z.strictObject({
  id: z.string(),
  status: z.enum(CONVERSATION_STATUSES),
  closedReason: z.string().nullable(),
  closedAt: iso.nullable(),
  ticketId: z.string(),
  ticketNumber: z.number().int(),
  previousId: z.string().nullable(),
  contact: z.strictObject({ name: z.string().nullable(), email: z.string().nullable() }),
  identity: z.strictObject({ kind: z.enum(['email', 'phone']), value: z.string() }).nullable(),
  locale: z.string(),
  lastAuthorKind: z.enum(['shopper', 'agent']).nullable(),
  lastMessageAt: iso.nullable(),
  revertsAt: iso.nullable(),
  revertedForShopper: z.boolean(),
  shopperReadSeq: z.number().int(),
  agentReadSeq: z.number().int(),
  unread: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
})

export const conversationList = z.strictObject({
  conversations: z.array(agentConversation),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for the next page'),
})

export const conversationThread = z.strictObject({
  conversation: agentConversation,
  messages: z.array(chatMessage),
  hasMore: z.boolean(),
  nextId: z.string().nullable().describe('The conversation that followed this one, if any'),
})

export const postedMessage = z.strictObject({
  conversation: agentConversation,
  message: chatMessage,
})

export const readState = z.strictObject({ readSeq: z.number().int() })
export const closedConversation = z.strictObject({ conversation: agentConversation })

export const streamTicket: z.ZodType<StreamTicketResponse> = z.strictObject({
  ticket: z.string(),
  expiresInSeconds: z.number().int(),
  url: z.string(),
})
