import type { Operation } from '../operation.ts'
import { inboxResponse } from '../responses/inbox-responses.ts'

/** The console's inbox beside the queue (the views themselves are GET /v1/agent/tickets?view=). */
export const inboxOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/inbox',
    summary:
      'Open and unread tickets per inbox view (mine, unassigned, open, chats, decisions), and since when each open chat has waited for an answer',
    auth: 'agent',
    success: { status: 200, description: '{ views, waiting }', schema: inboxResponse },
  },
]
