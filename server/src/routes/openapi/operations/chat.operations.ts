import {
  agentMessageBody,
  conversationListQuery,
  conversationQuery,
  streamTicketQuery,
} from '../../conversations/agent-chat.routes.ts'
import { readBody } from '../../conversations/chat-schemas.ts'
import type { Operation } from '../operation.ts'
import {
  closedConversation,
  conversationList,
  conversationThread,
  postedMessage,
  readState,
  streamTicket,
} from '../responses/chat-responses.ts'

const CONVERSATION = '/v1/agent/conversations/{id}'
const notFound = { conversation_not_found: '' } as const

/** The console's side of the live chat. */
export const chatOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/conversations',
    summary: 'The store’s chat conversations, most recent first',
    auth: 'agent',
    query: conversationListQuery,
    queryNotes: {
      status: 'open or closed',
      limit: '1 to 100, default 50',
      before: 'Event sequence to page back from',
    },
    success: {
      status: 200,
      description: '{ conversations, nextBefore }',
      schema: conversationList,
    },
  },
  {
    method: 'post',
    path: '/v1/agent/conversations/stream-tickets',
    summary: 'A short-lived, single-use ticket for the console event stream (no secret in URLs)',
    auth: 'agent',
    query: streamTicketQuery,
    queryNotes: {
      tab: 'The console tab’s presence id: while its stream is open, the tab counts as open',
    },
    success: {
      status: 201,
      description: '{ ticket, expiresInSeconds, url }',
      schema: streamTicket,
    },
  },
  {
    method: 'get',
    path: '/v1/agent/conversations/stream',
    summary:
      'Server-sent events for the console (?ticket=; replay after Last-Event-ID or ?lastEventId=; heartbeats every 25 s)',
    auth: 'none',
    queryNotes: {
      ticket: 'From POST /v1/agent/conversations/stream-tickets',
      lastEventId: 'Resume after this event',
    },
    success: {
      status: 200,
      description: 'The event stream (events as in docs/chat-api.md)',
      contentType: 'text/event-stream',
    },
    errors: { stream_ticket_invalid: '', shutting_down: 'reconnect' },
  },
  {
    method: 'get',
    path: CONVERSATION,
    summary: 'A conversation with its messages',
    auth: 'agent',
    query: conversationQuery,
    queryNotes: { before: 'Event sequence: the page of messages before it' },
    success: { status: 200, description: 'Conversation and messages', schema: conversationThread },
    errors: notFound,
  },
  {
    method: 'post',
    path: `${CONVERSATION}/messages`,
    summary: 'Answer the shopper (clientId makes retries store once)',
    auth: 'agent',
    body: agentMessageBody,
    success: { status: 201, description: 'The message', schema: postedMessage },
    errors: { ...notFound, conversation_closed: '' },
  },
  {
    method: 'post',
    path: `${CONVERSATION}/read`,
    summary: 'Mark the shopper’s messages read',
    auth: 'agent',
    body: readBody,
    success: { status: 200, description: 'Read state', schema: readState },
    errors: notFound,
  },
  {
    method: 'post',
    path: `${CONVERSATION}/typing`,
    summary: 'Tell the shopper an agent is typing',
    auth: 'agent',
    success: { status: 204, description: 'Sent' },
    errors: notFound,
  },
  {
    method: 'post',
    path: `${CONVERSATION}/close`,
    summary: 'Close the conversation and its chat ticket',
    auth: 'agent',
    success: { status: 200, description: 'The closed conversation', schema: closedConversation },
    errors: notFound,
  },
]
