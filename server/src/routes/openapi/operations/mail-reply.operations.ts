import { heldRepliesQuery } from '../../agent/held-replies.routes.ts'
import type { Operation } from '../operation.ts'
import { ticketEventResponse } from '../responses/agent-responses.ts'
import { heldRepliesResponse } from '../responses/mail-reply-responses.ts'

/** Emailed replies an agent decides on, and the attachments replies bring. */
export const mailReplyOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/held-replies',
    summary:
      'Replies held because someone other than the ticket’s shopper sent them to its reply address, oldest first',
    auth: 'agent',
    query: heldRepliesQuery,
    queryNotes: { ticket: 'Only this ticket’s (its id)' },
    success: { status: 200, description: 'The held replies', schema: heldRepliesResponse },
  },
  {
    method: 'post',
    path: '/v1/agent/held-replies/{id}/accept',
    summary: 'Let a held reply into its ticket’s thread (reopening a resolved ticket)',
    auth: 'agent',
    success: {
      status: 200,
      description: 'The thread’s new message event',
      schema: ticketEventResponse,
    },
    errors: { held_reply_not_found: 'or another agent took it first' },
  },
  {
    method: 'post',
    path: '/v1/agent/held-replies/{id}/discard',
    summary: 'Throw a held reply away, with its attachments',
    auth: 'agent',
    success: { status: 204, description: 'Discarded' },
    errors: { held_reply_not_found: 'or another agent took it first' },
  },
  {
    method: 'get',
    path: '/v1/agent/mail-attachments/{id}',
    summary: 'Download an attachment of an emailed reply (always as a download, never inline)',
    auth: 'agent',
    success: {
      status: 200,
      description: 'The file, with its sniffed type',
      contentType: 'application/octet-stream',
    },
    errors: { attachment_not_found: '' },
  },
]
