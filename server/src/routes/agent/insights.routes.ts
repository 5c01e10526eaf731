import { MAX_INSIGHT_DAYS } from '@porchlight/shared/api/insights'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readQuery } from '../../http/query.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { computeInsights } from '../../services/insights/insights.ts'

const DAY_MS = 24 * 3600_000

const instant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date')
  .transform((s) => Date.parse(s))

/** Either a preset period ending now, or a custom one; described here so OpenAPI can use it. */
export const insightsQuery = z
  .strictObject({
    days: z.enum(['7', '30', '90']).transform(Number).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .superRefine((q, ctx) => {
    const custom = q.from !== undefined || q.to !== undefined
    if (q.days !== undefined && custom) {
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        message: 'give days or from and to, not both',
      })
    } else if (custom && (q.from === undefined || q.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'a custom period needs from and to' })
    } else if (q.from !== undefined && q.to !== undefined) {
      if (q.to <= q.from)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' })
      else if (q.to - q.from > MAX_INSIGHT_DAYS * DAY_MS) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `a period is at most ${MAX_INSIGHT_DAYS} days`,
        })
      }
    }
  })

/** The insights page's figures: any agent of the store (or read token) may read them. */
export const agentInsightsRoutes = new Hono<AppEnv>().get(
  '/v1/agent/insights',
  requireAgent,
  async (c) => {
    const q = readQuery(c, insightsQuery)
    const deps = c.get('deps')
    const now = deps.clock.now().getTime()
    const period =
      q.from !== undefined && q.to !== undefined
        ? { from: q.from, to: q.to }
        : { from: now - (q.days ?? 30) * DAY_MS, to: now }
    return c.json(await computeInsights(deps, { storeId: c.get('store').id, ...period }))
  },
)
