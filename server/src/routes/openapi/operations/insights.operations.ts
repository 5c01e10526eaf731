import { insightsQuery } from '../../agent/insights.routes.ts'
import type { Operation } from '../operation.ts'
import { insightsResponse } from '../responses/insights-responses.ts'

/** The insights page's figures. */
export const insightsOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/insights',
    summary:
      'Self-service rate, tickets by type and reason, decisions, response and resolution times, chats, top products and satisfaction for one period (your store only)',
    auth: 'agent',
    query: insightsQuery,
    queryNotes: {
      days: '7, 30 or 90: the period ending now',
      from: 'ISO 8601, with `to`: a custom period of at most 366 days',
      to: 'ISO 8601, after `from`',
    },
    success: { status: 200, description: 'InsightsResponse', schema: insightsResponse },
  },
]
