import { awayBody, heartbeatBody } from '../../agent/presence.routes.ts'
import type { Operation } from '../operation.ts'
import { presenceResponse, teamPresenceResponse } from '../responses/presence-responses.ts'

/** Agent presence: what the shopper's "online / away / back at" follows. */
export const presenceOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/presence',
    summary: 'Each agent of your store: available, away or offline',
    auth: 'agent',
    success: { status: 200, description: '{ agents }', schema: teamPresenceResponse },
  },
  {
    method: 'put',
    path: '/v1/agent/presence',
    summary:
      'A console tab’s heartbeat (every 10 s; a tab not heard from for 30 s is gone), with the time since its last input (10 min without input in every tab: away)',
    auth: 'agent',
    body: heartbeatBody,
    success: { status: 200, description: '{ state, away }', schema: presenceResponse },
  },
  {
    method: 'put',
    path: '/v1/agent/presence/away',
    summary: 'Set yourself away (or back) in every tab',
    auth: 'agent',
    body: awayBody,
    success: { status: 200, description: '{ state, away }', schema: presenceResponse },
  },
  {
    method: 'delete',
    path: '/v1/agent/presence/tabs/{tabId}',
    summary: 'A console tab closed: it stops counting now',
    auth: 'agent',
    success: { status: 204, description: 'Gone (also when it was unknown)' },
  },
]
