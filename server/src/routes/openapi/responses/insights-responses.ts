import type { InsightsResponse } from '@porchlight/shared/api/insights'
import { z } from 'zod'

const iso = z.iso.datetime({ offset: true })
const count = z.number().int().nonnegative()
const countBy = z.strictObject({ key: z.string(), count })
const ms = z.number().nonnegative().nullable().describe('Milliseconds; null when nothing had one')

/** GET /v1/agent/insights: the figures of one period, of the agent's store only. */
export const insightsResponse: z.ZodType<InsightsResponse> = z.strictObject({
  period: z.strictObject({ from: iso, to: iso }),
  shoppers: z.strictObject({
    signedIn: count,
    selfServed: count,
    selfServiceRate: z.number().min(0).max(1).nullable(),
  }),
  tickets: z.strictObject({
    total: count,
    byType: z.array(countBy),
    byReason: z.array(countBy).describe('key is `type:reason`'),
  }),
  decisions: z.strictObject({ automatic: count, agent: count }),
  times: z.strictObject({ medianFirstResponseMs: ms, medianResolutionMs: ms }),
  chats: z.strictObject({ answered: count, missed: count }),
  topProducts: z.array(z.strictObject({ title: z.string(), issues: count, returns: count })),
  satisfaction: z.strictObject({
    count,
    average: z.number().min(1).max(5).nullable(),
    distribution: z.tuple([count, count, count, count, count]),
  }),
})
