import { decisionBody, refundBody, replyBody } from '../../agent/ticket-actions.routes.ts'
import { noteBody, patchBody, queueQuery } from '../../agent/tickets.routes.ts'
import type { Operation } from '../operation.ts'
import {
  ticketEventResponse,
  ticketPage,
  ticketResponse,
  ticketView,
} from '../responses/agent-responses.ts'

const viewNote = 'shaped as GET /v1/agent/tickets/{id} answers'

/** The queue, a ticket and what an agent does with it. */
export const ticketOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/tickets',
    summary: 'The queue, newest first',
    auth: 'agent',
    query: queueQuery,
    queryNotes: {
      type: 'Comma-separated: return, cancel, issue, contact, chat',
      status: 'Comma-separated: open, pending, resolved, closed',
      channel: 'Comma-separated: chat, help-center, contact-form, console, api',
      from: 'ISO 8601, inclusive',
      to: 'ISO 8601, exclusive',
      q: 'Order number, email, phone, name or ticket number',
      assignee: 'Agent id',
      view: 'An inbox view: mine, unassigned, open, chats (open chats), decisions (requests waiting for a decision)',
      pageSize: '10, 20, 50 or 100',
      page: 'From 1',
    },
    success: { status: 200, description: 'A page of tickets with the total', schema: ticketPage },
  },
  {
    method: 'get',
    path: '/v1/agent/tickets/{id}',
    summary: 'A ticket with its history, the order beside it and, for a chat, its conversation',
    auth: 'agent',
    success: {
      status: 200,
      description:
        'Ticket, history, order ({ order, displayStatus, timeline, detail } or null) and conversationId: the chat ticket’s conversation (GET /v1/agent/conversations/{id}), null for other types or a chat ticket without one',
      schema: ticketView,
    },
    errors: { ticket_not_found: '' },
  },
  {
    method: 'patch',
    path: '/v1/agent/tickets/{id}',
    summary: 'Change status, assignee or tags at the version read',
    auth: 'agent',
    body: patchBody,
    success: { status: 200, description: 'The updated ticket', schema: ticketResponse },
    errors: {
      agent_not_found: 'the assignee is not an active agent of this store (another store’s, or deactivated)',
      ticket_not_found: '',
      version_conflict: 'with the fresh ticket in error.details.ticket',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/notes',
    summary: 'Add an internal note',
    auth: 'agent',
    body: noteBody,
    success: { status: 201, description: 'The note event', schema: ticketEventResponse },
    errors: { ticket_not_found: '' },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/decision',
    summary:
      'Approve or decline a request; an approval is carried out on the store (cancel, return, refund) and the shopper is told in their language',
    auth: 'agent',
    body: decisionBody,
    success: {
      status: 200,
      description: `The ticket view after the decision, ${viewNote} (deciding again the same way answers it as is)`,
      schema: ticketView,
    },
    errors: {
      ticket_not_found: '',
      version_conflict: 'with the fresh ticket in error.details.ticket',
      action_in_progress: 'with the fresh ticket in error.details.ticket',
      decision_not_allowed: 'error.details.reason, e.g. order_already_fulfilled',
      exchange_out_of_stock:
        'the variant the shopper asked for ran out; error.details.variants; approve with instead: refund',
      exchange_variant_not_allowed: 'not a variant of the line’s product',
      store_rejected: 'the store’s message',
      store_unavailable: 'the store did not act',
      store_auth_failed: 'the store did not act',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/replies',
    summary:
      'Reply to the shopper (email, or text message for phone-only shoppers; chat tickets in the chat)',
    auth: 'agent',
    body: replyBody,
    success: {
      status: 201,
      description: 'The reply event (for a chat ticket, the message is in its conversation)',
      schema: ticketEventResponse,
    },
    errors: {
      ticket_not_found: '',
      conversation_not_found: 'a chat ticket without a chat',
      conversation_closed: 'the chat is over for the shopper, who would not see the reply',
      no_shopper_contact: '',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/refunds',
    summary:
      'Refund part of the order or a gesture of goodwill, to the original payment method, up to what remains refundable',
    auth: 'agent',
    body: refundBody,
    success: {
      status: 200,
      description: `The ticket view after the refund, ${viewNote}`,
      schema: ticketView,
    },
    errors: {
      ticket_not_found: '',
      version_conflict: 'with the fresh ticket',
      action_in_progress: 'with the fresh ticket',
      refund_not_allowed:
        'error.details.reason: refund_exceeds_refundable, nothing_refundable, currency_mismatch, ...',
      store_rejected: '',
      store_unavailable: '',
      store_auth_failed: '',
    },
  },
]
