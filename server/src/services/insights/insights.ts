import {
  SELF_SERVICE_WINDOW_HOURS,
  type InsightsResponse,
  type RatingSummary,
} from '@porchlight/shared/api/insights'
import type { AppDeps } from '../../deps.ts'
import {
  countChats,
  countDecisions,
  countSelfServed,
  countSignedIn,
  countTickets,
  firstResponseTimes,
  resolutionTimes,
  topProducts,
  type Period,
} from '../../db/insights.repository.ts'
import { countRatingsByScore } from '../../db/ratings.repository.ts'

type Deps = Pick<AppDeps, 'db'>

const TOP_PRODUCTS = 10

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2)
}

export function summarizeRatings(byScore: Array<{ score: number; count: number }>): RatingSummary {
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0]
  let count = 0
  let sum = 0
  for (const { score, count: n } of byScore) {
    if (score < 1 || score > 5) continue
    distribution[score - 1] = (distribution[score - 1] ?? 0) + n
    count += n
    sum += score * n
  }
  return {
    count,
    average: count === 0 ? null : Math.round((sum / count) * 100) / 100,
    distribution,
  }
}

/** Every figure of the insights page for one store and period. */
export async function computeInsights(deps: Deps, period: Period): Promise<InsightsResponse> {
  const { db } = deps
  const signedIn = await countSignedIn(db, period)
  const selfServed = await countSelfServed(db, period, SELF_SERVICE_WINDOW_HOURS * 3600_000)
  const tickets = await countTickets(db, period)
  const decisions = await countDecisions(db, period)
  const firstResponses = await firstResponseTimes(db, period)
  const resolutions = await resolutionTimes(db, period)
  const chats = await countChats(db, period)
  const products = await topProducts(db, period, TOP_PRODUCTS)
  const ratings = await countRatingsByScore(db, period)
  return {
    period: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
    shoppers: {
      signedIn,
      selfServed,
      selfServiceRate: signedIn === 0 ? null : Math.round((selfServed / signedIn) * 1000) / 1000,
    },
    tickets: {
      total: tickets.byType.reduce((sum, t) => sum + t.count, 0),
      byType: tickets.byType,
      byReason: tickets.byReason,
    },
    decisions,
    times: {
      medianFirstResponseMs: median(firstResponses),
      medianResolutionMs: median(resolutions),
    },
    chats,
    topProducts: products,
    satisfaction: summarizeRatings(ratings),
  }
}
